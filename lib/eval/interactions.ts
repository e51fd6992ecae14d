// Interactions files for offline top-K evaluation: "user,item[,rating][,timestamp]" with
// or without a header, comma or tab separated (MovieLens u.data works as is). Pure.
import type { Interaction } from "@/lib/recommender/evaluate";
import { csvLine, parseCsv, unneutralise } from "@/lib/catalog/csv";

export class InteractionsError extends Error {}

export function parseInteractions(text: string, file = "interactions"): Interaction[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const tab = firstLine.includes("\t") && !firstLine.includes(",");
  const records = tab
    ? text.split(/\r?\n/).map((l, i) => ({ line: i + 1, fields: l.split("\t") })).filter((r) => r.fields.join("").trim() !== "")
    : parseCsv(text);
  const out: Interaction[] = [];
  records.forEach((r, idx) => {
    const [user, item, rating, ts] = r.fields.map((f) => unneutralise(f.trim()));
    if (idx === 0 && /^user/i.test(user ?? "")) return; // header
    if (!user || !item) throw new InteractionsError(`${file}:${r.line}: expected user,item[,rating][,timestamp]`);
    const i: Interaction = { user, item };
    if (rating !== undefined && rating !== "") {
      const n = Number(rating);
      if (!Number.isFinite(n)) throw new InteractionsError(`${file}:${r.line}: rating "${rating}" is not a number`);
      i.rating = n;
    }
    if (ts !== undefined && ts !== "") {
      const n = Number(ts);
      if (!Number.isFinite(n)) throw new InteractionsError(`${file}:${r.line}: timestamp "${ts}" is not a number`);
      i.timestamp = n;
    }
    out.push(i);
  });
  if (out.length === 0) throw new InteractionsError(`${file}: no interactions found`);
  return out;
}

export function formatInteractions(list: readonly Interaction[]): string {
  return ["user,item,rating,timestamp", ...list.map((i) => csvLine([i.user, i.item, i.rating ?? "", i.timestamp ?? ""]))].join("\n") + "\n";
}
