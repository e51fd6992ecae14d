// tsx --conditions=react-server lib/cli/eval-search-photo.ts [--modes pixel,tiny-clip] [--split test|tune] [--speed-only]
// The photo half of the search benchmark (lib/eval/search-photo.ts): prints relevanceTable
// for old (pixel v1, plain nearest neighbours) and new (pixel v2 + photo-rank) in pixel and
// tiny-CLIP modes, the same-colour figure next to it, and the pixel descriptors' speed
// (ms per image: decode + descriptor, one at a time, median over the first 64 dataset pictures).
// The dataset is ../shared/datasets/fashion-products (or STYLENOVA_DATASET_DIR); skipped
// with a message when absent.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { pixelDescriptor } from "../embedding/fallback";
import { pixelDescriptorV1 } from "../eval/baseline/pixel-v1";
import { relevanceTable } from "../eval/relevance";
import type { EmbeddingMode } from "../eval/relevance";
import { datasetDir, loadPhotoItems, photoRelevance } from "../eval/search-photo";

/** Median ms per picture (decode + descriptor) of each embedder, one picture at a time, the embedders interleaved per picture (a busy machine slows both alike), after 4 warm-ups. */
export async function descriptorSpeed(files: string[], embedders: ((b: Buffer) => Promise<Float32Array>)[]): Promise<number[]> {
  const bytes = await Promise.all(files.map((f) => readFile(f)));
  for (const b of bytes.slice(0, 4)) for (const e of embedders) await e(b);
  const ms = embedders.map(() => [] as number[]);
  for (const b of bytes) {
    for (let i = 0; i < embedders.length; i++) {
      const t = performance.now();
      await embedders[i](b);
      ms[i].push(performance.now() - t);
    }
  }
  return ms.map((m) => m.sort((a, b) => a - b)[m.length >> 1]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { modes: { type: "string", default: "pixel,tiny-clip" }, split: { type: "string", default: "test" }, "speed-only": { type: "boolean", default: false } },
  });
  const dir = datasetDir();
  const items = loadPhotoItems(dir);
  if (!items) {
    console.log(`photo benchmark skipped: ${path.join(dir, "items.csv")} is absent (set STYLENOVA_DATASET_DIR)`);
    return;
  }
  const files = items.slice(0, 64).map((it) => it.file);
  const [v1, v2] = await descriptorSpeed(files, [(b) => pixelDescriptorV1(b), (b) => pixelDescriptor(b)]);
  console.log(`pixel descriptor speed (median of ${files.length} pictures, decode + descriptor): v1 ${v1.toFixed(1)} ms/image, v2 ${v2.toFixed(1)} ms/image`);
  if (values["speed-only"]) return;
  const split = values.split === "tune" ? "tune" : "test";
  const result = await photoRelevance({ dir, split, modes: values.modes.split(",").map((m) => m.trim()) as EmbeddingMode[], log: (l) => console.error(l) });
  if (!result) return;
  console.log(`\nPhoto queries (${split} split): relevant = same article type as the query product\n`);
  console.log(relevanceTable(result.rows));
  console.log("\nsame base colour in the top 10 (not a target):");
  for (const c of result.sameColour) console.log(`  ${c.mode} ${c.system}: ${c.sameColourAt10.toFixed(1)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join("lib", "cli", "eval-search-photo.ts"))) {
  main().catch((err: unknown) => {
    console.error(`eval-search-photo failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
