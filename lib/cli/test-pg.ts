// npm run test:pg: the PostgreSQL checks. Starts a throwaway PostgreSQL 15 on 127.0.0.1
// (lib/db/pg-local: apt-get installs postgresql-15 when missing and running as root), then
//   1. the integration suite (vitest: app/api, lib/feed, lib/db, prisma) with a fresh
//      database per test file (TEST_DATABASE_URL_BASE, see lib/testing/setup.ts);
//   2. a two-instance test: two app processes (plain Node HTTP servers dispatching to the
//      real route handlers, like lib/cli/bench-api.ts) on one database. One shopper's
//      swipes (same cookie) alternate between them, with an undo and a retried swipe;
//      the transcript, final profile, likes and next cards must equal a single-instance
//      run with the same inputs on a second database. Then 50 concurrent swipes of
//      another shopper, spread over both processes (plus 10 retries), must be recorded
//      exactly once with the stored profile equal to the one replayed from the log.
//      Both databases get the same first collaborative model (`npm run train -- --once`),
//      which the instances load at start (their poller only swaps on request here, so the
//      two runs stay comparable); meanwhile a trainer process (lib/training/
//      trainer-loop-child.ts) writes new versions into the two-instance database back to
//      back, and instance A must swap a newer version in while serving.
// Stops everything and deletes the cluster. Writes .data/reports/test-pg.json
// ({passed, failed, skipped}) for lib/cli/test-all.ts. Internal modes of this file:
//   --serve  (one app instance; DATABASE_URL, PORT from the environment)
//   --seed   (seed the catalog and a few other shoppers into DATABASE_URL)
// Development flags: --base postgres://user@host:port (use a running server), --no-suite.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs, runCli } from "./args";

const ROOT = process.cwd();
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const SELF = path.join(ROOT, "lib", "cli", "test-pg.ts");
const REPORT_DIR = path.join(ROOT, ".data", "reports");
const SUITE = ["app/api", "lib/feed", "lib/db", "prisma"];
const CATALOG_SIZE = 200;
const QUIZ = { categories: [], colours: ["black", "navy"], brands: [], styles: ["casual"], gender: null, sizes: [], budget: { minCents: null, maxCents: null } };

const log = (line: string) => process.stderr.write(`[test:pg] ${line}\n`);

// ---------------------------------------------------------------- instance (--serve)

async function toRequest(req: http.IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = chunks.length && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", "http://127.0.0.1"), { method: req.method, headers, body });
}

