// Playwright: phone (touch) and desktop projects against the production build, served
// by `npm start` on a fresh data folder (set by lib/cli/e2e.ts), in Debian's Chromium.
// Each project selects its tests by tag (never by skipping): a test tagged
// "@desktop-only" runs in the desktop project only, "@phone-only" in the phone project.
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./lib/testing/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? path.join(__dirname, ".data", "e2e");
const executablePath = findChromium() ?? undefined;
const launchOptions = { executablePath, args: CHROMIUM_ARGS };

export default defineConfig({
  testDir: "e2e",
  outputDir: path.join(dataDir, "test-results"),
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // a hang guard, not a speed budget (speed is `npm run bench -- --only browser`): roomy
  // enough for the longest test on a machine whose cores are busy with other work
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: path.join(dataDir, "e2e-results.json") }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "desktop",
      grepInvert: /@phone-only/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions },
    },
    {
      name: "phone",
      grepInvert: /@desktop-only/,
      use: {
        viewport: { width: 375, height: 667 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        userAgent: devices["iPhone SE"].userAgent,
        launchOptions,
      },
    },
  ],
  webServer: {
    command: "npx tsx --conditions=react-server lib/cli/start.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(port), DATA_DIR: dataDir, HOSTNAME_BIND: "127.0.0.1", ADMIN_TOKEN: process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-123" },
  },
});
