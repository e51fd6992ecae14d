// Small key/value facts about the database (catalog version for cache refresh).
// Server-only.
import "server-only";
import { db } from "./client";

/** One value (a raw query: read on every request, and the ORM path costs ~0.4 ms more). */
export async function getMeta(key: string): Promise<string | null> {
  const client = await db();
  const rows = await client.$queryRaw<Array<{ value: string }>>`SELECT "value" FROM "Meta" WHERE "key" = ${key}`;
  return rows[0]?.value ?? null;
}

export async function setMeta(key: string, value: string): Promise<void> {
  const client = await db();
  await client.meta.upsert({ where: { key }, create: { key, value }, update: { value } });
}

/** Bump the catalog version: per-process caches of products and vectors reload. */
export async function bumpCatalogVersion(): Promise<number> {
  const next = Number((await getMeta("catalogVersion")) ?? "0") + 1;
  await setMeta("catalogVersion", String(next));
  return next;
}
