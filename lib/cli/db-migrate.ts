// npm run db:migrate: apply pending migrations to the database DATABASE_URL names
// (SQLite: create the file if needed; PostgreSQL: under an advisory lock, so it is safe
// while instances start). Run it once before starting several instances.
import { migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { runCli } from "./args";

runCli(async () => {
  const r = await migrate(env().databaseUrl);
  process.stdout.write(
    r.applied.length ? `Applied ${r.applied.length} migration(s): ${r.applied.join(", ")}\n` : `Database is up to date (${r.alreadyApplied} migration(s)).\n`,
  );
});
