// Vitest setup: every test file gets its own temporary data folder (database, media,
// models), so files run in parallel without sharing state and never touch .data/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stylenova-test-"));
process.env.DATA_DIR = dir;
delete process.env.DATABASE_URL;
delete process.env.MODELS_DIR;
