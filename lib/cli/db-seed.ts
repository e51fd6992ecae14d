// npm run db:seed [-- --reset]: migrate the database and seed the bundled catalog.
// --reset deletes the data folder's SQLite database first (shoppers and feedback included).
import fs from "node:fs";
import { closeDb } from "@/lib/db/client";
import { providerOf } from "@/lib/db/dialect";
import { migrate, sqlitePathFromUrl } from "@/lib/db/migrate";
import { getEmbedder } from "@/lib/embedding";
import { seedBundledCatalog } from "@/lib/catalog/seed";
import { createProgress } from "@/lib/catalog/progress";
import { formatSummary } from "@/lib/catalog/summary";
import { env } from "@/lib/env";
import { parseArgs, runCli } from "./args";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2));
  const url = env().databaseUrl;
  if (args.flags.has("reset")) {
    if (providerOf(url) !== "sqlite") throw new Error("--reset deletes a SQLite file; on PostgreSQL drop and recreate the database instead");
    const file = sqlitePathFromUrl(url);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    process.stderr.write(`Deleted ${file}\n`);
  }
  await migrate(url);
  const embedder = await getEmbedder();
  const summary = await seedBundledCatalog({ embedder, onProgress: createProgress() });
  process.stdout.write(`${formatSummary(summary)}\n`);
  await closeDb();
});
