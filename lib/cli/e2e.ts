// npm run test:e2e: Playwright against the production build on a fresh data folder.
// Finds (or, as root on Debian, installs) a Chromium first.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureChromium } from "@/lib/testing/chromium";
import { runCli } from "./args";

runCli(async () => {
  const chromium = ensureChromium();
  const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? path.join(process.cwd(), ".data", "e2e"));
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  process.stderr.write(`e2e: Chromium ${chromium}, fresh data folder ${dataDir}\n`);
  const r = spawnSync(process.execPath, [path.join("node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, CHROMIUM_PATH: chromium, E2E_DATA_DIR: dataDir },
  });
  return r.status ?? 1;
});
