// Vitest setup: every test file gets its own temporary data folder (database, media,
// models), so files run in parallel without sharing state and never touch .data/.
// With TEST_DATABASE_URL_BASE=postgres://user@host:port (set by `npm run test:pg`),
// every test file also gets its own fresh, empty PostgreSQL database instead of SQLite.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase } from "@/lib/db/pg-local";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stylenova-test-"));
process.env.DATA_DIR = dir;
delete process.env.DATABASE_URL;
delete process.env.MODELS_DIR;

const pgBase = process.env.TEST_DATABASE_URL_BASE;
if (pgBase) {
  process.env.DATABASE_URL = await createDatabase(pgBase, `t_${process.pid}_${randomBytes(6).toString("hex")}`);
}
