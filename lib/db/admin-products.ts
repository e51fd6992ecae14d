// Admin catalog queries: a filtered page of products (hidden ones included) with their
// embedding presence for one model and non-undone feedback counts, filter facets, and
// attribute edits / hide. Maps rows to domain types. Server-only; must not import lib/feed.
import "server-only";
import type { Prisma } from "@prisma/client";
import type { Gender, Product } from "@/lib/recommender/types";
import { db, dbProvider } from "./client";
import { toProduct } from "./products";
import { containsInsensitive } from "./dialect";

export interface AdminProductFilter {
  q?: string;
  articleType?: string;
  gender?: Gender;
  hidden?: "all" | "visible" | "hidden";
  embedding?: "all" | "present" | "missing";
}

export interface FeedbackCounts {
  likes: number;
  superlikes: number;
  passes: number;
}

export interface AdminProduct extends Product, FeedbackCounts {
  embedded: boolean;
  source: string;
  updatedAt: Date;
}

function whereFor(f: AdminProductFilter, modelId: string): Prisma.ProductWhereInput {
  const and: Prisma.ProductWhereInput[] = [];
  if (f.hidden === "visible") and.push({ hidden: false });
  if (f.hidden === "hidden") and.push({ hidden: true });
  if (f.gender) and.push({ gender: f.gender });
  if (f.articleType) and.push({ articleType: f.articleType });
  if (f.embedding === "present") and.push({ embeddings: { some: { modelId } } });
  if (f.embedding === "missing") and.push({ embeddings: { none: { modelId } } });
  if (f.q) {
    const like = containsInsensitive(f.q, dbProvider());
    and.push({ OR: [{ name: like }, { brand: like }, { externalId: like }] });
  }
  return and.length ? { AND: and } : {};
}

/** Non-undone like / superlike / pass counts per product. */
export async function feedbackCountsFor(productIds: number[]): Promise<Map<number, FeedbackCounts>> {
  const out = new Map<number, FeedbackCounts>();
  if (productIds.length === 0) return out;
  const client = await db();
  const groups = await client.feedbackEvent.groupBy({
    by: ["productId", "action"],
    where: { undone: false, productId: { in: productIds } },
    _count: { _all: true },
  });
  for (const g of groups) {
    const c = out.get(g.productId) ?? { likes: 0, superlikes: 0, passes: 0 };
    if (g.action === "like") c.likes += g._count._all;
    else if (g.action === "superlike") c.superlikes += g._count._all;
    else if (g.action === "pass") c.passes += g._count._all;
    out.set(g.productId, c);
  }
  return out;
}

export async function listAdminProducts(
  filter: AdminProductFilter,
  modelId: string,
  page: { offset: number; limit: number },
): Promise<{ items: AdminProduct[]; total: number }> {
  const client = await db();
  const where = whereFor(filter, modelId);
  const [rows, total] = await Promise.all([
    client.product.findMany({
      where,
      orderBy: { id: "asc" },
      skip: page.offset,
      take: page.limit,
      include: { embeddings: { where: { modelId }, select: { modelId: true } } },
    }),
    client.product.count({ where }),
  ]);
  const counts = await feedbackCountsFor(rows.map((r) => r.id));
  const items = rows.map((r) => ({
    ...toProduct(r),
    ...(counts.get(r.id) ?? { likes: 0, superlikes: 0, passes: 0 }),
    embedded: r.embeddings.length > 0,
    source: r.source,
    updatedAt: r.updatedAt,
  }));
  return { items, total };
}

export async function getAdminProduct(id: number, modelId: string): Promise<AdminProduct | null> {
  const client = await db();
  const row = await client.product.findUnique({ where: { id }, include: { embeddings: { where: { modelId }, select: { modelId: true } } } });
  if (!row) return null;
  const counts = (await feedbackCountsFor([id])).get(id) ?? { likes: 0, superlikes: 0, passes: 0 };
  return { ...toProduct(row), ...counts, embedded: row.embeddings.length > 0, source: row.source, updatedAt: row.updatedAt };
}

export interface CatalogFacets {
  articleTypes: { value: string; count: number }[];
  genders: { value: string; count: number }[];
  total: number;
  hidden: number;
}

export async function catalogFacets(): Promise<CatalogFacets> {
  const client = await db();
  const [types, genders, total, hidden] = await Promise.all([
    client.product.groupBy({ by: ["articleType"], _count: { _all: true } }),
    client.product.groupBy({ by: ["gender"], _count: { _all: true } }),
    client.product.count(),
    client.product.count({ where: { hidden: true } }),
  ]);
  const sorted = (xs: { value: string; count: number }[]) => xs.sort((a, b) => a.value.localeCompare(b.value));
  return {
    articleTypes: sorted(types.map((t) => ({ value: t.articleType, count: t._count._all }))),
    genders: sorted(genders.map((g) => ({ value: g.gender, count: g._count._all }))),
    total,
    hidden,
  };
}

/** Editable product attributes (lists as arrays; price in cents, null for none). */
export interface ProductPatch {
  name?: string;
  brand?: string;
  articleType?: string;
  colours?: string[];
  styles?: string[];
  priceCents?: number | null;
  sizes?: string[];
  description?: string;
  hidden?: boolean;
  productUrl?: string | null;
}

/** Apply a patch; null when the product does not exist. */
export async function updateProduct(id: number, patch: ProductPatch): Promise<Product | null> {
  const client = await db();
  const data: Prisma.ProductUpdateInput = {};
  if (patch.name !== undefined) data.name = patch.name;
  if (patch.brand !== undefined) data.brand = patch.brand;
  if (patch.articleType !== undefined) data.articleType = patch.articleType;
  if (patch.colours !== undefined) data.colours = JSON.stringify(patch.colours);
  if (patch.styles !== undefined) data.styles = JSON.stringify(patch.styles);
  if (patch.priceCents !== undefined) data.priceCents = patch.priceCents;
  if (patch.sizes !== undefined) data.sizes = JSON.stringify(patch.sizes);
  if (patch.description !== undefined) data.description = patch.description;
  if (patch.hidden !== undefined) data.hidden = patch.hidden;
  if (patch.productUrl !== undefined) data.productUrl = patch.productUrl;
  try {
    return toProduct(await client.product.update({ where: { id }, data }));
  } catch (e) {
    if ((e as { code?: string }).code === "P2025") return null;
    throw e;
  }
}

/** Visible products that have a vector of this model. */
export async function countEmbeddedVisible(modelId: string): Promise<number> {
  const client = await db();
  return client.product.count({ where: { hidden: false, embeddings: { some: { modelId } } } });
}
