// npm run model:generate -- --out <dir> [--size tiny|vit-b32] [--seed N] [--no-quantized]
// Writes a random-weight CLIP model in the transformers.js layout (for tests and
// offline benchmarks; its vectors are meaningless). Must not import lib/db or lib/feed.
import { parseArgs } from "node:util";
import path from "node:path";
import { generateClipModel, type ClipSize } from "../embedding/tiny-clip";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      size: { type: "string", default: "tiny" },
      seed: { type: "string", default: "42" },
      "no-quantized": { type: "boolean", default: false },
    },
  });
  if (!values.out) throw new Error("--out <dir> is required (the model folder, e.g. .data/models/Xenova/clip-vit-base-patch32)");
  if (values.size !== "tiny" && values.size !== "vit-b32") throw new Error(`--size must be tiny or vit-b32, got ${values.size}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  const result = await generateClipModel(path.resolve(values.out), {
    size: values.size as ClipSize,
    seed,
    quantized: !values["no-quantized"],
  });
  for (const f of result.files) console.log(`${(f.bytes / 1e6).toFixed(2).padStart(9)} MB  ${f.name}`);
  console.log(`wrote ${result.dir}: ${(result.totalBytes / 1e6).toFixed(2)} MB in ${result.ms.toFixed(0)} ms`);
}

main().catch((err: unknown) => {
  console.error(`model:generate failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
