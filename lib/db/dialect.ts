// Which database a DATABASE_URL names: SQLite (`file:` URLs, the embedded default) or
// PostgreSQL (`postgres://` / `postgresql://`), and the few query differences between
// them that lib/db code must respect. Server-only; imports nothing from the app.
import "server-only";

export type Provider = "sqlite" | "postgresql";

/** The provider behind a database URL; throws a readable error for anything else. */
export function providerOf(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must be a file: URL (SQLite) or a postgres:// / postgresql:// URL (got "${url.split(":")[0]}:...")`);
}

/**
 * A case-insensitive substring filter for a Prisma string field. SQLite's LIKE is
 * already case-insensitive for ASCII; PostgreSQL needs `mode: "insensitive"` (ILIKE),
 * which the SQLite client's types do not know, hence the cast.
 */
export function containsInsensitive(text: string, provider: Provider): { contains: string } {
  return (provider === "postgresql" ? { contains: text, mode: "insensitive" } : { contains: text }) as { contains: string };
}
