// Offline search relevance: the row every search benchmark section reports (words and photos,
// today's search and the new one, pixel and CLIP modes) and its table. Pure; the metrics are
// lib/recommender/evaluate.ts's precisionAtK / ndcgAtK.

export type SearchSystem = "old" | "new";
export type EmbeddingMode = "pixel" | "tiny-clip";

export interface RelevanceRow {
  system: SearchSystem;
  mode: EmbeddingMode;
  /** query kind, e.g. "<colour> <article type>" or "photo" */
  kind: string;
  queries: number;
  precisionAt10: number;
  ndcgAt10: number;
  /** photo queries: mean number of the top 10 with the query item's article type */
  sameTypeAt10?: number;
}

/** A Markdown table of rows, one per (kind, mode), old and new side by side. */
export function relevanceTable(rows: readonly RelevanceRow[]): string {
  const key = (r: RelevanceRow) => `${r.kind}\u0000${r.mode}`;
  const groups = new Map<string, { old?: RelevanceRow; new?: RelevanceRow }>();
  for (const r of rows) {
    const g = groups.get(key(r)) ?? {};
    g[r.system] = r;
    groups.set(key(r), g);
  }
  const f = (v: number | undefined) => (v === undefined ? "-" : v.toFixed(2));
  const lines = [
    "| query kind | mode | queries | P@10 old | P@10 new | nDCG@10 old | nDCG@10 new | same type in top 10 old | new |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const g of groups.values()) {
    const any = (g.new ?? g.old) as RelevanceRow;
    const sameType = (r?: RelevanceRow) => (r?.sameTypeAt10 === undefined ? "-" : r.sameTypeAt10.toFixed(1));
    lines.push(
      `| ${any.kind} | ${any.mode} | ${any.queries} | ${f(g.old?.precisionAt10)} | ${f(g.new?.precisionAt10)} | ${f(g.old?.ndcgAt10)} | ${f(g.new?.ndcgAt10)} | ${sameType(g.old)} | ${sameType(g.new)} |`,
    );
  }
  return lines.join("\n");
}
