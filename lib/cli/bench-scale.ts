// Scale benchmark (npm run bench -- --only scale): a generated catalog of 100,000 products
// (no images) with synthetic 512-dim unit vectors (seeded, correlated with colour and
// article type, as lib/cli/bench-api.ts), on SQLite and on PostgreSQL (a throwaway local
// server, lib/db/pg-local; skipped with a message when it cannot start). Per database, in
// a child process with its own temp DATA_DIR: seeding time, catalog snapshot load, ANN
// index build, memory after load (RSS, heap, array buffers), next-cards latency in-process
// with the ANN candidate stage and with the exact stage, the brute-force floor (plain JS
// dot products over 100,000 x 512 + top-k) measured in the same run, feedback latency,
// and the ANN's recall@100 against exact search with its query time.
// Standalone: tsx --conditions=react-server lib/cli/bench-scale.ts [--products N] [--calls N] [--no-pg]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs, runCli } from "./args";
import { stats, swipeShopper, type Stats } from "./bench-api";
import { DIM, installSyntheticEmbedder, seedSyntheticCatalog, SYNTHETIC_MODEL_ID, syntheticVector } from "./bench-synthetic";

const MODEL_ID = SYNTHETIC_MODEL_ID;
const TARGET_P95_MS = 30;

export interface ScaleRow {
  database: "sqlite" | "postgresql";
  products: number;
  seedMs: number;
  loadMs: number;
  annBuildMs: number;
  rssMb: number;
  heapMb: number;
  arrayBuffersMb: number;
  nextCards: Stats;
  nextCardsExact: Stats;
  feedback: Stats;
  floor: Stats;
  recall100: number;
  annQueryMs: number;
  exactQueryMs: number;
  candidates: number;
}

export interface ScaleResult {
  rows: ScaleRow[];
  skipped: { database: string; reason: string }[];
  targetP95Ms: number;
}

// ---------------------------------------------------------------- synthetic data





// ---------------------------------------------------------------- measurements

async function timeNextCards(shopperId: string, calls: number): Promise<number[]> {
  const { nextCards } = await import("@/lib/feed/deck");
  for (let i = 0; i < 5; i++) await nextCards(shopperId, { limit: 10, exclude: [i + 1] });
  const out: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await nextCards(shopperId, { limit: 10, exclude: [(i % 500) + 1] });
    out.push(performance.now() - t);
  }
  return out;
}

