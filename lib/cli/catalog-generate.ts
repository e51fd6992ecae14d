// catalog:generate - writes the bundled fictional catalog (catalog.csv + images/<id>.png).
// Usage: tsx --conditions=react-server lib/cli/catalog-generate.ts --out <dir> [--count N] [--seed S] [--no-images]
// Imports only the catalog generator and the shared argv helper: no database, no next.
import path from "node:path";
import { DEFAULT_COUNT, DEFAULT_SEED, writeBundledCatalog } from "@/catalog";
import { parseArgs, runCli } from "./args";

const USAGE = "usage: catalog-generate --out <dir> [--count N] [--seed S] [--no-images]";

function intFlag(value: string | true | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value === true || !Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}\n${USAGE}`);
  return n;
}

runCli(async () => {
  const { flags } = parseArgs(process.argv.slice(2), ["out", "count", "seed"]);
  if (flags.has("help")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const out = flags.get("out");
  if (typeof out !== "string" || out === "") throw new Error(`--out <dir> is required\n${USAGE}`);
  const count = intFlag(flags.get("count"), "count", DEFAULT_COUNT, 1);
  const seed = intFlag(flags.get("seed"), "seed", DEFAULT_SEED, 0);
  const images = !flags.has("no-images");
  const outDir = path.resolve(out);
  const started = performance.now();
  process.stdout.write(`generating ${count} products (seed ${seed}) into ${outDir}${images ? "" : " without images"}\n`);
  const result = await writeBundledCatalog({
    outDir,
    count,
    seed,
    images,
    onProgress: (done, total, phase) => {
      if (phase === "images") process.stdout.write(`images ${done}/${total}\n`);
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const imageNote = images ? `, ${result.imagesRendered} images rendered, ${result.imagesSkipped} unchanged` : "";
  process.stdout.write(`wrote ${result.csvPath} (${result.count} rows${imageNote}) in ${seconds}s\n`);
});
