// The collaborative trainer's tables: the feedback events read incrementally by id, the
// versioned model rows (CollabModel) and the one-trainer-per-database lease (Lease). All
// raw SQL that runs unchanged on SQLite and PostgreSQL. This contract (events in, model rows
// out) is what an external trainer (e.g. Spark MLlib ALS) reads and writes.
// Server-only; must not import lib/feed.
import "server-only";
import type { FeedbackAction } from "@/lib/recommender/types";
import { db } from "./client";

export interface TrainingEvent {
  id: number;
  shopperId: string;
  productId: number;
  action: FeedbackAction;
  undone: boolean;
}

/** Events with id > afterId, oldest first, at most `limit` (undone ones too: the trainer skips them). */
export async function eventsAfter(afterId: number, limit: number): Promise<TrainingEvent[]> {
  const client = await db();
  const rows = await client.$queryRaw<Array<{ id: number | bigint; shopperId: string; productId: number | bigint; action: string; undone: boolean | number | bigint }>>`
    SELECT "id", "shopperId", "productId", "action", "undone" FROM "FeedbackEvent" WHERE "id" > ${afterId} ORDER BY "id" ASC LIMIT ${limit}`;
  return rows.map((r) => ({ id: Number(r.id), shopperId: r.shopperId, productId: Number(r.productId), action: r.action as FeedbackAction, undone: Boolean(Number(r.undone)) }));
}

/**
 * Ids of undone events with id <= upToId (undo and "remove like" flag an existing row, so
 * an incremental read by id cannot see them). Reads the undone rows only (index on undone).
 */
export async function undoneEventIds(upToId: number): Promise<number[]> {
  const client = await db();
  const rows = await client.$queryRaw<Array<{ id: number | bigint }>>`
    SELECT "id" FROM "FeedbackEvent" WHERE "undone" = true AND "id" <= ${upToId}`;
  return rows.map((r) => Number(r.id));
}

export interface ModelRow {
  version: number;
  kind: string;
  format: number;
  lastEventId: number;
  items: number;
  bytes: Uint8Array;
}

export interface ModelRowInfo {
  version: number;
  kind: string;
  lastEventId: number;
}

/** The newest model version's header (no bytes), or null. */
export async function latestModelInfo(): Promise<ModelRowInfo | null> {
  const client = await db();
  const rows = await client.$queryRaw<Array<{ version: number | bigint; kind: string; lastEventId: number | bigint }>>`
    SELECT "version", "kind", "lastEventId" FROM "CollabModel" ORDER BY "version" DESC LIMIT 1`;
  return rows[0] ? { version: Number(rows[0].version), kind: rows[0].kind, lastEventId: Number(rows[0].lastEventId) } : null;
}

export async function loadModelRow(version: number): Promise<ModelRow | null> {
  const client = await db();
  const rows = await client.$queryRaw<Array<{ version: number | bigint; kind: string; format: number | bigint; lastEventId: number | bigint; items: number | bigint; bytes: Uint8Array }>>`
    SELECT "version", "kind", "format", "lastEventId", "items", "bytes" FROM "CollabModel" WHERE "version" = ${version}`;
  const r = rows[0];
  if (!r) return null;
  return { version: Number(r.version), kind: r.kind, format: Number(r.format), lastEventId: Number(r.lastEventId), items: Number(r.items), bytes: new Uint8Array(r.bytes) };
}

/** Insert a model version (the caller picks latest + 1) and drop all but the newest `keep`. */
export async function saveModelRow(row: ModelRow, keep: number): Promise<void> {
  const client = await db();
  const bytes = Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
  await client.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "CollabModel" ("version", "kind", "format", "lastEventId", "items", "createdAt", "bytes")
      VALUES (${row.version}, ${row.kind}, ${row.format}, ${row.lastEventId}, ${row.items}, ${new Date()}, ${bytes})`;
    await tx.$executeRaw`DELETE FROM "CollabModel" WHERE "version" <= ${row.version - keep}`;
  });
}

/**
 * Take or renew the named lease for `holder` until nowMs + ttlMs: one UPDATE that succeeds
 * only when the holder already has it or it expired, else an INSERT when no row exists.
 * True when `holder` holds the lease afterwards.
 */
export async function acquireLease(name: string, holder: string, nowMs: number, ttlMs: number): Promise<boolean> {
  const client = await db();
  const until = nowMs + ttlMs;
  const updated = await client.$executeRaw`
    UPDATE "Lease" SET "holder" = ${holder}, "expiresAtMs" = ${until} WHERE "name" = ${name} AND ("holder" = ${holder} OR "expiresAtMs" <= ${nowMs})`;
  if (updated === 1) return true;
  const inserted = await client.$executeRaw`
    INSERT INTO "Lease" ("name", "holder", "expiresAtMs") VALUES (${name}, ${holder}, ${until}) ON CONFLICT ("name") DO NOTHING`;
  return inserted === 1;
}

/** Give the lease up (only if `holder` still has it). */
export async function releaseLease(name: string, holder: string): Promise<void> {
  const client = await db();
  await client.$executeRaw`UPDATE "Lease" SET "expiresAtMs" = 0 WHERE "name" = ${name} AND "holder" = ${holder}`;
}

/** Delete every model version and lease (the simulation's clean slate; never called by the app). */
export async function clearCollabModels(): Promise<void> {
  const client = await db();
  await client.$executeRaw`DELETE FROM "CollabModel"`;
  await client.$executeRaw`DELETE FROM "Lease"`;
}