export async function runScale(opts: { database: "sqlite" | "postgresql"; products: number; calls: number; log: (l: string) => void }): Promise<ScaleRow> {
  const { log } = opts;
  await installSyntheticEmbedder();
  let t = performance.now();
  log(`[${opts.database}] seeding ${opts.products} products with synthetic ${DIM}-dim vectors ...`);
  await seedSyntheticCatalog(opts.products, MODEL_ID, log);
  const seedMs = performance.now() - t;
  const { getCatalog } = await import("@/lib/feed/catalog");
  global.gc?.();
  t = performance.now();
  const catalog = await getCatalog();
  const loadMs = performance.now() - t;
  t = performance.now();
  if (!catalog.ann) throw new Error(`no ANN index: ${catalog.packed?.ids.length ?? 0} vectors is below ANN_THRESHOLD`);
  await catalog.ann.whenReady;
  const annBuildMs = performance.now() - t;
  global.gc?.();
  const mem = process.memoryUsage();
  log(`[${opts.database}] loaded in ${(loadMs / 1000).toFixed(1)} s, ANN built in ${(annBuildMs / 1000).toFixed(1)} s; shoppers ...`);

  const feedbackSamples: number[] = [];
  for (let s = 0; s < 10; s++) await swipeShopper(`scaleother${s}`.padEnd(22, "x"), 20, `o${s}`, feedbackSamples);
  const shopperId = "scaleshopper0000000000";
  await swipeShopper(shopperId, 30, "main", feedbackSamples);
  const { resetCollabCache } = await import("@/lib/feed/collab");
  resetCollabCache();

  log(`[${opts.database}] next-cards x ${opts.calls} ...`);
  const next = stats(await timeNextCards(shopperId, opts.calls));
  const saved = process.env.ANN_THRESHOLD;
  process.env.ANN_THRESHOLD = String(Number.MAX_SAFE_INTEGER); // the exact candidate stage
  const exact = stats(await timeNextCards(shopperId, Math.max(20, Math.floor(opts.calls / 5))));
  if (saved === undefined) delete process.env.ANN_THRESHOLD;
  else process.env.ANN_THRESHOLD = saved;

  // brute-force floor: one plain-JS dot product per product + top-k (as in the API bench)
  const { bruteForceTop } = await import("./bench-api");
  const { matrix, dim, ids } = catalog.packed!;
  const top = { idx: new Int32Array(10), score: new Float64Array(10) };
  const floorSamples: number[] = [];
  for (let i = 0; i < opts.calls + 5; i++) {
    const q = syntheticVector(i % 2 ? "black" : "navy", "Dresses", 7_000_000 + i);
    const t0 = performance.now();
    bruteForceTop(q, matrix, dim, 10, top);
    if (i >= 5) floorSamples.push(performance.now() - t0);
  }

  // recall@100 of the index against exact search (queries like shopper profiles)
  const { measureRecall, annCandidates } = await import("@/lib/feed/ann");
  const colours = ["black", "navy", "red", "white", "blue", "green", "grey", "beige"];
  const types = ["Dresses", "Tops", "Shirts", "Jeans", "Tshirts", "Sweaters", "Jackets", "Skirts"];
  const queries = Array.from({ length: 50 }, (_, i) => syntheticVector(colours[i % 8], types[(i * 3) % 8], 9_000_000 + i));
  const recall = measureRecall(catalog.ann, matrix, ids, dim, queries, 100);
  const { getShopper } = await import("@/lib/db/shoppers");
  const s = await getShopper(shopperId);
  const cands = annCandidates({ products: catalog.products, vectors: catalog.vectors, ann: catalog.ann, quiz: s!.quiz!, state: s!.state!, quizTextVector: null });

  const mb = (x: number) => Math.round(x / 1048576);
  return {
    database: opts.database,
    products: catalog.products.length,
    seedMs: Math.round(seedMs),
    loadMs: Math.round(loadMs),
    annBuildMs: Math.round(annBuildMs),
    rssMb: mb(mem.rss),
    heapMb: mb(mem.heapUsed),
    arrayBuffersMb: mb(mem.arrayBuffers),
    nextCards: next,
    nextCardsExact: exact,
    feedback: stats(feedbackSamples),
    floor: stats(floorSamples),
    recall100: Math.round(recall.recall * 1000) / 1000,
    annQueryMs: Math.round(recall.annMs * 100) / 100,
    exactQueryMs: Math.round(recall.exactMs * 100) / 100,
    candidates: cands?.size ?? 0,
  };
}

// ---------------------------------------------------------------- parent

function child(database: "sqlite" | "postgresql", databaseUrl: string, products: number, calls: number): ScaleRow {
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=8192", tsx, "--conditions=react-server", path.join(process.cwd(), "lib", "cli", "bench-scale.ts"), "--child", database, "--products", String(products), "--calls", String(calls)],
    { env: { ...process.env, DATA_DIR: "", DATABASE_URL: databaseUrl, MODELS_DIR: "" }, stdio: ["ignore", "pipe", "inherit"], maxBuffer: 16 * 1024 * 1024, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`bench-scale child (${database}) failed (exit ${r.status ?? r.signal})`);
  return JSON.parse(r.stdout) as ScaleRow;
}

