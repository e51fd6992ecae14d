// Shopper profiles and their feedback event log. The learned state is a cache of the
// log (replayable); feedback and the state update commit in one transaction.
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

function toShopper(row: { id: string; quiz: string | null; state: string | null; eventCount: number; createdAt: Date }): ShopperRecord {
  return { id: row.id, quiz: parseJson<QuizAnswers>(row.quiz), state: parseJson<PreferenceState>(row.state), eventCount: row.eventCount, createdAt: row.createdAt };
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
  const row = await client.shopper.findUnique({ where: { id } });
  return row ? toShopper(row) : null;
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
    state: JSON.stringify(data.state),
    ...(data.eventCount !== undefined ? { eventCount: data.eventCount } : {}),
  };
  await client.shopper.upsert({ where: { id }, create: { id, ...payload }, update: payload });
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

export async function insertEvent(
  shopperId: string,
  e: { productId: number; action: FeedbackAction; clientEventId: string; score: number | null; components: unknown; position: number | null },
  tx: Tx,
): Promise<StoredEvent> {
  const row = await tx.feedbackEvent.create({
    data: {
      shopperId, productId: e.productId, action: e.action, clientEventId: e.clientEventId, score: e.score,
      components: e.components === null || e.components === undefined ? null : JSON.stringify(e.components), position: e.position,
    },
  });
  return toEvent(row);
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

/** Run fn in one database transaction (serialised per connection by the adapter). */
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
