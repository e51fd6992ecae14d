// npm run bench -- --only browser [--runs N]: the deck in a real browser, against the
// production app started the way the e2e suite starts it (lib/cli/start.ts on its own
// port and a fresh data folder under .data/), in Debian's Chromium. Figures, several runs
// each with the median and spread (min-max), printed against their targets; never a
// pass/fail (that is what the e2e suite is for):
// - the longest main-thread task during a touch swipe on the phone under 4x CPU throttling
//   (from a Chromium performance trace);
// - the first-load JavaScript of /deck, gzipped (the scripts its HTML references);
// - on Slow 3G (CDP network emulation): how long a returning shopper waits for the first
//   card image (with its browser's cache, and on an empty cache with only the cookie), and
//   over 10 swipes at one per 2 s, how often the next card's image was
//   already loaded when it became the top card.
// CLI only: must not be imported by app code; imports no lib/feed or lib/db (the app
// runs in its own process).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { chromium, devices, type Browser, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, ensureChromium } from "@/lib/testing/chromium";

export const BROWSER_TARGETS = {
  longestTaskMs: 50,
  firstLoadJsKb: 150,
} as const;

/** Slow 3G as the bench emulates it: 400 kbps both ways, 400 ms round trip. */
export const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 } as const;

const QUIZ = { categories: ["Dresses", "Sneakers", "Coats", "Handbags"], colours: ["black"], brands: [], styles: [], gender: null, sizes: [], budget: { minCents: null, maxCents: null } };
const PHONE = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent: devices["iPhone SE"].userAgent,
};
const SWIPES = 10;
const SWIPE_EVERY_MS = 2000;

export interface Figure {
  name: string;
  unit: string;
  target: string;
  values: number[];
}

export interface BrowserBenchResult {
  runs: number;
  chromium: string;
  baseURL: string;
  figures: Figure[];
  firstLoadFiles: { path: string; gzipBytes: number }[];
  lazyJs: { files: number; gzipBytes: number };
}

export interface BrowserBenchOptions {
  runs?: number;
  port?: number;
  dataDir?: string;
  log?: (s: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- the app server (same command and environment as playwright.config.ts's webServer)

interface AppServer {
  baseURL: string;
  stop: () => Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the app server exited with code ${child.exitCode} before it was ready`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(1000);
  }
  throw new Error(`the app server did not answer ${url} within ${timeoutMs / 1000} s`);
}

async function startApp(port: number, dataDir: string, log: (s: string) => void): Promise<AppServer> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, "server.log");
  const out = fs.openSync(logFile, "a");
  log(`bench browser: starting the app on port ${port} (data ${dataDir}, log ${logFile}); a first start seeds the catalog and may build`);
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const child = spawn(process.execPath, [tsx, "--conditions=react-server", "lib/cli/start.ts"], {
    detached: true, // its own process group: stop() ends start.ts and `next start` together
    stdio: ["ignore", out, out],
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, HOSTNAME_BIND: "127.0.0.1", NODE_ENV: "production" },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
    fs.closeSync(out);
  };
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${baseURL}/api/health`, child, 900_000);
  } catch (e) {
    await stop();
    throw new Error(`${e instanceof Error ? e.message : String(e)} (see ${logFile})`);
  }
  return { baseURL, stop };
}

// ---- page helpers

async function openDeck(context: BrowserContext, baseURL: string): Promise<Page> {
  const res = await context.request.post(`${baseURL}/api/quiz`, { data: QUIZ });
  if (res.status() !== 200) throw new Error(`POST /api/quiz answered ${res.status()}: ${await res.text()}`);
  const page = await context.newPage();
  await page.goto(`${baseURL}/deck`);
  await page.getByTestId("swipe-card").waitFor({ state: "visible" });
  return page;
}

const topId = (page: Page) => page.getByTestId("swipe-card").getAttribute("data-product-id");

async function waitForNewTop(page: Page, before: string | null, timeout = 30_000): Promise<void> {
  await page.waitForFunction((b) => document.querySelector('[data-testid="swipe-card"]')?.getAttribute("data-product-id") !== b, before, { timeout });
}

async function touchDragAt(cdp: CDPSession, x: number, y: number, dx: number, dy: number, steps: number): Promise<void> {
  const point = (px: number, py: number) => [{ x: px, y: py, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: point(x, y) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: point(x + (dx * i) / steps, y + (dy * i) / steps) });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

async function touchSwipe(page: Page, cdp: CDPSession): Promise<void> {
  const box = await page.getByTestId("swipe-card").boundingBox();
  if (!box) throw new Error("no top card to swipe");
  await touchDragAt(cdp, box.x + box.width / 2, box.y + box.height / 2, 230, 10, 12);
}

async function waitForSync(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="deck"]')?.getAttribute("data-pending") === "0", undefined, { timeout: 60_000 });
}

// ---- figures

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

/** Longest renderer main-thread task (ms) in a Chromium trace; null when none was recorded. */
export function longestMainThreadTaskMs(events: TraceEvent[]): number | null {
  const mains = new Set(events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && e.ph === "X" && mains.has(`${e.pid}:${e.tid}`));
  if (tasks.length === 0) return null;
  return Math.max(...tasks.map((t) => t.dur ?? 0)) / 1000;
}

/** One warm-up swipe, then one traced touch swipe under 4x CPU throttling on the phone. */
async function longestTaskDuringSwipe(browser: Browser, baseURL: string): Promise<number> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await openDeck(context, baseURL);
    await page.waitForLoadState("networkidle");
    // the card is static until the deck's drag code has loaded (after the first view)
    await page.waitForSelector('[data-testid="deck"][data-drag="ready"]', { timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    const warm = await topId(page);
    await touchSwipe(page, cdp);
    await waitForNewTop(page, warm);
    await waitForSync(page);
    await sleep(300);
    const before = await topId(page);
    const box = await page.getByTestId("swipe-card").boundingBox();
    if (!box) throw new Error("no top card to swipe");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await browser.startTracing(page, { categories: ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline"] });
    await touchDragAt(cdp, box.x + box.width / 2, box.y + box.height / 2, 230, 10, 12);
    await sleep(1500);
    const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] };
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await waitForNewTop(page, before);
    const ms = longestMainThreadTaskMs(trace.traceEvents);
    if (ms === null) throw new Error("the trace recorded no renderer main-thread tasks");
    return ms;
  } finally {
    await context.close();
  }
}

/** First-load JS of /deck: the non-noModule scripts its HTML references, gzipped (level 9). */
async function firstLoadJs(browser: Browser, baseURL: string): Promise<{ files: { path: string; gzipBytes: number }[]; lazy: { files: number; gzipBytes: number } }> {
  const context = await browser.newContext();
  try {
    const loaded = new Set<string>();
    const page = await context.newPage();
    page.on("response", (res) => {
      if (res.request().resourceType() === "script") loaded.add(res.url());
    });
    await context.request.post(`${baseURL}/api/quiz`, { data: QUIZ });
    await page.goto(`${baseURL}/deck`);
    await page.getByTestId("swipe-card").waitFor({ state: "visible" });
    await page.waitForLoadState("networkidle");
    const html = await (await context.request.get(`${baseURL}/deck`)).text();
    const urls = [...html.matchAll(/<script\b([^>]*)>/g)]
      .map((m) => m[1])
      .filter((attrs) => !/\bnoModule\b/i.test(attrs))
      .map((attrs) => /\bsrc="([^"]+)"/.exec(attrs)?.[1])
      .filter((src): src is string => Boolean(src))
      .map((src) => new URL(src, baseURL).href);
    const gz = async (url: string) => zlib.gzipSync(await (await context.request.get(url)).body(), { level: 9 }).length;
    const files: { path: string; gzipBytes: number }[] = [];
    for (const url of urls) files.push({ path: new URL(url).pathname, gzipBytes: await gz(url) });
    const later = [...loaded].filter((u) => !urls.includes(u));
    let lazyBytes = 0;
    for (const url of later) lazyBytes += await gz(url);
    return { files, lazy: { files: later.length, gzipBytes: lazyBytes } };
  } finally {
    await context.close();
  }
}