/** Run the scale bench on SQLite and (when it can start) PostgreSQL, each in a child process. */
export async function benchScale(opts: { products?: number; calls?: number; postgres?: boolean; log?: (l: string) => void } = {}): Promise<ScaleResult> {
  const products = opts.products ?? 100_000;
  const calls = opts.calls ?? 200;
  const log = opts.log ?? (() => undefined);
  const rows: ScaleRow[] = [];
  const skipped: ScaleResult["skipped"] = [];
  rows.push(child("sqlite", "", products, calls));
  if (opts.postgres === false) skipped.push({ database: "postgresql", reason: "--no-pg" });
  else {
    const { createDatabase, withLocalPg } = await import("@/lib/db/pg-local");
    const reason = await withLocalPg(log, async (baseUrl) => {
      rows.push(child("postgresql", await createDatabase(baseUrl, "bench_scale"), products, calls));
    });
    if (reason) skipped.push({ database: "postgresql", reason });
  }
  return { rows, skipped, targetP95Ms: TARGET_P95_MS };
}

export function formatScale(r: ScaleResult): string {
  const f = (x: number) => x.toFixed(2);
  const lines = [
    `| database | products | next-cards p50 / p95 (ANN) | next-cards p95 (exact stage) | brute-force floor p95 | feedback p95 | ANN recall@100 | ANN query | exact query | candidates | load / ANN build | RSS / heap after load |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
    ...r.rows.map(
      (x) =>
        `| ${x.database} | ${x.products.toLocaleString("en-US")} | ${f(x.nextCards.p50)} / ${f(x.nextCards.p95)} ms ${x.nextCards.p95 <= r.targetP95Ms ? "(OK)" : "(MISSED)"} | ${f(x.nextCardsExact.p95)} ms | ${f(x.floor.p95)} ms | ${f(x.feedback.p95)} ms | ${x.recall100.toFixed(3)} ${x.recall100 >= 0.95 ? "(OK)" : "(MISSED)"} | ${f(x.annQueryMs)} ms | ${f(x.exactQueryMs)} ms | ${x.candidates.toLocaleString("en-US")} | ${(x.loadMs / 1000).toFixed(1)} s / ${(x.annBuildMs / 1000).toFixed(1)} s | ${x.rssMb} MB / ${x.heapMb} MB |`,
    ),
    "",
    `Targets: next-cards p95 <= ${r.targetP95Ms} ms with the ANN candidate stage; recall@100 >= 0.95. ${os.cpus().length} cores, Node ${process.version}.`,
    `Seeding (createMany): ${r.rows.map((x) => `${x.database} ${(x.seedMs / 1000).toFixed(0)} s`).join(", ")}. Array buffers after load: ${r.rows.map((x) => `${x.database} ${x.arrayBuffersMb} MB`).join(", ")}.`,
    ...r.skipped.map((s) => `Skipped ${s.database}: ${s.reason}`),
  ];
  return lines.join("\n");
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ["products", "calls", "child"]);
  const num = (k: string, d: number) => {
    const v = args.flags.get(k);
    const n = typeof v === "string" ? Number(v) : d;
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${k} must be a positive integer`);
    return n;
  };
  const log = (l: string) => process.stderr.write(`${l}\n`);
  const database = args.flags.get("child");
  if (database === "sqlite" || database === "postgresql") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "stylenova-bench-scale-"));
    process.env.DATA_DIR = dir;
    if (database === "sqlite") delete process.env.DATABASE_URL;
    delete process.env.MODELS_DIR;
    process.env.RATE_LIMIT_SCALE = "0";
    try {
      const row = await runScale({ database, products: num("products", 100_000), calls: num("calls", 200), log });
      process.stdout.write(JSON.stringify(row));
      const { closeDb } = await import("@/lib/db/client");
      await closeDb();
      return 0;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const r = await benchScale({ products: num("products", 100_000), calls: num("calls", 200), postgres: !args.flags.has("no-pg"), log });
  process.stdout.write(`${formatScale(r)}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) runCli(main);
