// Offline top-K evaluation runner: reads an interactions file (or writes the planted
// taste-group file) and evaluates user-kNN against most-popular. Server-only I/O edge.
import fs from "node:fs";
import path from "node:path";
import { evaluateTopK, generatePlantedInteractions, type EvaluationReport } from "@/lib/recommender/evaluate";
import { formatInteractions, parseInteractions } from "./interactions";

export const PLANTED = { users: 600, items: 800, groups: 10, perUser: 25 } as const;

export function runTopK(opts: { file: string | null; seed: number; outDir: string }): { source: string; report: EvaluationReport } {
  let file = opts.file;
  let source: string;
  if (file) {
    source = path.resolve(file);
  } else {
    fs.mkdirSync(opts.outDir, { recursive: true });
    file = path.join(opts.outDir, "planted-interactions.csv");
    fs.writeFileSync(file, formatInteractions(generatePlantedInteractions({ ...PLANTED, seed: opts.seed })));
    source = `planted taste groups (${PLANTED.users} users, ${PLANTED.items} items, ${PLANTED.groups} groups, ${PLANTED.perUser} interactions each; written to ${file})`;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new Error(`${file}: cannot read the interactions file`);
  }
  const interactions = parseInteractions(text, file);
  return { source, report: evaluateTopK(interactions, { seed: opts.seed }) };
}

export function topKTable(r: EvaluationReport): string {
  const f = (x: number) => x.toFixed(4);
  return [
    `${r.users} users, ${r.items} items, ${r.interactions} interactions; random 80/20 split per user (seed ${r.seed}), train items excluded, full ranking.`,
    "",
    `| method | P@${r.k} | R@${r.k} | nDCG@${r.k} | MAP@${r.k} |`,
    "| --- | --- | --- | --- | --- |",
    `| user-kNN | ${f(r.userKnn.precision)} | ${f(r.userKnn.recall)} | ${f(r.userKnn.ndcg)} | ${f(r.userKnn.map)} |`,
    `| most-popular | ${f(r.mostPopular.precision)} | ${f(r.mostPopular.recall)} | ${f(r.mostPopular.ndcg)} | ${f(r.mostPopular.map)} |`,
    "",
    `user-kNN P@${r.k} is ${(r.userKnn.precision / Math.max(1e-9, r.mostPopular.precision)).toFixed(2)}x most-popular.`,
  ].join("\n");
}
