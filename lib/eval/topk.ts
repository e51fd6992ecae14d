// Offline top-K evaluation runner: reads an interactions file (or writes the planted
// taste-group file, with the generator's oracle row), or simulates shoppers on the fashion
// dataset, and evaluates the served collaborative model over EVAL_SEEDS seeds
// next to the reference rows (lib/recommender/evaluate.ts). Server-only I/O edge.
import fs from "node:fs";
import path from "node:path";
import { evaluateSeeds, generatePlanted, type SeedsReport } from "@/lib/recommender/evaluate";
import { loadCatalogProducts, simulateShopperLog, type DeckKind } from "./fashion-log";
import { formatInteractions, parseInteractions } from "./interactions";

export const PLANTED = { users: 600, items: 800, groups: 10, perUser: 25 } as const;

export const EVAL_SEEDS = 5;

export function runTopK(opts: { file: string | null; seed: number; outDir: string }): { source: string; report: SeedsReport } {
  let file = opts.file;
  let source: string;
  let oracle: ((user: string, item: string) => number) | undefined;
  if (file) {
    source = path.resolve(file);
  } else {
    fs.mkdirSync(opts.outDir, { recursive: true });
    file = path.join(opts.outDir, "planted-interactions.csv");
    const planted = generatePlanted({ ...PLANTED, seed: opts.seed });
    oracle = planted.drawProbability; // the generator's truth: the ceiling row
    fs.writeFileSync(file, formatInteractions(planted.interactions));
    source = `planted taste groups (${PLANTED.users} users, ${PLANTED.items} items, ${PLANTED.groups} groups, ${PLANTED.perUser} interactions each; written to ${file})`;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new Error(`${file}: cannot read the interactions file`);
  }
  const interactions = parseInteractions(text, file);
  const seeds = Array.from({ length: EVAL_SEEDS }, (_, i) => opts.seed + i);
  return { source, report: evaluateSeeds(interactions, seeds, { oracle }) };
}

/** Simulated shoppers on the fashion dataset (lib/eval/fashion-log.ts). */
export const FASHION_LOG = { shoppers: 1000, swipes: 40 } as const;

/**
 * The offline protocol on the log simulated shoppers produce on a real catalog; null when
 * the catalog CSV is absent. The log is written next to the other eval files.
 */
export async function runFashionTopK(opts: { datasetCsv: string; seed: number; deck: DeckKind; outDir: string }): Promise<{ source: string; report: SeedsReport } | null> {
  const products = loadCatalogProducts(opts.datasetCsv);
  if (!products) return null;
  const log = await simulateShopperLog(products, { ...FASHION_LOG, seed: opts.seed, deck: opts.deck });
  fs.mkdirSync(opts.outDir, { recursive: true });
  const file = path.join(opts.outDir, `fashion-${opts.deck}-interactions.csv`);
  fs.writeFileSync(file, formatInteractions(log.interactions));
  const seeds = Array.from({ length: EVAL_SEEDS }, (_, i) => opts.seed + i);
  const deck = opts.deck === "popular" ? "popularity-skewed deck within the quiz's gender" : "the app's content ranking in memory";
  const source = `simulated shoppers on the fashion dataset (${products.length} products, ${FASHION_LOG.shoppers} shoppers x ${FASHION_LOG.swipes} swipes, ${deck}; like rate ${log.likeRate.toFixed(3)}, superlike ${log.superlikeRate.toFixed(3)}, passes as -1; written to ${file})`;
  return { source, report: evaluateSeeds(log.interactions, seeds) };
}

export function topKTable(r: SeedsReport): string {
  const f = (x: { mean: number; sd: number }) => `${x.mean.toFixed(4)} ± ${x.sd.toFixed(4)}`;
  const lines = [
    `${r.users} users, ${r.items} items, ${r.interactions} interactions; random 80/20 split of each user's positives (seeds ${r.seeds.join(", ")}: mean ± sd), passes kept in train, train items excluded, full ranking. Served model: ${r.servedKind} (config.ts).`,
    "",
    `| method | P@${r.k} | R@${r.k} | nDCG@${r.k} | MAP@${r.k} |`,
    "| --- | --- | --- | --- | --- |",
  ];
  const label = (m: string) => (m === "served" ? `served (${r.servedKind})` : m === "oracle" ? "oracle (generator's truth: the ceiling)" : m);
  for (const row of r.rows) lines.push(`| ${label(row.method)} | ${f(row.precision)} | ${f(row.recall)} | ${f(row.ndcg)} | ${f(row.map)} |`);
  const p = (m: string) => r.rows.find((x) => x.method === m)?.precision.mean ?? 0;
  const oracle = p("oracle");
  lines.push("", `served P@${r.k} is ${(p("served") / Math.max(1e-9, p("user-kNN"))).toFixed(2)}x user-kNN (target 1.10x) and ${(p("served") / Math.max(1e-9, p("most-popular"))).toFixed(2)}x most-popular.`);
  // the published ordering: latent factors and EASE^R above kNN above most-popular
  const latent = ["ALS", "EASE^R"].filter((m) => r.rows.some((x) => x.method === m));
  const knn = ["user-kNN", "item-kNN"].filter((m) => r.rows.some((x) => x.method === m));
  const broken: string[] = [];
  for (const a of latent) for (const b of knn) if (p(a) <= p(b)) broken.push(`${a} <= ${b}`);
  for (const b of knn) if (p(b) <= p("most-popular")) broken.push(`${b} <= most-popular`);
  lines.push(`Published ordering (${latent.join(", ")} > ${knn.join(", ")} > most-popular, P@${r.k}): ${broken.length ? `does not hold here: ${broken.join("; ")}` : "holds"}.`);
  if (oracle > 0) lines.push(`The oracle reaches ${(oracle / Math.max(1e-9, p("user-kNN"))).toFixed(2)}x user-kNN: no method can beat user-kNN by more on this data.`);
  return lines.join("\n");
}
