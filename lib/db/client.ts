// The one Prisma client of the process, for the database DATABASE_URL names:
//   file:...              SQLite through the better-sqlite3 driver adapter (default);
//   postgres(ql)://...    PostgreSQL through the pg driver adapter.
// Prisma ties a generated client to its schema's provider, so PostgreSQL uses a second
// client generated from prisma/postgres/schema.prisma (same models) into
// node_modules/.prisma/client-pg; its model API is identical, so it is typed as the
// SQLite `PrismaClient`. Migrations are applied before the client is handed out.
// Memoized on globalThis so Next.js dev reloads and tests reuse it.
// Server-only; must not import lib/feed or lib/recommender logic.
import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { env } from "@/lib/env";
import { providerOf, type Provider } from "./dialect";
import { migratePostgres, migrateSqlite } from "./migrate";

export type Db = PrismaClient;
export type { Provider };

/** Connections per instance to PostgreSQL (PG_POOL_MAX, default 10). */
const PG_POOL_MAX = Math.max(1, Number(process.env.PG_POOL_MAX ?? 10) || 10);

const g = globalThis as unknown as { __stylenovaDb?: { url: string; client: PrismaClient; ready: Promise<void> } };

type PgClientCtor = new (options: { adapter: PrismaPg }) => PrismaClient;

/**
 * The PostgreSQL client class, loaded at run time from the project's node_modules (the
 * specifier is built at run time so bundlers leave it to Node, like @prisma/client).
 */
function pgClientClass(): PgClientCtor {
  const req = createRequire(path.join(process.cwd(), "package.json"));
  const specifier = [".prisma", "client-pg"].join("/");
  try {
    return (req(specifier) as { PrismaClient: PgClientCtor }).PrismaClient;
  } catch (e) {
    throw new Error(
      `The PostgreSQL Prisma client is missing (${(e as Error).message.split("\n")[0]}). ` +
        "Generate it with: npm run db:generate",
    );
  }
}

/** Create a client for a database URL (migrations are applied before `ready` resolves). */
export function createDb(url: string): { client: PrismaClient; ready: Promise<void> } {
  if (providerOf(url) === "postgresql") {
    const Client = pgClientClass();
    const client = new Client({ adapter: new PrismaPg({ connectionString: url, max: PG_POOL_MAX }) });
    return { client, ready: migratePostgres(url).then(() => undefined) };
  }
  migrateSqlite(url);
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
  // synchronous=NORMAL is per connection; WAL mode itself was set by the migrator.
  const ready = client
    .$queryRawUnsafe("PRAGMA synchronous = NORMAL")
    .then(() => client.$queryRawUnsafe("PRAGMA foreign_keys = ON"))
    .then(() => undefined);
  return { client, ready };
}

/** The provider of the configured database. */
export function dbProvider(): Provider {
  return providerOf(env().databaseUrl);
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