async function serve(): Promise<number> {
  const [quiz, cards, feedback, undo, likes, likeOne, profile, shoppers, deck] = await Promise.all([
    import("@/app/api/quiz/route"), import("@/app/api/cards/route"), import("@/app/api/feedback/route"), import("@/app/api/undo/route"),
    import("@/app/api/likes/route"), import("@/app/api/likes/[productId]/route"), import("@/app/api/profile/route"),
    import("@/lib/db/shoppers"), import("@/lib/feed/deck"),
  ]);
  const { getCatalog } = await import("@/lib/feed/catalog");
  const collab = await import("@/lib/feed/collab");
  await getCatalog(); // load the per-instance caches at start
  // the served model: loaded now, swapped only through POST /__test/refresh-model (no timer)
  collab.resetCollabCache({ poller: { setTimer: () => 0, clearTimer: () => undefined } });
  await collab.refreshCollabModel();
  type H = (r: Request) => Promise<Response>;
  const routes: Record<string, H> = {
    "POST /api/quiz": quiz.POST, "GET /api/cards": cards.GET, "POST /api/feedback": feedback.POST, "POST /api/undo": undo.POST,
    "GET /api/likes": likes.GET, "GET /api/profile": profile.GET,
  };
  const server = http.createServer((req, res) => {
    (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const key = `${req.method} ${url.pathname}`;
      let response: Response;
      if (routes[key]) response = await routes[key](await toRequest(req));
      else if (req.method === "DELETE" && url.pathname.startsWith("/api/likes/")) {
        const productId = url.pathname.split("/").pop() ?? "";
        response = await likeOne.DELETE(await toRequest(req), { params: Promise.resolve({ productId }) });
      } else if (key === "POST /__test/refresh-model") {
        const before = collab.currentCollabModel()?.version ?? null;
        const r = await collab.refreshCollabModel();
        response = Response.json({ before, after: collab.currentCollabModel()?.version ?? null, swapped: r.swapped, error: r.error ?? null });
      } else if (key === "GET /__test/state") {
        // test-only: the stored profile next to the one replayed from the event log
        const id = url.searchParams.get("shopper") ?? "";
        const stored = await shoppers.getShopper(id);
        const events = await shoppers.activeEvents(id);
        response = Response.json({ stored: stored?.state ?? null, eventCount: stored?.eventCount ?? 0, fromLog: await deck.stateFromLog(id), activeEvents: events.map((e) => e.clientEventId) });
      } else response = Response.json({ error: "Not found" }, { status: 404 });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((e: unknown) => {
      process.stderr.write(`instance error: ${String(e)}\n`);
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", resolve));
  process.stdout.write(`listening ${(server.address() as { port: number }).port}\n`);
  await new Promise<void>((resolve) => process.on("SIGTERM", () => server.close(() => resolve())));
  const { closeDb } = await import("@/lib/db/client");
  await closeDb();
  return 0;
}

// ---------------------------------------------------------------- seed (--seed)

async function seed(): Promise<number> {
  const { seedBundledCatalog } = await import("@/lib/catalog/seed");
  const { getEmbedder } = await import("@/lib/embedding");
  const { nextCards, recordFeedback, submitQuiz } = await import("@/lib/feed/deck");
  const { closeDb } = await import("@/lib/db/client");
  await seedBundledCatalog({ embedder: await getEmbedder(), count: CATALOG_SIZE });
  // other shoppers, so that the collaborative signal has neighbours (fixed before the test)
  for (let s = 0; s < 3; s++) {
    const id = `other${s}`.padEnd(22, "x");
    await submitQuiz(id, { ...QUIZ, colours: [["black", "red", "white"][s]] });
    for (let i = 0; i < 12; i++) {
      const { cards } = await nextCards(id, { limit: 5, exclude: [] });
      if (!cards.length) break;
      await recordFeedback(id, { productId: cards[0].product.id, action: i % 3 === 0 ? "pass" : "like", clientEventId: `o${s}-${i}` });
    }
  }
  await closeDb();
  return 0;
}

// ---------------------------------------------------------------- orchestration

interface Instance {
  url: string;
  child: ChildProcess;
}

function startInstance(env: NodeJS.ProcessEnv, name: string): Promise<Instance> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, "--conditions=react-server", SELF, "--serve"], { env: { ...env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`instance ${name} did not start within 120 s`)), 120_000);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${m[1]}`, child });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`instance ${name} exited (${code})`));
    });
  });
}

function stopInstance(i: Instance): Promise<void> {
  return new Promise((resolve) => {
    if (i.child.exitCode !== null) return resolve();
    const t = setTimeout(() => i.child.kill("SIGKILL"), 10_000);
    i.child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    i.child.kill("SIGTERM");
  });
}

async function api<T = Record<string, unknown>>(base: string, cookie: string, method: string, p: string, json?: unknown): Promise<{ status: number; body: T }> {
  const r = await fetch(`${base}${p}`, {
    method,
    headers: { cookie, ...(json === undefined ? {} : { "content-type": "application/json" }) },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  return { status: r.status, body: (await r.json()) as T };
}

interface CardLite {
  product: { id: number; colours: string[]; articleType: string };
  score: number;
  source: string;
  components?: { collaborative: number | null };
}

/** One shopper's session, round-robin over the instances; returns everything observed. */
async function session(instances: Instance[], cookie: string, shopperId: string) {
  const at = (i: number) => instances[i % instances.length].url;
  const transcript: unknown[] = [];
  const quiz = await api<{ cards: CardLite[] }>(at(0), cookie, "POST", "/api/quiz", QUIZ);
  transcript.push(["quiz", quiz.status, quiz.body.cards?.map((c) => c.product.id)]);
  let likedOnce = 0;
  let collabSeen = false;
  for (let i = 0; i < 40; i++) {
    const cards = await api<{ cards: CardLite[] }>(at(i), cookie, "GET", "/api/cards?limit=10");
    const top = cards.body.cards?.[0];
    collabSeen ||= (cards.body.cards ?? []).some((c) => c.components?.collaborative != null);
    transcript.push(["cards", cards.status, cards.body.cards?.map((c) => [c.product.id, c.score, c.source, c.components?.collaborative ?? null])]);
    if (!top) break;
    const likes = top.product.colours.some((c) => c === "black" || c === "navy");
    const action = likes ? (++likedOnce % 5 === 0 ? "superlike" : "like") : "pass";
    const body = { productId: top.product.id, action, clientEventId: `swipe-${String(i).padStart(3, "0")}`, position: 0 };
    const fb = await api<{ duplicate: boolean }>(at(i + 1), cookie, "POST", "/api/feedback", body);
    transcript.push(["feedback", fb.status, fb.body.duplicate]);
    if (i === 25) {
      const again = await api<{ duplicate: boolean }>(at(i), cookie, "POST", "/api/feedback", body); // a retry on the other instance
      transcript.push(["retry", again.status, again.body.duplicate]);
    }
    if (i === 15 || i === 30) {
      const u = await api<{ undone: unknown }>(at(i), cookie, "POST", "/api/undo", {});
      transcript.push(["undo", u.status, u.body.undone]);
    }
  }
  const profile = await api(at(0), cookie, "GET", "/api/profile");
  const likes = await api<{ items?: { product: { id: number }; action: string }[] }>(at(1), cookie, "GET", "/api/likes");
  const nextA = await api<{ cards: CardLite[] }>(at(0), cookie, "GET", "/api/cards?limit=10");
  const nextB = await api<{ cards: CardLite[] }>(at(1), cookie, "GET", "/api/cards?limit=10");
  const state = await api<{ stored: unknown; fromLog: unknown; eventCount: number; activeEvents: string[] }>(at(0), "", "GET", `/__test/state?shopper=${shopperId}`);
  return {
    transcript,
    collabSeen,
    profile: profile.body,
    likes: JSON.stringify(likes.body).replace(/"likedAt":"[^"]*"/g, '"likedAt":"-"'),
    next: nextA.body.cards?.map((c) => [c.product.id, c.score, c.source]),
    nextOther: nextB.body.cards?.map((c) => [c.product.id, c.score, c.source]),
    state: state.body,
  };
}

/** 50 concurrent swipes (plus 10 retries) of one shopper, alternating between instances. */
async function burst(instances: Instance[], cookie: string, shopperId: string): Promise<string[]> {
  const problems: string[] = [];
  const q = await api<{ cards: CardLite[] }>(instances[0].url, cookie, "POST", "/api/quiz", QUIZ);
  if (q.status !== 200) return [`quiz answered ${q.status}`];
  const pool = await api<{ cards: CardLite[] }>(instances[1].url, cookie, "GET", "/api/cards?limit=50");
  const ids = (pool.body.cards ?? []).map((c) => c.product.id);
  if (ids.length < 20) return [`only ${ids.length} cards for the burst`];
  const requests = Array.from({ length: 60 }, (_, k) => {
    const i = k % 50; // k >= 50: a retry of swipe i
    return api<{ duplicate: boolean }>(instances[k % 2].url, cookie, "POST", "/api/feedback", { productId: ids[i % ids.length], action: i % 3 === 0 ? "pass" : "like", clientEventId: `burst-${String(i).padStart(3, "0")}` });
  });
  const results = await Promise.all(requests);
  const bad = results.filter((r) => r.status !== 200);
  if (bad.length) problems.push(`${bad.length} burst request(s) failed: ${JSON.stringify(bad[0].body)}`);
  const fresh = results.filter((r) => r.status === 200 && !r.body.duplicate).length;
  if (fresh !== 50) problems.push(`${fresh} swipes recorded as new, expected 50`);
  const s = await api<{ stored: unknown; fromLog: unknown; eventCount: number; activeEvents: string[] }>(instances[1].url, "", "GET", `/__test/state?shopper=${shopperId}`);
  if (s.body.activeEvents.length !== 50 || new Set(s.body.activeEvents).size !== 50) problems.push(`${s.body.activeEvents.length} events stored, expected 50 distinct`);
  if (JSON.stringify(s.body.stored) !== JSON.stringify(s.body.fromLog)) problems.push("stored profile differs from the profile replayed from the event log");
  if (s.body.eventCount !== 50) problems.push(`eventCount ${s.body.eventCount}, expected 50`);
  return problems;
}

/** `npm run train -- --once` against one database (the first model version). */
function trainOnce(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const c = spawn(process.execPath, [TSX, "--conditions=react-server", path.join(ROOT, "lib", "cli", "train.ts"), "--once"], { env, stdio: ["ignore", "ignore", "inherit"] });
    c.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`npm run train -- --once failed (${code})`))));
  });
}

/** The concurrent trainer: passes back to back, each writing a version, until stopped. */
function startTrainerLoop(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [TSX, "--conditions=react-server", path.join(ROOT, "lib", "training", "trainer-loop-child.ts"), "--pause-ms", "50"], {
    env,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const passes: Array<{ status?: string; version?: number | null; error?: string }> = [];
  let buf = "";
  child.stdout!.on("data", (d: Buffer) => {
    buf += d.toString();
    for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
      passes.push(JSON.parse(buf.slice(0, nl)));
      buf = buf.slice(nl + 1);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    passes,
    trained: () => passes.filter((p) => p.status === "trained").length,
    /** close its stdin: it runs one last pass and exits */
    stop: async () => {
      if (child.exitCode === null) child.stdin!.end();
      return exited;
    },
    kill: () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

function diff(label: string, a: unknown, b: unknown, problems: string[]): void {
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  if (ja !== jb) problems.push(`${label} differs: two instances ${ja.slice(0, 300)} ... vs one instance ${jb.slice(0, 300)} ...`);
}

async function twoInstanceTest(baseUrl: string): Promise<{ checks: { name: string; ok: boolean; detail: string }[] }> {
  const { createDatabase } = await import("@/lib/db/pg-local");
  const { signShopperId } = await import("@/lib/auth/shopper");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "stylenova-two-"));
  const secret = randomBytes(24).toString("base64url");
  const tag = randomBytes(4).toString("hex");
  const [dbTwo, dbOne] = await Promise.all([createDatabase(baseUrl, `two_${tag}`), createDatabase(baseUrl, `one_${tag}`)]);
  const envFor = (url: string, sub: string): NodeJS.ProcessEnv => ({
    ...process.env, DATABASE_URL: url, DATA_DIR: path.join(dataDir, sub), MODELS_DIR: path.join(dataDir, "models"), SESSION_SECRET: secret, RATE_LIMIT_SCALE: "0",
    TEST_DATABASE_URL_BASE: "",
  });
  const instances: Instance[] = [];
  let trainer: ReturnType<typeof startTrainerLoop> | null = null;
  try {
    log("two-instance test: seeding two databases ...");
    const seedIn = (url: string, sub: string) =>
      new Promise<void>((resolve, reject) => {
        const c = spawn(process.execPath, [TSX, "--conditions=react-server", SELF, "--seed"], { env: envFor(url, sub), stdio: ["ignore", "inherit", "inherit"] });
        c.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seeding ${sub} failed (${code})`))));
      });
    await Promise.all([seedIn(dbTwo, "two"), seedIn(dbOne, "one")]);
    log("training the first collaborative model in both ...");
    await Promise.all([trainOnce(envFor(dbTwo, "two")), trainOnce(envFor(dbOne, "one"))]);
    log("starting instances A and B (database 1) and C (database 2) ...");
    const [a, b, c] = await Promise.all([startInstance(envFor(dbTwo, "two"), "A"), startInstance(envFor(dbTwo, "two"), "B"), startInstance(envFor(dbOne, "one"), "C")]);
    instances.push(a, b, c);
    trainer = startTrainerLoop(envFor(dbTwo, "two"));
    const shopperId = "twoInstanceShopper0000";
    const cookie = `sn_shopper=${signShopperId(shopperId, secret)}`;
    const [two, one] = await Promise.all([session([a, b], cookie, shopperId), session([c], cookie, shopperId)]);
    const checks: { name: string; ok: boolean; detail: string }[] = [];
    const check = (name: string, fn: (problems: string[]) => void) => {
      const problems: string[] = [];
      fn(problems);
      checks.push({ name, ok: problems.length === 0, detail: problems.join("; ") });
    };
    check("alternating swipes: same cards and feedback results as one instance", (p) => {
      const failedCalls = two.transcript.filter((t) => Array.isArray(t) && t[1] !== 200);
      if (failedCalls.length) p.push(`${failedCalls.length} call(s) did not answer 200: ${JSON.stringify(failedCalls[0])}`);
      diff("transcript", two.transcript, one.transcript, p);
    });
    check("alternating swipes: same final profile", (p) => diff("profile", two.profile, one.profile, p));
    check("alternating swipes: same likes", (p) => diff("likes", two.likes, one.likes, p));
    check("alternating swipes: same next cards (and both instances agree)", (p) => {
      diff("next cards", two.next, one.next, p);
      diff("next cards on the other instance", two.nextOther, two.next, p);
    });
    check("alternating swipes: stored profile equals the log replay and the single-instance profile", (p) => {
      diff("stored vs log", two.state.stored, two.state.fromLog, p);
      diff("stored state", two.state.stored, one.state.stored, p);
      if (!(two.state.activeEvents.length > 20)) p.push(`only ${two.state.activeEvents.length} active events`);
    });
    check("both runs served the collaborative model", (p) => {
      if (!two.collabSeen || !one.collabSeen) p.push(`no card carried a collaborative component (two instances: ${two.collabSeen}, one: ${one.collabSeen})`);
    });
    const swap = await fetch(`${a.url}/__test/refresh-model`, { method: "POST" }).then((r) => r.json() as Promise<{ before: number | null; after: number | null; swapped: boolean; error: string | null }>);
    check("instance A swaps in a newer model version written by the concurrent trainer while serving", (p) => {
      if (!swap.swapped || swap.before === null || swap.after === null || swap.after <= swap.before) p.push(`refresh answered ${JSON.stringify(swap)}`);
    });
    const burstId = "burstShopper0000000000";
    const burstProblems = await burst([a, b], `sn_shopper=${signShopperId(burstId, secret)}`, burstId);
    checks.push({ name: "50 concurrent swipes over two instances: recorded exactly once, profile = log", ok: burstProblems.length === 0, detail: burstProblems.join("; ") });
    const trained = trainer.trained();
    const code = await trainer.stop();
    check("the concurrent trainer wrote model versions throughout, without an error", (p) => {
      const errors = trainer!.passes.filter((x) => x.error);
      if (code !== 0) p.push(`the trainer loop exited with ${code}`);
      if (errors.length) p.push(`${errors.length} pass(es) failed: ${errors[0].error}`);
      if (trained < 2) p.push(`only ${trained} version(s) written during the test`);
    });
    return { checks };
  } finally {
    trainer?.kill();
    await Promise.all(instances.map(stopInstance));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function ensurePgClient(): void {
  if (fs.existsSync(path.join(ROOT, "node_modules", ".prisma", "client-pg", "index.js"))) return;
  log("generating the PostgreSQL Prisma client ...");
  const r = spawnSync(process.execPath, [path.join(ROOT, "lib", "cli", "prisma.mjs"), "generate", "--schema", "prisma/postgres/schema.prisma"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("prisma generate (postgres schema) failed");
}

function writeReport(r: { passed: number; failed: number; skipped: number; note?: string }): void {
  fs.mkdirSync(REPORT_DIR, { recursive: true });
  fs.writeFileSync(path.join(REPORT_DIR, "test-pg.json"), JSON.stringify(r, null, 2));
}

async function orchestrate(opts: { base?: string; suite: boolean }): Promise<number> {
  const t0 = Date.now();
  const { startLocalPg } = await import("@/lib/db/pg-local");
  ensurePgClient();
  let server;
  try {
    server = opts.base ? { baseUrl: opts.base, stop: () => undefined } : await startLocalPg({ log });
  } catch (e) {
    const note = `PostgreSQL could not be started: ${(e as Error).message}`;
    log(`SKIPPED: ${note}`);
    writeReport({ passed: 0, failed: 0, skipped: 1, note });
    return process.env.TEST_PG_REQUIRED === "1" ? 1 : 0;
  }
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    if (opts.suite) {
    log(`1/2 integration suite on PostgreSQL (${SUITE.join(", ")}) ...`);
    const json = path.join(REPORT_DIR, "vitest-pg.json");
    fs.mkdirSync(REPORT_DIR, { recursive: true });
    fs.rmSync(json, { force: true });
    const v = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", ...SUITE, "--reporter=default", "--reporter=json", `--outputFile.json=${json}`], {
      stdio: "inherit",
      env: { ...process.env, TEST_DATABASE_URL_BASE: server.baseUrl },
    });
    try {
      const r = JSON.parse(fs.readFileSync(json, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
      passed += r.numPassedTests;
      failed += r.numFailedTests;
      skipped += r.numPendingTests + r.numTodoTests;
    } catch {
      failed++;
    }
    if (v.status !== 0 && failed === 0) failed++;
    }

    log("2/2 two instances on one PostgreSQL ...");
    try {
      const { checks } = await twoInstanceTest(server.baseUrl);
      for (const c of checks) {
        process.stdout.write(`  ${c.ok ? "ok  " : "FAIL"} ${c.name}${c.ok ? "" : `\n       ${c.detail}`}\n`);
        if (c.ok) passed++;
        else failed++;
      }
    } catch (e) {
      process.stdout.write(`  FAIL two-instance test: ${(e as Error).message}\n`);
      failed++;
    }
  } finally {
    server.stop();
  }
  writeReport({ passed, failed, skipped });
  process.stdout.write(`test:pg: ${passed} passed, ${failed} failed, ${skipped} skipped (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
  return failed === 0 ? 0 : 1;
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), ["base"]);
  if (args.flags.has("serve")) return serve();
  if (args.flags.has("seed")) return seed();
  // --base postgres://... uses a running server; --no-suite runs only the two-instance test
  const base = args.flags.get("base");
  return orchestrate({ base: typeof base === "string" ? base : undefined, suite: !args.flags.has("no-suite") });
});
