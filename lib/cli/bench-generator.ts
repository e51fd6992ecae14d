// Catalog generator speed for `npm run bench -- --only generator`: rows/s of
// generateCatalog over several runs (one warm-up, then the median and spread), printed
// beside the target (100,000 rows in under 8 s, scaled linearly for other sizes). The
// speed budget lives here, never in catalog/generate.test.ts. Imports only the pure
// generator (no lib/db, lib/feed, sharp or next); the clock is injectable.
import { generateCatalog } from "@/catalog/generate";

/** The target: 100,000 rows in under 8 s. */
export const GENERATOR_TARGET = { rows: 100_000, ms: 8_000 } as const;

export interface GeneratorBenchOptions {
  rows: number;
  runs: number;
  log?: (s: string) => void;
  /** Milliseconds for timing (default performance.now). */
  clock?: () => number;
  seed?: number;
}

export interface GeneratorBench {
  rows: number;
  runs: number;
  /** Every timed run in ms, in run order (the warm-up excluded). */
  msPerRun: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** (max - min) / median, e.g. 0.08 = runs within 8 % of each other. */
  spread: number;
  rowsPerSec: number;
  /** The time budget for `rows` (8 s per 100,000 rows). */
  targetMs: number;
  meetsTarget: boolean;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeOnce(rows: number, seed: number, clock: () => number): number {
  const t = clock();
  const out = generateCatalog({ count: rows, seed });
  const ms = clock() - t;
  if (out.length !== rows) throw new Error(`generateCatalog returned ${out.length} rows, expected ${rows}`);
  return ms;
}

/** Pure: the summary of timed runs against the target. */
export function summariseGenerator(rows: number, msPerRun: readonly number[]): GeneratorBench {
  const medianMs = median(msPerRun);
  const minMs = Math.min(...msPerRun);
  const maxMs = Math.max(...msPerRun);
  const targetMs = (GENERATOR_TARGET.ms * rows) / GENERATOR_TARGET.rows;
  return {
    rows, runs: msPerRun.length, msPerRun: [...msPerRun], medianMs, minMs, maxMs,
    spread: medianMs > 0 ? (maxMs - minMs) / medianMs : 0,
    rowsPerSec: medianMs > 0 ? (rows / medianMs) * 1000 : Infinity,
    targetMs, meetsTarget: medianMs < targetMs,
  };
}

export async function benchGenerator(opts: GeneratorBenchOptions): Promise<GeneratorBench> {
  if (!Number.isInteger(opts.rows) || opts.rows < 1) throw new Error(`rows must be a positive integer, got ${opts.rows}`);
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error(`runs must be a positive integer, got ${opts.runs}`);
  const clock = opts.clock ?? (() => performance.now());
  const seed = opts.seed ?? 3;
  opts.log?.(`generator: warm-up (${opts.rows.toLocaleString("en-US")} rows)`);
  timeOnce(opts.rows, seed, clock);
  const msPerRun: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    msPerRun.push(timeOnce(opts.rows, seed, clock));
    opts.log?.(`generator: run ${i + 1}/${opts.runs}: ${msPerRun[i].toFixed(0)} ms`);
    await new Promise<void>((resolve) => setImmediate(resolve)); // yield to the event loop between runs
  }
  return summariseGenerator(opts.rows, msPerRun);
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function formatGenerator(r: GeneratorBench): string {
  const head = ["rows", "runs", "median ms", "min-max ms", "spread", "rows/s", "target", "result"];
  const row = [
    fmt(r.rows), String(r.runs), fmt(r.medianMs), `${fmt(r.minMs)}-${fmt(r.maxMs)}`, `${fmt(r.spread * 100, 1)} %`,
    fmt(r.rowsPerSec), `< ${fmt(r.targetMs)} ms`, r.meetsTarget ? "ok" : "SLOWER THAN TARGET",
  ];
  const widths = head.map((h, i) => Math.max(h.length, row[i].length));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), line(row)].join("\n");
}
