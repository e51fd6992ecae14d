// The one Prisma client of the process (SQLite through the better-sqlite3 driver
// adapter). Memoized on globalThis so Next.js dev reloads and tests reuse it.
// Server-only; must not import lib/feed or lib/recommender logic.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { env } from "@/lib/env";
import { migrateSqlite } from "./migrate";

export type Db = PrismaClient;

const g = globalThis as unknown as { __stylenovaDb?: { url: string; client: PrismaClient; ready: Promise<void> } };

/** Create a client for a database URL (migrations are applied first). */
export function createDb(url: string): { client: PrismaClient; ready: Promise<void> } {
  migrateSqlite(url);
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
  // synchronous=NORMAL is per connection; WAL mode itself was set by the migrator.
  const ready = client
    .$queryRawUnsafe("PRAGMA synchronous = NORMAL")
    .then(() => client.$queryRawUnsafe("PRAGMA foreign_keys = ON"))
    .then(() => undefined);
  return { client, ready };
}

/** The shared client, ready to use (migrated, pragmas set). */
export async function db(): Promise<PrismaClient> {
  const url = env().databaseUrl;
  if (!g.__stylenovaDb || g.__stylenovaDb.url !== url) {
    const { client, ready } = createDb(url);
    g.__stylenovaDb = { url, client, ready };
    ready.catch(() => {
      if (g.__stylenovaDb?.client === client) g.__stylenovaDb = undefined;
    });
  }
  await g.__stylenovaDb.ready;
  return g.__stylenovaDb.client;
}

/** Close the shared client (CLIs and tests). */
export async function closeDb(): Promise<void> {
  const current = g.__stylenovaDb;
  g.__stylenovaDb = undefined;
  if (current) await current.client.$disconnect();
}
