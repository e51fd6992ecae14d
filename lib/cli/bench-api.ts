// API benchmark: in a temporary data folder, a generated catalog (default 10,000 products,
// no images) with synthetic 512-dim unit vectors (seeded, correlated with colour and
// article type) under a bench model id; then next-cards and feedback latency in-process
// (p50/p95/p99), the brute-force floor (one dot product per product + top-k, plain JS,
// see bruteForceTop)
// measured in the same run, a breakdown of next-cards, and HTTP requests/s for
// GET /api/cards through a plain Node http server on 127.0.0.1 that forwards to the
// real route handler. Standalone:
//   tsx --conditions=react-server lib/cli/bench-api.ts [--products N] [--calls N] [--profile]
// The bench model is installed by replacing the memoized embedder (see installBenchEmbedder).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Embedder } from "@/lib/embedding";
import { parseArgs, runCli } from "./args";
import { catalogProducts, DIM, gaussianVector, hash, syntheticVector, unit } from "./bench-synthetic";

const BENCH_MODEL_ID = "bench:synthetic-512";
const TARGETS = { nextCardsP95Ms: 15, floorRatio: 5, feedbackP95Ms: 10 };

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export interface BenchApiResult {
  products: number;
  setupMs: number;
  nextCards: Stats;
  feedback: Stats;
  floor: Stats;
  floorRatioP95: number;
  breakdown: Record<string, Stats>;
  http: { requests: number; seconds: number; perSec: number; latency: Stats; concurrency: number; errors: number };
  targets: typeof TARGETS & { nextCardsOk: boolean; ratioOk: boolean; feedbackOk: boolean };
  profile?: { fn: string; selfMs: number; share: number }[];
}

export interface BenchApiOptions {
  products: number;
  calls?: number;
  feedbackCalls?: number;
  httpSeconds?: number;
  httpConcurrency?: number;
  profile?: boolean;
  log?: (line: string) => void;
}

// ---------------------------------------------------------------- statistics

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? 0;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { n: s.length, p50: r(at(0.5)), p95: r(at(0.95)), p99: r(at(0.99)), mean: r(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)) };
}

async function timeIt<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

// ---------------------------------------------------------------- synthetic data







/** Make getEmbedder() return the bench embedder (synthetic vectors under BENCH_MODEL_ID). */
async function installBenchEmbedder(): Promise<Embedder> {
  const { setEmbedderOverride } = await import("@/lib/embedding");
  const bench: Embedder = {
    mode: "clip",
    modelId: BENCH_MODEL_ID,
    dim: DIM,
    reason: "synthetic bench vectors",
    embedImages: async (images) => images.map((b, i) => unit(gaussianVector(hash(`img:${i}:${b.length}`)))),
    embedText: async (text) => {
      const words = text.toLowerCase().split(/\W+/);
      return syntheticVector(words.find((w) => ["black", "navy", "red", "white"].includes(w)) ?? "black", "Dresses", hash(text));
    },
  };
  setEmbedderOverride(bench);
  return bench;
}

async function seedCatalog(count: number, log: (l: string) => void): Promise<void> {
  const { upsertProducts } = await import("@/lib/db/products");
  const { saveEmbeddings } = await import("@/lib/db/embeddings");
  const { bumpCatalogVersion } = await import("@/lib/db/meta");
  const rows = catalogProducts(count);
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const { ids } = await upsertProducts(batch, "bench");
    await saveEmbeddings(BENCH_MODEL_ID, ids.map((id, j) => ({ productId: id, vector: syntheticVector(batch[j].colours[0] ?? "", batch[j].articleType, id) })));
    if ((i / 500) % 5 === 0) log(`  seeded ${Math.min(i + 500, rows.length)}/${rows.length}`);
  }
  await bumpCatalogVersion();
}

// ---------------------------------------------------------------- measurements

const QUIZ = { categories: ["Dresses", "Tops"], colours: ["black", "navy"], brands: [], styles: ["casual"], gender: null, sizes: [], budget: { minCents: null, maxCents: null } };

