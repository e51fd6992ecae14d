// Offline migrator (no Prisma engine): applies the provider's migrations in name order,
// each once, recording what ran in a _stylenova_migrations table.
//   SQLite:     prisma/migrations/*/migration.sql, through better-sqlite3 (synchronous).
//   PostgreSQL: prisma/postgres/migrations/*/migration.sql, through pg, under a session
//               advisory lock so that several instances starting at once migrate once
//               (the others wait, then find everything applied).
// Server-only; must not import lib/feed, lib/recommender or next.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf } from "./dialect";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
export const PG_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "postgres", "migrations");
/** pg_advisory_lock key of the migrator (any constant bigint; "StyleNov" in ASCII). */
export const PG_MIGRATION_LOCK = "6009837463543738998";

/** Path of the SQLite file behind a `file:` URL. */
export function sqlitePathFromUrl(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`Only file: URLs are SQLite databases (got "${url}")`);
  return path.resolve(url.slice("file:".length));
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** Migration folder names (those with a migration.sql), sorted. */
export function migrationNames(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

/** Create the database file if needed, set WAL mode, and apply pending migrations. */
export function migrateSqlite(url: string, migrationsDir = MIGRATIONS_DIR): MigrationResult {
  const file = sqlitePathFromUrl(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.exec(
      `CREATE TABLE IF NOT EXISTS "_stylenova_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`,
    );
    const done = new Set(
      (db.prepare(`SELECT name FROM "_stylenova_migrations"`).all() as { name: string }[]).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const name of migrationNames(migrationsDir)) {
      if (done.has(name)) continue;
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      db.transaction(() => {
        db.exec(sql);
        db.prepare(`INSERT INTO "_stylenova_migrations" (name, appliedAt) VALUES (?, ?)`).run(
          name,
          new Date().toISOString(),
        );
      })();
      applied.push(name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    db.close();
  }
}

/** Apply pending PostgreSQL migrations, one transaction each, under an advisory lock. */
export async function migratePostgres(url: string, migrationsDir = PG_MIGRATIONS_DIR): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1::bigint)", [PG_MIGRATION_LOCK]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS "_stylenova_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now())`,
      );
      const done = new Set((await client.query<{ name: string }>(`SELECT name FROM "_stylenova_migrations"`)).rows.map((r) => r.name));
      const applied: string[] = [];
      for (const name of migrationNames(migrationsDir)) {
        if (done.has(name)) continue;
        const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
        await client.query("BEGIN");
        try {
          await client.query(sql); // simple query protocol: several statements at once
          await client.query(`INSERT INTO "_stylenova_migrations" (name) VALUES ($1)`, [name]);
          await client.query("COMMIT");
        } catch (e) {
          await client.query("ROLLBACK");
          throw new Error(`migration ${name} failed: ${(e as Error).message}`);
        }
        applied.push(name);
      }
      return { applied, alreadyApplied: done.size };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [PG_MIGRATION_LOCK]);
    }
  } finally {
    await client.end();
  }
}

/** Migrate whichever database the URL names (SQLite or PostgreSQL). */
export async function migrate(url: string): Promise<MigrationResult> {
  return providerOf(url) === "postgresql" ? migratePostgres(url) : migrateSqlite(url);
}
