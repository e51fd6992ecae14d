// Shoppers benchmark (npm run bench -- --only shoppers): does the collaborative signal
// scale with the number of shoppers? Per database (SQLite; PostgreSQL through
// lib/db/pg-local unless --no-pg) and catalog size (synthetic catalog with 512-dim vectors,
// as bench-scale.ts), in a child process with its own temp data folder, for growing
// numbers of other shoppers (40 swipes each, popularity-skewed like real traffic, half of
// them within a taste group so the model has structure to learn), inserted in bulk with raw
// SQL:
//  - a full retrain (a fresh trainer: reads the whole log, trains, writes a version),
//  - model load into a poller (time, bytes),
//  - next-cards and feedback p50/p95/p99 through lib/feed WHILE a second trainer run
//    (`npm run train -- --once` in a child process) trains concurrently,
//  - the instance RSS,
//  - today's user-kNN path in the same run (full read of every rating as lib/db/shoppers
//    allRatings does, then userKnnScores per request).
// Standalone: tsx --conditions=react-server lib/cli/bench-shoppers.ts [--shoppers 1000,10000] [--bench-products 10000] [--no-pg]
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRng, shuffled } from "@/lib/recommender/random";
import { parseArgs, runCli } from "./args";
import { stats, type Stats } from "./bench-api";
import { hash, installSyntheticEmbedder, seedSyntheticCatalog, SYNTHETIC_MODEL_ID } from "./bench-synthetic";

const MODEL_ID = SYNTHETIC_MODEL_ID;
const SWIPES = 40;
export const SHOPPER_TARGETS = { nextCardsP95Ms: 15, nextCardsP99Ms: 50, feedbackP95Ms: 5, rssMb: 1536, retrainMs: 5 * 60_000, growth: 1.5 } as const;

export interface ShoppersRow {
  database: "sqlite" | "postgresql";
  products: number;
  shoppers: number;
  events: number;
  insertMs: number;
  retrainMs: number;
  trainMs: number;
  modelKind: string;
  modelBytes: number;
  loadMs: number;
  nextCards: Stats;
  feedback: Stats;
  /** requests measured while the concurrent trainer was still running */
  duringTraining: number;
  concurrentTrainMs: number;
  rssMb: number;
  old: { readMs: number; scoring: Stats; rssMb: number };
}

export interface ShoppersResult {
  rows: ShoppersRow[];
  skipped: { database: string; reason: string }[];
  targets: typeof SHOPPER_TARGETS;
}

export interface BenchShoppersOptions {
  products: number[];
  shoppers: number[];
  postgres: boolean;
  calls?: number;
  log?: (s: string) => void;
}

// ---------------------------------------------------------------- data


