// npm run db:migrate: create the database file if needed and apply pending migrations.
import { migrateSqlite } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { runCli } from "./args";

runCli(async () => {
  const r = migrateSqlite(env().databaseUrl);
  process.stdout.write(
    r.applied.length ? `Applied ${r.applied.length} migration(s): ${r.applied.join(", ")}\n` : `Database is up to date (${r.alreadyApplied} migration(s)).\n`,
  );
});