/** A shopper who likes black and navy (plus a quarter of the rest) swipes through lib/feed. */
export async function swipeShopper(shopperId: string, swipes: number, salt: string, samples?: number[]): Promise<void> {
  const { nextCards, recordFeedback, submitQuiz } = await import("@/lib/feed/deck");
  await submitQuiz(shopperId, QUIZ);
  let done = 0;
  const seen: number[] = [];
  while (done < swipes) {
    const { cards } = await nextCards(shopperId, { limit: 10, exclude: seen.slice(-50) });
    if (!cards.length) break;
    for (const c of cards.slice(0, 5)) {
      const like = c.product.colours.some((x) => x === "black" || x === "navy") || hash(`${salt}${c.product.id}`) % 4 === 0;
      const t = await timeIt(() => recordFeedback(shopperId, { productId: c.product.id, action: like ? "like" : "pass", clientEventId: `bench-${salt}-${done}` }));
      samples?.push(t.ms);
      seen.push(c.product.id);
      if (++done >= swipes) break;
    }
  }
}

async function measureNextCards(shopperId: string, calls: number): Promise<number[]> {
  const { nextCards } = await import("@/lib/feed/deck");
  for (let i = 0; i < 10; i++) await nextCards(shopperId, { limit: 10, exclude: [i + 1] });
  const out: number[] = [];
  for (let i = 0; i < calls; i++) out.push((await timeIt(() => nextCards(shopperId, { limit: 10, exclude: [(i % 500) + 1] }))).ms);
  return out;
}

/**
 * The brute-force floor: the shopper's vector against every product (one dot product per
 * product, plain JS over the packed Float32Array, four accumulators), then the top 10 by
 * bounded insertion. No filters, no other signals: the least any exact scorer has to do.
 */
export function bruteForceTop(query: Float32Array, matrix: Float32Array, dim: number, k: number, out: { idx: Int32Array; score: Float64Array }): number {
  const rows = matrix.length / dim;
  let size = 0;
  for (let r = 0; r < rows; r++) {
    const off = r * dim;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    let d = 0;
    for (; d + 3 < dim; d += 4) {
      s0 += query[d] * matrix[off + d];
      s1 += query[d + 1] * matrix[off + d + 1];
      s2 += query[d + 2] * matrix[off + d + 2];
      s3 += query[d + 3] * matrix[off + d + 3];
    }
    for (; d < dim; d++) s0 += query[d] * matrix[off + d];
    const s = s0 + s1 + s2 + s3;
    if (size === k && s <= out.score[k - 1]) continue;
    let pos = size < k ? size++ : k - 1;
    while (pos > 0 && out.score[pos - 1] < s) {
      out.score[pos] = out.score[pos - 1];
      out.idx[pos] = out.idx[pos - 1];
      pos--;
    }
    out.score[pos] = s;
    out.idx[pos] = r;
  }
  return size;
}

async function measureFloor(calls: number): Promise<number[]> {
  const { getCatalog } = await import("@/lib/feed/catalog");
  const catalog = await getCatalog();
  if (!catalog.packed) throw new Error("no packed vectors in the catalog snapshot");
  const { matrix, dim } = catalog.packed;
  const top = { idx: new Int32Array(10), score: new Float64Array(10) };
  const out: number[] = [];
  for (let i = 0; i < calls + 10; i++) {
    const q = syntheticVector(i % 2 ? "black" : "navy", "Dresses", i);
    const t = performance.now();
    bruteForceTop(q, matrix, dim, 10, top);
    if (i >= 10) out.push(performance.now() - t);
  }
  return out;
}

/** Time each stage of nextCards separately (same inputs as lib/feed/deck.ts nextCards). */
async function measureBreakdown(shopperId: string, calls: number): Promise<Record<string, Stats>> {
  const { getShopper } = await import("@/lib/db/shoppers");
  const { getCatalog } = await import("@/lib/feed/catalog");
  const { collabScoresForState } = await import("@/lib/feed/collab");
  const { recommend, RECOMMEND_STAGES } = await import("@/lib/recommender/rank");
  const { createRng } = await import("@/lib/recommender/random");
  const { toCard } = await import("@/lib/feed/cards");
  const t: Record<string, number[]> = { "db: getShopper": [], "getCatalog (meta read)": [], "collab scores (model)": [], "quiz text vector": [], "recommend (pure)": [] };
  for (const stage of RECOMMEND_STAGES) t[`  ${stage}`] = [];
  t["toCard x10"] = [];
  for (let i = 0; i < calls; i++) {
    const s = await timeIt(() => getShopper(shopperId));
    t["db: getShopper"].push(s.ms);
    const c = await timeIt(() => getCatalog());
    t["getCatalog (meta read)"].push(c.ms);
    const catalog = c.value;
    const q = await timeIt(() => catalog.embedder.embedText("a photo of a casual black dress"));
    t["quiz text vector"].push(q.ms);
    const state = s.value!.state!;
    t["collab scores (model)"].push((await timeIt(async () => collabScoresForState(state))).ms);
    let last = performance.now();
    const r = await timeIt(() =>
      recommend({
        products: catalog.products, quiz: s.value!.quiz!, state, contentIndex: catalog.contentIndex, vectors: catalog.vectors, quizTextVector: q.value,
        collabScores: null, limit: 10, excludeIds: [(i % 500) + 1], rng: createRng(i), now: Date.now(),
        trace: (stage) => {
          const now = performance.now();
          t[`  ${stage}`].push(now - last);
          last = now;
        },
      }),
    );
    t["recommend (pure)"].push(r.ms);
    t["toCard x10"].push((await timeIt(() => r.value.map(toCard))).ms);
  }
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, stats(v)]));
}

