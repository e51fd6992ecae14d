// npm start: migrate the database, seed the bundled catalog on first start, build the
// production bundle when sources changed (alongside the seed), then serve it on PORT (default 3000), with the
// collaborative trainer in a worker thread of this process (COLLAB_TRAINER=off: none).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { markInterruptedImportRuns } from "@/lib/db/admin-stats";
import { countProducts } from "@/lib/db/products";
import { getEmbedder } from "@/lib/embedding";
import { embedMissingProducts } from "@/lib/catalog/importer";
import { seedBundledCatalog } from "@/lib/catalog/seed";
import { createProgress } from "@/lib/catalog/progress";
import { formatSummary } from "@/lib/catalog/summary";
import { env } from "@/lib/env";
import { startTrainerThread } from "@/lib/training/thread";
import { runCli } from "./args";

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const SOURCES = ["app", "lib", "public", "catalog", "next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

function needsBuild(): boolean {
  if (process.env.STYLENOVA_SKIP_BUILD === "1") return false;
  const buildId = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  const st = fs.statSync(buildId, { throwIfNoEntry: false });
  if (!st) return true;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > st.mtimeMs);
}

/** `next build` in a child process, its output kept and shown only if it fails. It runs
 *  alongside the first-start seed: the build reads sources only, never the database. The
 *  type check is left to `npm run typecheck` / `npm test` (STYLENOVA_SKIP_TYPECHECK). */
function startBuild(): { done: Promise<void>; stop: () => void } {
  process.stderr.write("Building the production bundle (next build) meanwhile...\n");
  const t0 = Date.now();
  const child = spawn(process.execPath, [NEXT_BIN, "build"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", STYLENOVA_SKIP_TYPECHECK: "1" },
  });
  const out: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => out.push(b));
  child.stderr.on("data", (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) {
        process.stderr.write(`Built the production bundle in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);
        resolve();
      } else {
        process.stderr.write(Buffer.concat(out));
        reject(new Error("next build failed (see the output above)"));
      }
    });
  });
  done.catch(() => undefined); // awaited by the caller; a failure is reported there
  return { done, stop: () => child.kill("SIGTERM") };
}

/** Migrate, then seed the bundled catalog on first start (or embed what a new model lacks). */
async function prepareData(databaseUrl: string, dataDir: string): Promise<void> {
  await migrate(databaseUrl);
  const interrupted = await markInterruptedImportRuns(new Date());
  if (interrupted > 0) process.stderr.write(`Marked ${interrupted} import run(s) left running by a stopped process as interrupted\n`);
  if ((await countProducts({ includeHidden: true })) === 0) {
    process.stderr.write(`First start: seeding the bundled catalog into ${dataDir}\n`);
    const summary = await seedBundledCatalog({ embedder: await getEmbedder(), onProgress: createProgress() });
    process.stderr.write(`${formatSummary(summary)}\n`);
  } else {
    // a new or changed embedding model: embed what has no vector for it yet (no-op otherwise)
    const embedder = await getEmbedder();
    const n = await embedMissingProducts(embedder, { onProgress: createProgress() });
    if (n > 0) process.stderr.write(`Embedded ${n} product image(s) with ${embedder.modelId}\n`);
  }
  await closeDb();
}

runCli(async () => {
  const e = env();
  const port = process.env.PORT ?? "3000";
  const build = needsBuild() ? startBuild() : null;
  try {
    await prepareData(e.databaseUrl, e.dataDir);
  } catch (err) {
    build?.stop();
    throw err;
  }
  await build?.done;
  if (e.collabTrainer === "thread") startTrainerThread(); // the collaborative model, off the request path
  process.stderr.write(`StyleNova is starting on http://localhost:${port}\n`);
  // the request guard answers methods no route serves (405) and undecodable paths (400) as JSON
  const guard = ["--require", path.join(ROOT, "lib", "http", "request-guard.cjs")];
  const child = spawn(process.execPath, [...guard, NEXT_BIN, "start", "-p", port, ...(process.env.HOSTNAME_BIND ? ["-H", process.env.HOSTNAME_BIND] : [])], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", STYLENOVA_REQUEST_GUARD: "1" },
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  return new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
});