/**
 * A returning shopper (profile, cookie, local deck and HTTP cache from an earlier visit)
 * opens /deck on Slow 3G: ms from navigation start until the top card's image is loaded
 * and on screen; then 10 swipes, one per 2 s, counting how often the next card's image
 * had already loaded when it became the top card.
 */
async function slowNetwork(browser: Browser, baseURL: string): Promise<{ firstImageMs: number; preloaded: number; coldImageMs: number }> {
  const context = await browser.newContext(PHONE);
  try {
    const first = await openDeck(context, baseURL);
    await first.waitForLoadState("networkidle");
    await first.close();

    const page = await context.newPage();
    const firstImageMs = await firstImageOnSlow3g(context, page, baseURL);
    const cookies = await context.cookies();

    let preloaded = 0;
    for (let i = 0; i < SWIPES; i++) {
      await sleep(SWIPE_EVERY_MS);
      const before = await topId(page);
      // the card under the top one becomes the top card with this swipe
      const ready = await page.evaluate(() => {
        const img = document.querySelector<HTMLImageElement>('[data-testid="deck-card-back"] img');
        return Boolean(img && img.complete && img.naturalWidth > 0);
      });
      if (ready) preloaded++;
      await page.getByRole("button", { name: "Pass", exact: true }).click({ timeout: 60_000 });
      await waitForNewTop(page, before, 60_000);
    }
    return { firstImageMs, preloaded, coldImageMs: await coldFirstImage(browser, baseURL, cookies) };
  } finally {
    await context.close();
  }
}

/** Opens /deck on Slow 3G in `page`: ms from navigation start until the top card's image is loaded and on screen. */
async function firstImageOnSlow3g(context: BrowserContext, page: Page, baseURL: string): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
  await page.goto(`${baseURL}/deck`, { waitUntil: "commit", timeout: 120_000 });
  const shown = await page.waitForFunction(
    () => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="swipe-card"] img');
      if (!img || !img.complete || img.naturalWidth === 0) return false;
      const r = img.getBoundingClientRect();
      return r.width > 0 && r.bottom > 0 && r.top < innerHeight ? performance.now() : false;
    },
    undefined,
    { polling: "raf", timeout: 120_000 },
  );
  return (await shown.jsonValue()) as number;
}

