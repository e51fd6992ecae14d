// npm run eval:search [-- --sections words,photo --queries 100 --seed 7 --modes pixel,tiny-clip --dataset ../shared/datasets/fashion-products/items.csv]
// The offline search relevance benchmark (issue 15): word queries built from held-out
// products of the fashion-products dataset, precision@10 and nDCG@10 per query kind, for
// the search before issue 15 ("old") and GET /api/search's ("new"), in the default pixel
// mode and with the random-weight tiny CLIP model. Each mode imports the dataset through
// the real importer into its own data folder under $DATA_DIR/eval/search-words, in a child
// process. Prints Markdown (relevanceTable) and writes $DATA_DIR/reports/eval-search.json.
// Sections: words (lib/eval/search-words.ts) and photo (lib/eval/search-photo.ts: held-out
// product pictures, the test split; lib/cli/eval-search-photo.ts has its tuning split and speed).
import fs from "node:fs";
import path from "node:path";
import type { EmbeddingMode } from "@/lib/eval/relevance";
import { parseArgs, runCli } from "./args";

const ROOT = process.cwd();
const dataRoot = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, ".data"));

/** items.csv of the dataset: --dataset, else $STYLENOVA_DATASET_DIR, else ../shared/datasets/fashion-products next to the project. */
function datasetCsv(flag: string | true | undefined): string {
  if (typeof flag === "string") return path.resolve(flag);
  const dir = process.env.STYLENOVA_DATASET_DIR ?? path.resolve(ROOT, "..", "shared", "datasets", "fashion-products");
  return path.join(dir, "items.csv");
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), ["sections", "queries", "seed", "modes", "dataset", "child-words", "out"]);
  const perKind = Number(args.flags.get("queries") ?? 100);
  const seed = Number(args.flags.get("seed") ?? 7);
  if (!Number.isInteger(perKind) || perKind < 1) throw new Error("--queries must be a positive whole number (queries per kind)");
  if (!Number.isInteger(seed)) throw new Error("--seed must be a whole number");
  const csv = datasetCsv(args.flags.get("dataset"));
  if (!fs.existsSync(csv)) throw new Error(`${csv} is absent: pass --dataset <items.csv> or set STYLENOVA_DATASET_DIR`);

  const child = args.flags.get("child-words");
  if (typeof child === "string") {
    const { runWordsChild } = await import("@/lib/eval/search-words");
    const result = await runWordsChild({ mode: child as EmbeddingMode, datasetCsv: csv, perKind, seed });
    fs.writeFileSync(String(args.flags.get("out")), JSON.stringify(result, null, 2));
    return 0;
  }

  const modes = String(args.flags.get("modes") ?? "pixel,tiny-clip").split(",") as EmbeddingMode[];
  if (modes.some((m) => m !== "pixel" && m !== "tiny-clip")) throw new Error("--modes must list pixel and/or tiny-clip");
  const sections = String(args.flags.get("sections") ?? "words,photo").split(",");
  if (sections.some((x) => x !== "words" && x !== "photo")) throw new Error("--sections must list words and/or photo");
  const started = Date.now();
  const { relevanceTable } = await import("@/lib/eval/relevance");
  const report: Record<string, unknown> = {};
  if (sections.includes("words")) {
    const { runWordsSection } = await import("@/lib/eval/search-words");
    const words = runWordsSection({ root: ROOT, dataRoot, datasetCsv: csv, modes, perKind, seed });
    process.stdout.write(`\n## Search relevance: word queries\n\n${relevanceTable(words.rows)}\n\n${words.text}\n`);
    report.words = { rows: words.rows, children: words.children };
  }
  if (sections.includes("photo")) {
    const { photoRelevance } = await import("@/lib/eval/search-photo");
    const photo = await photoRelevance({ dir: path.dirname(csv), split: "test", modes, log: (l) => process.stderr.write(`${l}\n`) });
    if (photo) {
      process.stdout.write(`\n## Search relevance: photo queries (relevant = the query product's article type)\n\n${relevanceTable(photo.rows)}\n\n`);
      process.stdout.write(`same base colour in the top 10 (not a target): ${photo.sameColour.map((c) => `${c.mode} ${c.system} ${c.sameColourAt10.toFixed(1)}`).join(", ")}\n`);
      report.photo = photo;
    }
  }
  const jsonOut = path.join(dataRoot, "reports", "eval-search.json");
  fs.mkdirSync(path.dirname(jsonOut), { recursive: true });
  fs.writeFileSync(jsonOut, JSON.stringify(report, null, 2));
  process.stdout.write(`\n(${((Date.now() - started) / 1000).toFixed(0)} s) JSON written to ${jsonOut}\n`);
  return 0;
});
