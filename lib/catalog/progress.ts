// Progress reporting for long CLI jobs: a redrawn bar with count and ETA on a terminal,
// plain lines (every 10%) when output is not a TTY (CI, logs). Takes time as a function.

export interface ProgressSink {
  (phase: string, done: number, total: number): void;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "--";
  if (s < 60) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
}

/** Text of one progress state; pure so it can be tested. */
export function progressLine(phase: string, done: number, total: number, elapsedMs: number, width = 24): string {
  const frac = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(frac * width);
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const eta = rate > 0 ? (total - done) / rate : Infinity;
  const bar = "#".repeat(filled) + "-".repeat(width - filled);
  return `${phase.padEnd(10)} [${bar}] ${done}/${total} ${String(Math.round(frac * 100)).padStart(3)}% ETA ${done >= total ? "0s" : formatSeconds(eta)}`;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): ProgressSink {
  const tty = Boolean(stream.isTTY) && !process.env.CI;
  const started = new Map<string, number>();
  const lastDecile = new Map<string, number>();
  return (phase, done, total) => {
    if (!started.has(phase)) started.set(phase, now());
    const line = progressLine(phase, done, total, now() - (started.get(phase) ?? now()));
    if (tty) {
      stream.write(`\r${line}${done >= total ? "\n" : ""}`);
      return;
    }
    const decile = total > 0 ? Math.floor((done / total) * 10) : 10;
    if (decile !== lastDecile.get(phase) || done >= total) {
      if (lastDecile.get(phase) === 10) return;
      lastDecile.set(phase, decile);
      stream.write(`${line}\n`);
    }
  };
}
