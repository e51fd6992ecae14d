// npm test: every check, in order: types, lint, unit + integration tests (vitest), the
// PostgreSQL step (lib/cli/test-pg.ts: the integration suite on a throwaway PostgreSQL
// plus the two-instance test; skipped with a message when PostgreSQL cannot be
// installed or started, e.g. not root; TEST_PG_REQUIRED=1 makes that a failure), then
// the Playwright e2e suite. Prints one closing line "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureChromium } from "@/lib/testing/chromium";
import { runCli } from "./args";

interface Step {
  name: string;
  cmd: string[];
  env?: Record<string, string>;
}

const node = process.execPath;
const bin = (p: string) => path.join("node_modules", p);

runCli(async () => {
  const chromium = ensureChromium();
  const reportDir = path.join(process.cwd(), ".data", "reports");
  fs.mkdirSync(reportDir, { recursive: true });
  fs.rmSync(path.join(reportDir, "test-pg.json"), { force: true });
  const steps: Step[] = [
    { name: "typecheck", cmd: [node, bin("typescript/bin/tsc"), "--noEmit"] },
    { name: "lint", cmd: [node, bin("eslint/bin/eslint.js"), "."] },
    { name: "unit+integration", cmd: [node, bin("vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reportDir, "vitest.json")}`] },
    { name: "postgres", cmd: [node, bin("tsx/dist/cli.mjs"), "--conditions=react-server", "lib/cli/test-pg.ts"] },
    { name: "e2e", cmd: [node, bin("tsx/dist/cli.mjs"), "--conditions=react-server", "lib/cli/e2e.ts"], env: { CHROMIUM_PATH: chromium } },
  ];
  const results: { name: string; ok: boolean; ms: number }[] = [];
  for (const step of steps) {
    process.stderr.write(`\n=== ${step.name} ===\n`);
    const t0 = Date.now();
    const r = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: "inherit", env: { ...process.env, ...step.env } });
    results.push({ name: step.name, ok: r.status === 0, ms: Date.now() - t0 });
  }
  const counts = readCounts(reportDir);
  process.stdout.write("\nSummary:\n");
  for (const r of results) process.stdout.write(`  ${r.ok ? "ok  " : "FAIL"} ${r.name} (${(r.ms / 1000).toFixed(1)}s)\n`);
  const failedSteps = results.filter((r) => !r.ok).length;
  process.stdout.write(`tests: ${counts.passed} passed, ${counts.failed + (counts.failed === 0 ? failedSteps : 0)} failed, ${counts.skipped} skipped\n`);
  return failedSteps === 0 ? 0 : 1;
});

function readCounts(reportDir: string): { passed: number; failed: number; skipped: number } {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    const v = JSON.parse(fs.readFileSync(path.join(reportDir, "vitest.json"), "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    passed += v.numPassedTests;
    failed += v.numFailedTests;
    skipped += v.numPendingTests + v.numTodoTests;
  } catch {
    /* vitest did not write a report */
  }
  try {
    const p = JSON.parse(fs.readFileSync(path.join(reportDir, "test-pg.json"), "utf8")) as { passed: number; failed: number; skipped: number };
    passed += p.passed;
    failed += p.failed;
    skipped += p.skipped;
  } catch {
    /* the postgres step did not write a report */
  }
  try {
    const e = JSON.parse(fs.readFileSync(path.join(path.resolve(process.env.E2E_DATA_DIR ?? path.join(process.cwd(), ".data", "e2e")), "e2e-results.json"), "utf8")) as { stats: { expected: number; unexpected: number; skipped: number; flaky: number } };
    passed += e.stats.expected + e.stats.flaky;
    failed += e.stats.unexpected;
    skipped += e.stats.skipped;
  } catch {
    /* playwright did not write a report */
  }
  return { passed, failed, skipped };
}
