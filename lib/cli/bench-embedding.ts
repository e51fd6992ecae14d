// Embedding throughput benchmark: ms/image single and in batches of 8, images/s and
// ms per short text query (warm-up, then the median), for the installed model (or
// the fallback) and for a full-size random-weight ViT-B/32 generated once into
// .data/models-bench/. Standalone: tsx --conditions=react-server lib/cli/bench-embedding.ts
// [--runs N] [--no-full]. Must not import lib/db or lib/feed.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { env } from "../env";
import { getEmbedder, type Embedder } from "../embedding";
import { clipModelDir, clipModelId, loadClip, missingClipFiles } from "../embedding/clip";
import { generateClipModel } from "../embedding/tiny-clip";

export interface BenchOptions {
  /** Project root (default cwd); images come from <root>/../shared/datasets/fashion-products/images. */
  root?: string;
  runs?: number;
  warmup?: number;
  threads?: number;
  /** Also benchmark the full-size random ViT-B/32 (fp32 and q8). Default true. */
  fullSize?: boolean;
  benchModelsDir?: string;
  log?: (line: string) => void;
}

export interface Row {
  model: string;
  modelId: string;
  loadMs: number;
  msPerImageSingle: number;
  msPerImageBatch8: number;
  imagesPerSec: number;
  msPerText: number | null;
  threads: number;
  cores: number;
  imageSource: string;
}

const BENCH_MODEL = "Xenova/clip-vit-base-patch32";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** First 16 JPEGs of the shared dataset, else 16 generated product-like images. */
export async function benchImages(root: string): Promise<{ images: Buffer[]; source: string }> {
  const dir = path.resolve(root, "../shared/datasets/fashion-products/images");
  if (existsSync(dir)) {
    const files = readdirSync(dir).filter((f) => /\.jpe?g$/i.test(f)).sort().slice(0, 16);
    if (files.length === 16) return { images: files.map((f) => readFileSync(path.join(dir, f))), source: dir };
  }
  const images = await Promise.all(
    Array.from({ length: 16 }, (_, i) =>
      sharp({ create: { width: 600, height: 800, channels: 3, background: { r: (i * 53) % 256, g: (i * 97) % 256, b: (i * 31) % 256 } } })
        .jpeg()
        .toBuffer(),
    ),
  );
  return { images, source: "generated" };
}

const QUERIES = ["a photo of a black dress", "red casual shoes", "blue denim jacket", "white summer top", "navy formal shirt"];

async function measure(name: string, em: Embedder, loadMs: number, images: Buffer[], o: Required<Pick<BenchOptions, "runs" | "warmup" | "threads">>): Promise<Omit<Row, "imageSource">> {
  for (let i = 0; i < o.warmup; i++) await em.embedImages([images[i % images.length]]);
  const single: number[] = [];
  for (let i = 0; i < o.runs; i++) single.push(await timed(() => em.embedImages([images[i % images.length]])));
  await em.embedImages(images.slice(0, 8), { batchSize: 8 });
  const batch: number[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(o.runs / 4)); i++) {
    const chunk = images.slice((i % 2) * 8, (i % 2) * 8 + 8);
    batch.push((await timed(() => em.embedImages(chunk, { batchSize: 8 }))) / chunk.length);
  }
  let msPerText: number | null = null;
  if ((await em.embedText(QUERIES[0])) !== null) {
    for (let i = 0; i < o.warmup; i++) await em.embedText(QUERIES[i % QUERIES.length]);
    const texts: number[] = [];
    for (let i = 0; i < o.runs; i++) texts.push(await timed(() => em.embedText(QUERIES[i % QUERIES.length])));
    msPerText = median(texts);
  }
  const perImageBatch = median(batch);
  return {
    model: name,
    modelId: em.modelId,
    loadMs,
    msPerImageSingle: median(single),
    msPerImageBatch8: perImageBatch,
    imagesPerSec: 1000 / perImageBatch,
    msPerText,
    threads: o.threads,
    cores: os.cpus().length,
  };
}

/** The full-size random ViT-B/32 (fp32 + q8), generated once and reused. */
async function ensureBenchModel(dir: string, log: (s: string) => void): Promise<void> {
  if (missingClipFiles({ modelsDir: dir, model: BENCH_MODEL, quantized: false }).length === 0 && missingClipFiles({ modelsDir: dir, model: BENCH_MODEL, quantized: true }).length === 0) return;
  log(`generating the random-weight ViT-B/32 into ${dir} (once) ...`);
  const r = await generateClipModel(clipModelDir({ modelsDir: dir, model: BENCH_MODEL }), { size: "vit-b32", seed: 1 });
  log(`  ${(r.totalBytes / 1e6).toFixed(0)} MB in ${(r.ms / 1000).toFixed(1)} s`);
}

function clipBenchEmbedder(modelsDir: string, quantized: boolean, threads: number): () => Promise<Embedder> {
  return async () => {
    const opts = { modelsDir, model: BENCH_MODEL, quantized, threads };
    const m = await loadClip(opts);
    return {
      mode: "clip",
      modelId: await clipModelId(opts),
      dim: m.dim,
      embedImages: (imgs, o) => m.embedImages(imgs, o),
      embedText: async (t) => (await m.embedTexts([t]))[0],
    };
  };
}

export async function benchEmbedding(opts: BenchOptions = {}): Promise<Row[]> {
  const e = env();
  const root = opts.root ?? process.cwd();
  const log = opts.log ?? ((s: string) => console.log(s));
  const o = { runs: opts.runs ?? 12, warmup: opts.warmup ?? 3, threads: opts.threads ?? e.ortThreads };
  const { images, source } = await benchImages(root);
  const targets: [string, () => Promise<Embedder>][] = [["installed", () => getEmbedder({ threads: o.threads })]];
  if (opts.fullSize ?? true) {
    const dir = opts.benchModelsDir ?? path.join(e.dataDir, "models-bench");
    await ensureBenchModel(dir, log);
    targets.push(["vit-b32 random fp32", clipBenchEmbedder(dir, false, o.threads)]);
    targets.push(["vit-b32 random q8", clipBenchEmbedder(dir, true, o.threads)]);
  }
  const rows: Row[] = [];
  for (const [name, load] of targets) {
    const t0 = performance.now();
    const em = await load();
    const loadMs = performance.now() - t0;
    log(`benchmarking ${name} (${em.modelId}) ...`);
    rows.push({ ...(await measure(name, em, loadMs, images, o)), imageSource: source });
  }
  return rows;
}

export function formatRows(rows: Row[]): string {
  const head = ["model", "model id", "load ms", "ms/img single", "ms/img batch8", "img/s", "ms/text"];
  const body = rows.map((r) => [
    r.model,
    r.modelId,
    r.loadMs.toFixed(0),
    r.msPerImageSingle.toFixed(1),
    r.msPerImageBatch8.toFixed(1),
    r.imagesPerSec.toFixed(1),
    r.msPerText === null ? "-" : r.msPerText.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  const r0 = rows[0];
  return [
    `cores: ${r0?.cores ?? os.cpus().length}, ORT intra-op threads: ${r0?.threads ?? "-"}, images: ${r0?.imageSource ?? "-"}`,
    line(head),
    line(widths.map((w) => "-".repeat(w))),
    ...body.map(line),
  ].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: "string" }, "no-full": { type: "boolean", default: false } } });
  const rows = await benchEmbedding({ runs: values.runs ? Number(values.runs) : undefined, fullSize: !values["no-full"] });
  console.log(formatRows(rows));
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join("lib", "cli", "bench-embedding.ts"))) {
  main().catch((err: unknown) => {
    console.error(`bench-embedding failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
