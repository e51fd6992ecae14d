// Applies prisma/migrations/*/migration.sql to the SQLite file, in order, each once,
// recording what ran in a _stylenova_migrations table. Works offline (no Prisma engine).
// Server-only; must not import lib/feed, lib/recommender or next.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** Path of the SQLite file behind a `file:` URL. */
export function sqlitePathFromUrl(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`Only file: URLs are SQLite databases (got "${url}")`);
  return path.resolve(url.slice("file:".length));
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
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
    const names = fs
      .readdirSync(migrationsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(migrationsDir, d.name, "migration.sql")))
      .map((d) => d.name)
      .sort();
    const applied: string[] = [];
    for (const name of names) {
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