async function seedCatalog(count: number, log: (l: string) => void): Promise<number[]> {
  const { db } = await import("@/lib/db/client");
  await seedSyntheticCatalog(count, MODEL_ID, log);
  const client = await db();
  return (await client.product.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
}

/** Popularity-skewed swipes: Zipf(0.9) over a seeded product order; half the cards from the shopper's taste group. */
function makeDealer(productIds: number[]) {
  const rng = createRng(42);
  const order = shuffled(rng, productIds);
  const GROUPS = 50;
  const cdf = (ids: number[]) => {
    const c = new Float64Array(ids.length);
    let s = 0;
    ids.forEach((_, r) => (c[r] = s += 1 / Math.pow(r + 1, 0.9)));
    return { ids, c, total: s };
  };
  const all = cdf(order);
  const groups = Array.from({ length: GROUPS }, (_, g) => cdf(order.filter((id) => id % GROUPS === g)));
  const draw = (d: { ids: number[]; c: Float64Array; total: number }) => {
    const x = rng() * d.total;
    let lo = 0;
    let hi = d.c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (d.c[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return d.ids[lo];
  };
  return (shopper: number): Array<[number, string]> => {
    const g = groups[shopper % GROUPS];
    const seen = new Set<number>();
    const out: Array<[number, string]> = [];
    for (let guard = 0; out.length < SWIPES && guard < SWIPES * 20; guard++) {
      const inGroup = rng() < 0.5;
      const id = draw(inGroup ? g : all);
      if (seen.has(id)) continue;
      seen.add(id);
      const u = rng();
      out.push([id, inGroup ? (u < 0.15 ? "superlike" : u < 0.75 ? "like" : "pass") : u < 0.25 ? "like" : "pass"]);
    }
    return out;
  };
}

/** Insert shoppers [from, to) and their swipes in bulk (multi-row raw INSERTs). */
async function insertShoppers(from: number, to: number, deal: (s: number) => Array<[number, string]>): Promise<number> {
  const { db } = await import("@/lib/db/client");
  const client = await db();
  const now = new Date();
  let events = 0;
  const SHOPPERS_PER_STATEMENT = 100;
  for (let s0 = from; s0 < to; s0 += SHOPPERS_PER_STATEMENT) {
    const ids = Array.from({ length: Math.min(SHOPPERS_PER_STATEMENT, to - s0) }, (_, i) => s0 + i);
    const name = (s: number) => `bench-other-${String(s).padStart(7, "0")}`;
    await client.shopper.createMany({ data: ids.map((s) => ({ id: name(s), eventCount: SWIPES, updatedAt: now })) });
    const values: string[] = [];
    for (const s of ids) deal(s).forEach(([pid, action], i) => values.push(`('${name(s)}', ${pid}, '${action}', 'b${i}')`));
    events += values.length;
    await client.$executeRawUnsafe(`INSERT INTO "FeedbackEvent" ("shopperId", "productId", "action", "clientEventId") VALUES ${values.join(", ")}`);
  }
  return events;
}

// ---------------------------------------------------------------- measurements

const QUIZ = { categories: ["Dresses", "Tops"], colours: ["black", "navy"], brands: [], styles: ["casual"], gender: null, sizes: [], budget: { minCents: null, maxCents: null } };

/** A bench shopper's session through lib/feed: next-cards and feedback latencies. */
async function session(shopperId: string, swipes: number, next: number[], feedback: number[]): Promise<void> {
  const { nextCards, recordFeedback, submitQuiz } = await import("@/lib/feed/deck");
  await submitQuiz(shopperId, QUIZ);
  const seen: number[] = [];
  let done = 0;
  while (done < swipes) {
    let t = performance.now();
    const { cards } = await nextCards(shopperId, { limit: 10, exclude: seen.slice(-50) });
    next.push(performance.now() - t);
    if (!cards.length) break;
    for (const c of cards.slice(0, 5)) {
      const like = c.product.colours.some((x) => x === "black" || x === "navy") || hash(`${shopperId}${c.product.id}`) % 4 === 0;
      t = performance.now();
      await recordFeedback(shopperId, { productId: c.product.id, action: like ? "like" : "pass", clientEventId: `bench-${done}` });
      feedback.push(performance.now() - t);
      seen.push(c.product.id);
      if (++done >= swipes) break;
    }
  }
}

/** `npm run train -- --once` in a child process (same database): resolves with its wall time. */
function concurrentTrainer(): { done: Promise<number>; running: () => boolean } {
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const t0 = performance.now();
  let running = true;
  const child = spawn(process.execPath, [tsx, "--conditions=react-server", path.join(process.cwd(), "lib", "cli", "train.ts"), "--once"], { stdio: ["ignore", "ignore", "inherit"], env: process.env });
  const done = new Promise<number>((resolve, reject) =>
    child.on("exit", (code) => {
      running = false;
      if (code === 0) resolve(performance.now() - t0);
      else reject(new Error(`the concurrent trainer exited with ${code}`));
    }),
  );
  return { done, running: () => running };
}

async function oldPath(shopperRatings: Map<number, number>, calls: number): Promise<ShoppersRow["old"]> {
  const { allRatings } = await import("@/lib/db/shoppers");
  const { buildCollabIndex, userKnnScores } = await import("@/lib/recommender/collaborative");
  const { COLLAB_RATING } = await import("@/lib/recommender/config");
  global.gc?.();
  const t = performance.now();
  const ratings = await allRatings(COLLAB_RATING);
  const users = [...ratings].map(([id, r]) => ({ id, ratings: r }));
  const readMs = performance.now() - t;
  const rssMb = Math.round(process.memoryUsage().rss / 1048576);
  const index = buildCollabIndex(users);
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    userKnnScores(shopperRatings, index, { excludeUserId: "bench-shopper" });
    samples.push(performance.now() - t0);
  }
  return { readMs: Math.round(readMs), scoring: stats(samples), rssMb };
}

export async function runShoppers(opts: { database: "sqlite" | "postgresql"; products: number; shoppers: number[]; calls: number; log: (l: string) => void }): Promise<ShoppersRow[]> {
  const { log } = opts;
  await installSyntheticEmbedder();
  log(`[${opts.database}] seeding ${opts.products} products ...`);
  const productIds = await seedCatalog(opts.products, log);
  const { getCatalog } = await import("@/lib/feed/catalog");
  const catalog = await getCatalog();
  await catalog.ann?.whenReady;
  const { createTrainer, TRAINER_LEASE } = await import("@/lib/training/trainer");
  const { releaseLease } = await import("@/lib/db/collab");
  const { ModelPoller } = await import("@/lib/training/model-poller");
  const { refreshCollabModel } = await import("@/lib/feed/collab");
  const { getShopper } = await import("@/lib/db/shoppers");
  const { ratingsFromState } = await import("@/lib/recommender/collaborative");
  const deal = makeDealer(productIds);
  const rows: ShoppersRow[] = [];
  let have = 0;
  let events = 0;
  for (const target of [...opts.shoppers].sort((a, b) => a - b)) {
    let t = performance.now();
    events += await insertShoppers(have, target, deal);
    have = target;
    const insertMs = performance.now() - t;
    log(`[${opts.database}] ${opts.products} products, ${target} shoppers (${events} events) inserted in ${(insertMs / 1000).toFixed(1)} s; full retrain ...`);

    const holder = `bench-${target}`;
    t = performance.now();
    const run = await createTrainer({ holder }).runOnce({ force: true });
    if (run.status !== "trained") throw new Error(`the trainer did not train (${run.status})`);
    const retrainMs = performance.now() - t;
    await releaseLease(TRAINER_LEASE, holder);
    const poller = new ModelPoller({ setTimer: () => 0, clearTimer: () => undefined });
    const loaded = await poller.refresh();
    await refreshCollabModel();
    global.gc?.();
    log(`[${opts.database}] retrain ${(retrainMs / 1000).toFixed(1)} s (${run.kind}, ${run.bytes} bytes), load ${loaded.loadMs} ms; requests while a trainer runs ...`);

    // a concurrent full training in another process, requests measured meanwhile
    const trainer = concurrentTrainer();
    const next: number[] = [];
    const feedback: number[] = [];
    let during = 0;
    let s = 0;
    while (trainer.running() || next.length < opts.calls) {
      const before = next.length;
      const wasRunning = trainer.running();
      await session(`bench-shopper-${target}-${s++}`, 30, next, feedback);
      if (wasRunning) during += next.length - before;
      if (s > 500) break;
    }
    const concurrentTrainMs = await trainer.done;
    global.gc?.();
    const rssMb = Math.round(process.memoryUsage().rss / 1048576);
    const me = await getShopper(`bench-shopper-${target}-0`);
    const old = await oldPath(ratingsFromState(me!.state!), Math.min(100, opts.calls));
    rows.push({
      database: opts.database,
      products: opts.products,
      shoppers: target,
      events,
      insertMs: Math.round(insertMs),
      retrainMs: Math.round(retrainMs),
      trainMs: run.ms ?? 0,
      modelKind: run.kind ?? "-",
      modelBytes: run.bytes ?? 0,
      loadMs: Math.round(loaded.loadMs ?? 0),
      nextCards: stats(next),
      feedback: stats(feedback),
      duringTraining: during,
      concurrentTrainMs: Math.round(concurrentTrainMs),
      rssMb,
      old,
    });
    log(`[${opts.database}] next-cards p95 ${rows.at(-1)!.nextCards.p95} ms, feedback p95 ${rows.at(-1)!.feedback.p95} ms, RSS ${rssMb} MB; old path: read ${old.readMs} ms`);
  }
  return rows;
}

// ---------------------------------------------------------------- parent

function child(database: "sqlite" | "postgresql", databaseUrl: string, products: number, shoppers: number[], calls: number): ShoppersRow[] {
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=8192", tsx, "--conditions=react-server", path.join(process.cwd(), "lib", "cli", "bench-shoppers.ts"), "--child", database, "--bench-products", String(products), "--shoppers", shoppers.join(","), "--calls", String(calls)],
    { env: { ...process.env, DATA_DIR: "", DATABASE_URL: databaseUrl, MODELS_DIR: "", COLLAB_TRAINER: "off" }, stdio: ["ignore", "pipe", "inherit"], maxBuffer: 16 * 1024 * 1024, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`bench-shoppers child (${database}, ${products} products) failed (exit ${r.status ?? r.signal})`);
  return JSON.parse(r.stdout) as ShoppersRow[];
}

/** Every catalog size x database in its own child process (fresh database each). */
export async function benchShoppers(opts: BenchShoppersOptions): Promise<ShoppersResult> {
  const log = opts.log ?? (() => undefined);
  const calls = opts.calls ?? 200;
  const rows: ShoppersRow[] = [];
  const skipped: ShoppersResult["skipped"] = [];
  for (const products of opts.products) rows.push(...child("sqlite", "", products, opts.shoppers, calls));
  if (!opts.postgres) skipped.push({ database: "postgresql", reason: "--no-pg" });
  else {
    const { createDatabase, withLocalPg } = await import("@/lib/db/pg-local");
    const reason = await withLocalPg(log, async (baseUrl) => {
      for (const products of opts.products) rows.push(...child("postgresql", await createDatabase(baseUrl, `bench_shoppers_${products}`), products, opts.shoppers, calls));
    });
    if (reason) skipped.push({ database: "postgresql", reason });
  }
  return { rows, skipped, targets: SHOPPER_TARGETS };
}

export function formatShoppers(r: ShoppersResult): string {
  const T = r.targets;
  const ok = (good: boolean) => (good ? "OK" : "MISSED");
  const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
  const trio = (s: Stats) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.p99.toFixed(1)}`;
  const lines = [
    "| database | products | other shoppers | events | insert | full retrain (train) | model | load | next-cards p50/p95/p99 ms (during training) | feedback p50/p95/p99 ms | RSS | old path: full read | old user-kNN scoring p95 | old RSS |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const x of r.rows) {
    lines.push(
      `| ${x.database} | ${x.products.toLocaleString("en-US")} | ${x.shoppers.toLocaleString("en-US")} | ${x.events.toLocaleString("en-US")} | ${ms(x.insertMs)} | ${ms(x.retrainMs)} (${ms(x.trainMs)}) ${ok(x.retrainMs < T.retrainMs)} | ${x.modelKind}, ${(x.modelBytes / 1024).toFixed(0)} KB | ${ms(x.loadMs)} | ${trio(x.nextCards)} (${x.duringTraining}/${x.nextCards.n}) ${ok(x.nextCards.p95 <= T.nextCardsP95Ms && x.nextCards.p99 <= T.nextCardsP99Ms)} | ${trio(x.feedback)} ${ok(x.feedback.p95 <= T.feedbackP95Ms)} | ${x.rssMb} MB ${ok(x.rssMb <= T.rssMb)} | ${ms(x.old.readMs)} | ${ms(x.old.scoring.p95)} | ${x.old.rssMb} MB |`,
    );
  }
  const growth: string[] = [];
  const groups = new Map<string, ShoppersRow[]>();
  for (const x of r.rows) groups.set(`${x.database} ${x.products}`, [...(groups.get(`${x.database} ${x.products}`) ?? []), x]);
  for (const [key, g] of groups) {
    if (g.length < 2) continue;
    const [a, b] = [g[0], g[g.length - 1]];
    const f = (name: string, va: number, vb: number) => {
      const ratio = vb / Math.max(1e-9, va);
      return `${name} ${ratio.toFixed(2)}x ${ok(ratio <= T.growth)}`;
    };
    growth.push(
      `${key} products, ${a.shoppers.toLocaleString("en-US")} -> ${b.shoppers.toLocaleString("en-US")} shoppers: ${[
        f("next-cards p95", a.nextCards.p95, b.nextCards.p95),
        f("next-cards p99", a.nextCards.p99, b.nextCards.p99),
        f("feedback p95", a.feedback.p95, b.feedback.p95),
        f("RSS", a.rssMb, b.rssMb),
        f("load", Math.max(1, a.loadMs), Math.max(1, b.loadMs)),
        f("model size", a.modelBytes, b.modelBytes),
      ].join(", ")}; training time ${(b.retrainMs / Math.max(1, a.retrainMs)).toFixed(1)}x (exempt); old full read ${(b.old.readMs / Math.max(1, a.old.readMs)).toFixed(1)}x.`,
    );
  }
  lines.push(
    "",
    `Targets: next-cards p95 <= ${T.nextCardsP95Ms} ms and p99 <= ${T.nextCardsP99Ms} ms, feedback p95 <= ${T.feedbackP95Ms} ms, RSS <= ${T.rssMb} MB, full retrain < ${T.retrainMs / 60_000} min; no figure but training time grows more than ${T.growth}x with the shoppers. ` +
      `Requests are timed while \`npm run train -- --once\` retrains in another process ("during training" = requests started before it finished / all). ${os.cpus().length} cores, Node ${process.version}.`,
    ...growth,
    ...r.skipped.map((s) => `Skipped ${s.database}: ${s.reason}`),
  );
  return lines.join("\n");
}

