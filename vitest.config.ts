import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit and integration tests live next to the code (x.test.ts). `server-only` is
// aliased to an empty module because tests run outside React's server condition.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      "server-only": path.resolve(__dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "catalog/**/*.test.ts", "prisma/**/*.test.ts"],
    environment: "node",
    setupFiles: ["lib/testing/setup.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