/**
 * The same shopper on a fresh browser (a new phone, or a cleared cache): only the shopper
 * cookie, no local deck and no HTTP cache, so scripts, styles and images all cross Slow 3G.
 */
async function coldFirstImage(browser: Browser, baseURL: string, cookies: Awaited<ReturnType<BrowserContext["cookies"]>>): Promise<number> {
  const context = await browser.newContext(PHONE);
  try {
    await context.addCookies(cookies.filter((c) => c.name !== "sn_deck"));
    return await firstImageOnSlow3g(context, await context.newPage(), baseURL);
  } finally {
    await context.close();
  }
}

// ---- the bench

export async function benchBrowser(opts: BrowserBenchOptions = {}): Promise<BrowserBenchResult> {
  const runs = Math.max(1, Math.floor(opts.runs ?? 5));
  const log = opts.log ?? (() => undefined);
  const port = opts.port ?? Number(process.env.BENCH_BROWSER_PORT ?? 3300);
  const dataDir = path.resolve(opts.dataDir ?? process.env.BENCH_BROWSER_DATA_DIR ?? path.join(process.cwd(), ".data", "bench-browser"));
  const executablePath = ensureChromium(log);
  const app = await startApp(port, dataDir, log);
  let browser: Browser | null = null;
  const stopAll = () => void app.stop();
  process.once("SIGINT", stopAll);
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const js = await firstLoadJs(browser, app.baseURL);
    const longest: number[] = [];
    const firstImage: number[] = [];
    const preloaded: number[] = [];
    const coldImage: number[] = [];
    for (let run = 1; run <= runs; run++) {
      longest.push(await longestTaskDuringSwipe(browser, app.baseURL));
      const slow = await slowNetwork(browser, app.baseURL);
      firstImage.push(slow.firstImageMs);
      preloaded.push(slow.preloaded);
      coldImage.push(slow.coldImageMs);
      log(`bench browser: run ${run}/${runs}: longest task ${longest[run - 1].toFixed(1)} ms, first image on Slow 3G ${slow.firstImageMs.toFixed(0)} ms (empty cache ${slow.coldImageMs.toFixed(0)} ms), next image ready ${slow.preloaded}/${SWIPES}`);
    }
    const jsKb = js.files.reduce((a, f) => a + f.gzipBytes, 0) / 1024;
    return {
      runs,
      chromium: executablePath,
      baseURL: app.baseURL,
      figures: [
        { name: "longest main-thread task, touch swipe, phone at 4x CPU throttling", unit: "ms", target: `<= ${BROWSER_TARGETS.longestTaskMs}`, values: longest },
        { name: "/deck first-load JS, gzipped (byte count: one measurement)", unit: "KB", target: `<= ${BROWSER_TARGETS.firstLoadJsKb}`, values: [jsKb] },
        { name: "Slow 3G: first card image visible, returning shopper", unit: "ms", target: "<= 6000", values: firstImage },
        { name: "Slow 3G: first card image visible, returning shopper on an empty cache (cookie only)", unit: "ms", target: "<= 6000", values: coldImage },
        { name: `Slow 3G: next image already loaded when it became the top card (of ${SWIPES}, one swipe per 2 s)`, unit: "swipes", target: ">= 9", values: preloaded },
      ],
      firstLoadFiles: js.files,
      lazyJs: js.lazy,
    };
  } finally {
    process.off("SIGINT", stopAll);
    await browser?.close();
    await app.stop();
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function formatBrowser(r: BrowserBenchResult): string {
  const num = (x: number, unit: string) => (unit === "ms" ? x.toFixed(x < 100 ? 1 : 0) : unit === "KB" ? x.toFixed(1) : String(Math.round(x * 10) / 10));
  const head = ["figure", "unit", "target", "median", "min-max", "runs"];
  const body = r.figures.map((f) => [
    f.name,
    f.unit,
    f.target,
    num(median(f.values), f.unit),
    f.values.length > 1 ? `${num(Math.min(...f.values), f.unit)}-${num(Math.max(...f.values), f.unit)}` : "-",
    String(f.values.length),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  const files = r.firstLoadFiles.map((f) => `  ${(f.gzipBytes / 1024).toFixed(1).padStart(7)} KB  ${f.path}`);
  return [
    `Chromium ${r.chromium}, app ${r.baseURL}; Slow 3G = ${SLOW_3G.downloadThroughput * 8 / 1000} kbps down/up, ${SLOW_3G.latency} ms RTT`,
    line(head),
    line(widths.map((w) => "-".repeat(w))),
    ...body.map(line),
    `/deck first-load scripts (${r.firstLoadFiles.length}):`,
    ...files,
    `loaded after boot (lazy motion features, link prefetches): ${(r.lazyJs.gzipBytes / 1024).toFixed(1)} KB gzipped in ${r.lazyJs.files} files`,
  ].join("\n");
}