/** CPU profile of recommend() calls: the top functions by self time. */
async function profileRecommend(shopperId: string, calls: number): Promise<{ fn: string; selfMs: number; share: number }[]> {
  const inspector = await import("node:inspector/promises");
  const { nextCards } = await import("@/lib/feed/deck");
  const session = new inspector.Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  for (let i = 0; i < calls; i++) await nextCards(shopperId, { limit: 10, exclude: [(i % 500) + 1] });
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  const self = new Map<string, number>();
  const dt = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id);
    if (!n) return;
    const f = n.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${path.basename(f.url || "") || "(native)"}`;
    const ms = (dt[i] ?? 0) / 1000;
    total += ms;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([fn, ms]) => ({ fn, selfMs: Math.round((ms / calls) * 1000) / 1000, share: Math.round((ms / total) * 1000) / 10 }));
}

// ---------------------------------------------------------------- HTTP

async function toRequest(req: http.IncomingMessage, base: string): Promise<Request> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = chunks.length && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", base), { method: req.method, headers, body });
}

async function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const { GET: cards } = await import("@/app/api/cards/route");
  const server = http.createServer((req, res) => {
    const route = (req.url ?? "").split("?")[0];
    const handler = route === "/api/cards" ? cards : null;
    (async () => {
      const response = handler ? await handler(await toRequest(req, "http://127.0.0.1")) : Response.json({ error: "Not found" }, { status: 404 });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function measureHttp(cookie: string, seconds: number, concurrency: number): Promise<BenchApiResult["http"]> {
  const server = await startServer();
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  const client = async (c: number) => {
    for (let i = 0; performance.now() < until && i < 100_000; i++) {
      const t = performance.now();
      const r = await fetch(`${server.url}/api/cards?limit=10&exclude=${((c * 1000 + i) % 500) + 1}`, { headers: { cookie } });
      await r.arrayBuffer();
      if (r.status !== 200) errors++;
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, c) => client(c)));
  const elapsed = (performance.now() - started) / 1000;
  await server.close();
  return { requests: latencies.length, seconds: Math.round(elapsed * 100) / 100, perSec: Math.round((latencies.length / elapsed) * 10) / 10, latency: stats(latencies), concurrency, errors };
}

// ---------------------------------------------------------------- main

/**
 * Run the benchmark in a child process with its own temporary DATA_DIR (env() is parsed
 * once per process, so the caller's database is never touched).
 */
export async function benchApi(opts: BenchApiOptions): Promise<BenchApiResult> {
  const args = ["--products", String(opts.products), "--calls", String(opts.calls ?? 200), "--seconds", String(opts.httpSeconds ?? 5), "--json-only"];
  if (opts.profile) args.push("--profile");
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const child = spawnSync(process.execPath, [tsx, "--conditions=react-server", path.join(process.cwd(), "lib", "cli", "bench-api.ts"), ...args], {
    env: { ...process.env, DATA_DIR: "", DATABASE_URL: "", MODELS_DIR: "" },
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`bench-api child process failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout) as BenchApiResult;
}

