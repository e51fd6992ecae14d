// Raw aggregates of the feedback log for the admin dashboard (non-undone events grouped
// by position, shopper and product) and brief product lookups. No interpretation here:
// lib/admin/stats turns these into dashboard numbers. Server-only; must not import lib/feed.
import "server-only";
import { db } from "./client";

export interface ActionCount<K extends string | number> {
  key: K;
  action: string;
  count: number;
}

export interface FeedbackAggregates {
  byPosition: ActionCount<number>[];
  unknownPosition: number;
  byShopper: ActionCount<string>[];
  byProduct: ActionCount<number>[];
  undone: number;
  shoppers: number;
}

export async function feedbackAggregates(): Promise<FeedbackAggregates> {
  const client = await db();
  const active = { undone: false };
  const [byPosition, unknownPosition, byShopper, byProduct, undone, shoppers] = await Promise.all([
    client.feedbackEvent.groupBy({ by: ["position", "action"], where: { ...active, position: { not: null } }, _count: { _all: true } }),
    client.feedbackEvent.count({ where: { ...active, position: null } }),
    client.feedbackEvent.groupBy({ by: ["shopperId", "action"], where: active, _count: { _all: true } }),
    client.feedbackEvent.groupBy({ by: ["productId", "action"], where: active, _count: { _all: true } }),
    client.feedbackEvent.count({ where: { undone: true } }),
    client.shopper.count(),
  ]);
  return {
    byPosition: byPosition.map((g) => ({ key: g.position as number, action: g.action, count: g._count._all })),
    unknownPosition,
    byShopper: byShopper.map((g) => ({ key: g.shopperId, action: g.action, count: g._count._all })),
    byProduct: byProduct.map((g) => ({ key: g.productId, action: g.action, count: g._count._all })),
    undone,
    shoppers,
  };
}

export interface ProductBrief {
  id: number;
  externalId: string;
  name: string;
  brand: string;
  articleType: string;
  image: string | null;
  hidden: boolean;
}

/** id, names and image of every product (for brand grouping, coverage and top lists). */
export async function productBriefs(): Promise<ProductBrief[]> {
  const client = await db();
  return client.product.findMany({
    select: { id: true, externalId: true, name: true, brand: true, articleType: true, image: true, hidden: true },
    orderBy: { id: "asc" },
  });
}

/** Non-undone events (oldest first) with the product's external id, for the interactions export. */
export async function exportableEvents(actions: string[]): Promise<{ shopperId: string; externalId: string; action: string; createdAt: Date }[]> {
  const client = await db();
  const rows = await client.feedbackEvent.findMany({
    where: { undone: false, action: { in: actions } },
    orderBy: { id: "asc" },
    select: { shopperId: true, action: true, createdAt: true, product: { select: { externalId: true } } },
  });
  return rows.map((r) => ({ shopperId: r.shopperId, externalId: r.product.externalId, action: r.action, createdAt: r.createdAt }));
}

export interface ImportRunRecord {
  id: number;
  source: string;
  status: string;
  total: number;
  imported: number;
  skipped: number;
  errors: { line: number; id?: string; reason: string }[];
  startedAt: Date;
  finishedAt: Date | null;
}

function toRun(r: { id: number; source: string; status: string; total: number; imported: number; skipped: number; errors: string; startedAt: Date; finishedAt: Date | null }): ImportRunRecord {
  let errors: ImportRunRecord["errors"] = [];
  try {
    const v: unknown = JSON.parse(r.errors);
    if (Array.isArray(v)) errors = v as ImportRunRecord["errors"];
  } catch {
    errors = [];
  }
  return { ...r, errors };
}

export async function recentImportRuns(limit = 10): Promise<ImportRunRecord[]> {
  const client = await db();
  return (await client.importRun.findMany({ orderBy: { id: "desc" }, take: limit })).map(toRun);
}

export async function importRunById(id: number): Promise<ImportRunRecord | null> {
  const client = await db();
  const r = await client.importRun.findUnique({ where: { id } });
  return r ? toRun(r) : null;
}

export async function importRunBySource(source: string): Promise<ImportRunRecord | null> {
  const client = await db();
  const r = await client.importRun.findFirst({ where: { source }, orderBy: { id: "desc" } });
  return r ? toRun(r) : null;
}

/** At start: runs left "running" by a process that was killed are marked "interrupted"
 *  (a run still going in another process is set to its real outcome when it ends). */
export async function markInterruptedImportRuns(now: Date): Promise<number> {
  const client = await db();
  const r = await client.importRun.updateMany({ where: { status: "running" }, data: { status: "interrupted", finishedAt: now } });
  return r.count;
}
