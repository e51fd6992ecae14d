// Shopper profiles and their feedback event log. The learned state is a cache of the
// log (replayable); feedback and the state update commit in one transaction.
// The three queries of every swipe and card request (read the profile, append the event,
// store the new state) are raw SQL that runs unchanged on SQLite and PostgreSQL: through
// the ORM each cost 0.4-2 ms of query building for a 0.03 ms statement (measured with
// lib/cli/bench-api.ts). Everything else uses the Prisma model API.
// Server-only; must not import lib/feed.
import "server-only";
import type { Prisma } from "@prisma/client";
import type { FeedbackAction, PreferenceState, QuizAnswers } from "@/lib/recommender/types";
import { db, dbProvider } from "./client";

export interface ShopperRecord {
  id: string;
  quiz: QuizAnswers | null;
  state: PreferenceState | null;
  eventCount: number;
  createdAt: Date;
}

export interface StoredEvent {
  id: number;
  productId: number;
  action: FeedbackAction;
  clientEventId: string;
  score: number | null;
  components: Record<string, unknown> | null;
  position: number | null;
  undone: boolean;
  createdAt: Date;
}

type Tx = Prisma.TransactionClient;

function parseJson<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/**
 * The stored form of a learned state: JSON, with the visual profile vector as base64 of
 * its float64 bytes (exact, and half the size of its decimal digits: the vector was over
 * half of a typical state, and every swipe rewrites the state). Old rows with a plain
 * number array still load.
 */
export function encodeState(state: PreferenceState): string {
  if (!state.visual) return JSON.stringify(state);
  const bytes = Buffer.from(Float64Array.from(state.visual.vector).buffer);
  return JSON.stringify({ ...state, visual: { ...state.visual, vector: `f64:${bytes.toString("base64")}` } });
}

export function decodeState(text: string | null): PreferenceState | null {
  const state = parseJson<PreferenceState>(text);
  const v = state?.visual?.vector as unknown;
  if (state?.visual && typeof v === "string") {
    if (!v.startsWith("f64:")) return null;
    const bytes = Buffer.from(v.slice(4), "base64");
    if (bytes.length % 8 !== 0) return null;
    const copy = new Uint8Array(bytes); // aligned for the Float64Array view
    state.visual = { ...state.visual, vector: Array.from(new Float64Array(copy.buffer)) };
  }
  return state;
}

function toShopper(row: { id: string; quiz: string | null; state: string | null; eventCount: number; createdAt: Date }): ShopperRecord {
  return { id: row.id, quiz: parseJson<QuizAnswers>(row.quiz), state: decodeState(row.state), eventCount: row.eventCount, createdAt: row.createdAt };
}

function toEvent(row: {
  id: number; productId: number; action: string; clientEventId: string; score: number | null; components: string | null;
  position: number | null; undone: boolean; createdAt: Date;
}): StoredEvent {
  return {
    id: row.id, productId: row.productId, action: row.action as FeedbackAction, clientEventId: row.clientEventId, score: row.score,
    components: parseJson<Record<string, unknown>>(row.components), position: row.position, undone: row.undone, createdAt: row.createdAt,
  };
}

export async function getShopper(id: string, tx?: Tx): Promise<ShopperRecord | null> {
  const client = tx ?? (await db());
  const rows = await client.$queryRaw<Array<{ id: string; quiz: string | null; state: string | null; eventCount: number | bigint; createdAt: Date | string }>>`
    SELECT "id", "quiz", "state", "eventCount", "createdAt" FROM "Shopper" WHERE "id" = ${id}`;
  const row = rows[0];
  return row ? toShopper({ ...row, eventCount: Number(row.eventCount), createdAt: new Date(row.createdAt) }) : null;
}

/** Create the shopper row if it does not exist yet. */
export async function ensureShopper(id: string): Promise<void> {
  const client = await db();
  await client.shopper.upsert({ where: { id }, create: { id }, update: {} });
}

export async function saveProfile(id: string, data: { quiz?: QuizAnswers; state: PreferenceState; eventCount?: number }, tx?: Tx): Promise<void> {
  const client = tx ?? (await db());
  const payload = {
    ...(data.quiz ? { quiz: JSON.stringify(data.quiz) } : {}),
    state: encodeState(data.state),
    ...(data.eventCount !== undefined ? { eventCount: data.eventCount } : {}),
  };
  await client.shopper.upsert({ where: { id }, create: { id, ...payload }, update: payload });
}