export function parseCounts(v: string | true | undefined, fallback: number[], flag: string): number[] {
  if (v === undefined) return fallback;
  const xs = String(v).split(",").map((s) => Number(s.trim().replace(/_/g, "")));
  if (xs.length === 0 || xs.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--${flag} must be a comma-separated list of positive whole numbers`);
  return xs;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ["shoppers", "bench-products", "calls", "child"]);
  const log = (l: string) => process.stderr.write(`${l}\n`);
  const shoppers = parseCounts(args.flags.get("shoppers"), [1_000, 10_000, 100_000], "shoppers");
  const products = parseCounts(args.flags.get("bench-products"), [10_000, 100_000], "bench-products");
  const calls = parseCounts(args.flags.get("calls"), [200], "calls")[0];
  const database = args.flags.get("child");
  if (database === "sqlite" || database === "postgresql") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "stylenova-bench-shoppers-"));
    process.env.DATA_DIR = dir;
    if (database === "sqlite") delete process.env.DATABASE_URL;
    delete process.env.MODELS_DIR;
    process.env.RATE_LIMIT_SCALE = "0";
    try {
      const { migrate } = await import("@/lib/db/migrate");
      const { env } = await import("@/lib/env");
      await migrate(env().databaseUrl);
      const rows = await runShoppers({ database, products: products[0], shoppers, calls, log });
      process.stdout.write(JSON.stringify(rows));
      const { closeDb } = await import("@/lib/db/client");
      await closeDb();
      return 0;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const r = await benchShoppers({ products, shoppers, postgres: !args.flags.has("no-pg"), calls, log });
  process.stdout.write(`${formatShoppers(r)}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) runCli(main);
