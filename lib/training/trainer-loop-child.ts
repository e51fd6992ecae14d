// Test support (a child process of lib/training/two-writers.test.ts and lib/cli/test-pg.ts):
// a second writer on the app's database. Runs trainer passes back to back (forced, so each
// one trains and writes a model version), `--pause-ms` apart (default 20), until its stdin
// closes or it gets SIGTERM; then one last pass, so the newest model has read every event.
// Prints one JSON line per pass ({status, version, newEvents} or {error}) and exits 0 only
// when no pass failed. Reads DATABASE_URL / DATA_DIR like the app. Never imported by app code.
// Run: tsx --conditions=react-server lib/training/trainer-loop-child.ts [--pause-ms 20]
import { closeDb } from "@/lib/db/client";
import { createTrainer } from "./trainer";

async function main(): Promise<number> {
  const i = process.argv.indexOf("--pause-ms");
  const pauseMs = i > 0 ? Number(process.argv[i + 1]) : 20;
  let stopping = false;
  process.stdin.on("end", () => (stopping = true));
  process.stdin.on("error", () => (stopping = true));
  process.stdin.resume();
  process.on("SIGTERM", () => (stopping = true));
  const trainer = createTrainer({ holder: `loop-child-${process.pid}`, leaseMs: 60_000 });
  let failures = 0;
  const pass = async () => {
    try {
      const r = await trainer.runOnce({ force: true });
      process.stdout.write(`${JSON.stringify({ status: r.status, version: r.version ?? null, newEvents: r.newEvents })}\n`);
    } catch (e) {
      failures++;
      process.stdout.write(`${JSON.stringify({ error: (e as Error).message })}\n`);
    }
  };
  while (!stopping) {
    await pass();
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  await pass(); // the last pass reads everything written before the parent stopped us
  await closeDb();
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exit(1);
  },
);