/** Update an existing shopper's state and event count (inside the swipe's transaction). */
export async function updateProfile(id: string, data: { state: PreferenceState; eventCount: number }, tx: Tx): Promise<void> {
  const n = await tx.$executeRaw`
    UPDATE "Shopper" SET "state" = ${encodeState(data.state)}, "eventCount" = ${data.eventCount}, "updatedAt" = ${new Date()} WHERE "id" = ${id}`;
  if (n !== 1) throw new Error(`shopper ${id} not found`);
}

type NewEvent = { productId: number; action: FeedbackAction; clientEventId: string; score: number | null; components: unknown; position: number | null };

/**
 * Append an event unless this shopper already has one with the same clientEventId (the
 * unique key decides, so concurrent retries cannot both insert). Null means a retry.
 */
export async function insertEventIfNew(shopperId: string, e: NewEvent, tx: Tx): Promise<StoredEvent | null> {
  const createdAt = new Date();
  const components = e.components === null || e.components === undefined ? null : JSON.stringify(e.components);
  const rows = await tx.$queryRaw<Array<{ id: number | bigint }>>`
    INSERT INTO "FeedbackEvent" ("shopperId", "productId", "action", "score", "components", "position", "clientEventId", "undone", "createdAt")
    VALUES (${shopperId}, ${e.productId}, ${e.action}, ${e.score}, ${components}, ${e.position}, ${e.clientEventId}, false, ${createdAt})
    ON CONFLICT ("shopperId", "clientEventId") DO NOTHING
    RETURNING "id"`;
  if (rows.length === 0) return null;
  return {
    id: Number(rows[0].id), productId: e.productId, action: e.action, clientEventId: e.clientEventId, score: e.score,
    components: parseJson<Record<string, unknown>>(components), position: e.position, undone: false, createdAt,
  };
}

/** The shopper's active (not undone) events, oldest first. */
export async function activeEvents(shopperId: string, tx?: Tx): Promise<StoredEvent[]> {
  const client = tx ?? (await db());
  const rows = await client.feedbackEvent.findMany({ where: { shopperId, undone: false }, orderBy: { id: "asc" } });
  return rows.map(toEvent);
}

export async function findEvent(shopperId: string, clientEventId: string, tx?: Tx): Promise<StoredEvent | null> {
  const client = tx ?? (await db());
  const row = await client.feedbackEvent.findUnique({ where: { shopperId_clientEventId: { shopperId, clientEventId } } });
  return row ? toEvent(row) : null;
}

export async function markUndone(ids: number[], tx: Tx): Promise<void> {
  if (ids.length) await tx.feedbackEvent.updateMany({ where: { id: { in: ids } }, data: { undone: true } });
}

/**
 * Lock the shopper's row until the transaction ends, so that concurrent feedback of one
 * shopper (even from several instances) is applied one event at a time: PostgreSQL
 * `SELECT ... FOR UPDATE`. A no-op on SQLite, where the adapter already serialises
 * transactions (one writer). Call it first in every read-modify-write transaction.
 */
export async function lockShopper(tx: Tx, id: string): Promise<void> {
  if (dbProvider() !== "postgresql") return;
  await tx.$queryRawUnsafe(`SELECT 1 FROM "Shopper" WHERE "id" = $1 FOR UPDATE`, id);
}

/**
 * Run fn in one database transaction (serialised per connection by the adapter). On SQLite
 * it begins IMMEDIATE (lib/db/client.ts), so it waits for another process's write instead
 * of failing; PostgreSQL locks the shopper's row (lockShopper).
 */
export async function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await db();
  return client.$transaction(fn, { timeout: 20_000, maxWait: 20_000 });
}

/** Every shopper's latest rating per product (like +1, superlike +2, pass -1), for user-kNN. */
export async function allRatings(ratingOf: Record<FeedbackAction, number>): Promise<Map<string, Map<number, number>>> {
  const client = await db();
  const rows = await client.feedbackEvent.findMany({ where: { undone: false }, select: { shopperId: true, productId: true, action: true }, orderBy: { id: "asc" } });
  const byShopper = new Map<string, Map<number, number>>();
  for (const r of rows) {
    let m = byShopper.get(r.shopperId);
    if (!m) byShopper.set(r.shopperId, (m = new Map()));
    m.set(r.productId, ratingOf[r.action as FeedbackAction] ?? 0);
  }
  return byShopper;
}