/** The benchmark in this process: DATA_DIR must already point at a scratch folder. */
export async function runBenchApi(opts: BenchApiOptions): Promise<BenchApiResult> {
  const log = opts.log ?? (() => undefined);
  const calls = opts.calls ?? 200;
  const t0 = performance.now();
  log(`seeding ${opts.products} products with synthetic ${DIM}-dim vectors ...`);
  await installBenchEmbedder();
  await seedCatalog(opts.products, log);
  const { getCatalog } = await import("@/lib/feed/catalog");
  await getCatalog();
  const { signShopperId, sessionSecret } = await import("@/lib/auth/shopper");

  log("feedback: 10 shoppers x 20 swipes (also the collaborative data) ...");
  const feedbackSamples: number[] = [];
  const perShopper = Math.ceil((opts.feedbackCalls ?? 200) / 10);
  for (let s = 0; s < 10; s++) await swipeShopper(`benchother${String(s).padStart(12, "0")}xx`.slice(0, 22), perShopper, `o${s}`, feedbackSamples);
  const shopperId = "benchshopper0000000000";
  await swipeShopper(shopperId, 30, "main");
  const { resetCollabCache } = await import("@/lib/feed/collab");
  resetCollabCache();
  const setupMs = performance.now() - t0;

  log(`next-cards: ${calls} calls ...`);
  const next = stats(await measureNextCards(shopperId, calls));
  const floor = stats(await measureFloor(calls));
  log("breakdown ...");
  const breakdown = await measureBreakdown(shopperId, Math.min(calls, 100));
  const profile = opts.profile ? await profileRecommend(shopperId, 50) : undefined;
  log("HTTP ...");
  const cookie = `sn_shopper=${signShopperId(shopperId, await sessionSecret())}`;
  const httpResult = await measureHttp(cookie, opts.httpSeconds ?? 5, opts.httpConcurrency ?? 4);
  const feedback = stats(feedbackSamples);
  const floorRatioP95 = Math.round((next.p95 / Math.max(floor.p95, 1e-6)) * 10) / 10;
  return {
    products: opts.products, setupMs: Math.round(setupMs), nextCards: next, feedback, floor, floorRatioP95, breakdown, http: httpResult, profile,
    targets: { ...TARGETS, nextCardsOk: next.p95 <= TARGETS.nextCardsP95Ms, ratioOk: floorRatioP95 <= TARGETS.floorRatio, feedbackOk: feedback.p95 <= TARGETS.feedbackP95Ms },
  };
}

export function formatApiBench(r: BenchApiResult): string {
  const row = (name: string, s: Stats, extra = "") => `${name.padEnd(28)} ${String(s.n).padStart(5)} ${s.p50.toFixed(2).padStart(8)} ${s.p95.toFixed(2).padStart(8)} ${s.p99.toFixed(2).padStart(8)}  ${extra}`;
  const lines = [
    `StyleNova API bench: ${r.products} products, ${DIM}-dim synthetic vectors, ${os.cpus().length} cores, Node ${process.version}`,
    `${"measure (ms)".padEnd(28)} ${"n".padStart(5)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)}`,
    row("next-cards (limit 10)", r.nextCards, `target p95 <= ${r.targets.nextCardsP95Ms}: ${r.targets.nextCardsOk ? "OK" : "MISSED"}`),
    row("brute-force floor", r.floor, `next-cards/floor p95 = ${r.floorRatioP95}x (target <= ${r.targets.floorRatio}: ${r.targets.ratioOk ? "OK" : "MISSED"})`),
    row("feedback", r.feedback, `target p95 <= ${r.targets.feedbackP95Ms}: ${r.targets.feedbackOk ? "OK" : "MISSED"}`),
    "",
    "next-cards breakdown:",
    ...Object.entries(r.breakdown).map(([k, s]) => row(`  ${k}`, s)),
    "",
    `HTTP GET /api/cards (loopback, ${r.http.concurrency} clients, ${r.http.seconds} s): ${r.http.perSec} req/s, ${r.http.requests} requests, ${r.http.errors} errors`,
    row("  HTTP latency", r.http.latency),
  ];
  if (r.profile) lines.push("", "CPU profile of nextCards (self time per call):", ...r.profile.map((p) => `  ${p.selfMs.toFixed(3).padStart(7)} ms ${String(p.share).padStart(5)}%  ${p.fn}`));
  return lines.join("\n");
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ["products", "calls", "seconds"]);
  const num = (k: string, d: number) => {
    const v = args.flags.get(k);
    const n = typeof v === "string" ? Number(v) : d;
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${k} must be a positive integer`);
    return n;
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), "stylenova-bench-api-"));
  process.env.DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  delete process.env.MODELS_DIR;
  process.env.RATE_LIMIT_SCALE = "0";
  try {
    const r = await runBenchApi({ products: num("products", 10_000), calls: num("calls", 200), httpSeconds: num("seconds", 5), profile: args.flags.has("profile"), log: (l) => process.stderr.write(`${l}\n`) });
    process.stdout.write(args.flags.has("json-only") ? JSON.stringify(r) : `${formatApiBench(r)}\n`);
    const { closeDb } = await import("@/lib/db/client");
    await closeDb();
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) runCli(main);
