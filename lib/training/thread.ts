// Starts the trainer in a worker thread of the current process (the default deployment:
// `npm start` runs it; with several instances the lease lets one of them train, or set
// COLLAB_TRAINER=off on the instances and run `npm run train` once). The worker runs the
// TypeScript entry through tsx's module API with the react-server condition, like the CLIs
// (a worker's `--import tsx` execArgv does not apply to its own entry under Node 20:
// "Unknown file extension .ts"), so the bootstrap registers tsx and then imports the entry.
// Server-only; must not import lib/feed.
import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

export function startTrainerThread(log: (l: string) => void = (l) => process.stderr.write(`${l}\n`)): Worker {
  const root = process.cwd();
  const entry = pathToFileURL(path.join(root, "lib", "training", "worker.ts")).href;
  // the ESM build of tsx's module API (require.resolve would give the CommonJS one)
  const tsxApi = pathToFileURL(path.join(path.dirname(createRequire(path.join(root, "package.json")).resolve("tsx/package.json")), "dist", "esm", "api", "index.mjs")).href;
  const parent = pathToFileURL(path.join(root, "package.json")).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(parent)}))` +
    `.catch((e) => { process.stderr.write("[trainer] worker failed to start: " + (e && e.stack || e) + "\\n"); process.exit(1); });`;
  const w = new Worker(bootstrap, { eval: true, execArgv: ["--conditions=react-server"] });
  w.on("error", (e) => log(`[trainer] worker stopped: ${e.message}`));
  w.unref();
  return w;
}
