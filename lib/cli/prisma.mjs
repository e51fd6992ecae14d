#!/usr/bin/env node
// Runs the Prisma CLI offline. Prisma 6.19 checks for its native engine files at start
// even when it migrates through the driver adapter (js engine); where the engines were
// never downloaded (no network), point it at a placeholder file so it goes on.
// Usage: node lib/cli/prisma.mjs <prisma args...>   (the postinstall runs `generate`)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const enginesDir = path.join(root, "node_modules", "@prisma", "engines");

function enginesPresent() {
  if (!existsSync(enginesDir)) return false;
  return readdirSync(enginesDir).some((f) => f.startsWith("schema-engine") || f.includes("query_engine"));
}

const env = { ...process.env };
if (!enginesPresent() && !env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(root, ".data"));
  mkdirSync(dataDir, { recursive: true });
  const placeholder = path.join(dataDir, "prisma-engine-placeholder");
  if (!existsSync(placeholder)) writeFileSync(placeholder, "placeholder: engines are not used (driver adapter)\n");
  env.PRISMA_QUERY_ENGINE_LIBRARY = placeholder;
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
  env.PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING = "1";
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
env.CHECKPOINT_DISABLE = "1";

const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env, cwd: root });
process.exit(result.status ?? 1);
