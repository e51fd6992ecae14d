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
  const client = new PrismaClient({ adapter: immediateTransactions(new PrismaBetterSQLite3({ url, timeout: 10_000 })) });
  // synchronous is per connection (NORMAL, or FULL with SQLITE_SYNCHRONOUS=full); WAL mode
  // itself was set by the migrator.
  const ready = client
    .$queryRawUnsafe(`PRAGMA synchronous = ${env().sqliteSynchronous === "full" ? "FULL" : "NORMAL"}`)
    .then(() => client.$queryRawUnsafe("PRAGMA foreign_keys = ON"))
    .then(() => undefined);
  return { client, ready };
}

/**
 * SQLite transactions that take the write lock at BEGIN (BEGIN IMMEDIATE). The adapter
 * (6.19) runs a plain deferred BEGIN on the process's one connection and lets other
 * requests' queries run on that connection while a transaction is open. A read of another
 * request between that BEGIN and the transaction's first write opens a snapshot; if another
 * process (the trainer, a second instance) commits meanwhile, the write then fails at once
 * with SQLITE_BUSY ("database is locked") instead of waiting through the busy timeout
 * (SQLite invokes the busy handler only when no transaction is open). BEGIN IMMEDIATE waits
 * for the write lock first (busy timeout), so nothing can come between. Reproduced and
 * guarded by lib/training/two-writers.test.ts. (A patch of the adapter's connection, pinned
 * to @prisma/adapter-better-sqlite3 6.19: it fails loudly at start if that shape changes.)
 */
function immediateTransactions(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const conn = (adapter as unknown as { client?: { prepare?: (sql: string) => unknown } }).client;
    if (typeof conn?.prepare !== "function") throw new Error("@prisma/adapter-better-sqlite3 changed: cannot make its transactions BEGIN IMMEDIATE");
    const prepare = conn.prepare.bind(conn) as (sql: string) => { run: () => unknown };
    // The adapter never releases its transaction mutex when BEGIN throws, so BEGIN must not
    // throw: when the write lock stays busy past the busy timeout, fall back to a deferred
    // BEGIN; the transaction's first write then waits or fails and rolls back normally.
    const begin = {
      run: () => {
        try {
          return prepare("BEGIN IMMEDIATE").run();
        } catch (e) {
          if ((e as { code?: string }).code?.startsWith("SQLITE_BUSY")) return prepare("BEGIN").run();
          throw e;
        }
      },
    };
    conn.prepare = (sql: string) => (sql === "BEGIN" ? begin : prepare(sql));
    return adapter;
  };
  return factory;
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
