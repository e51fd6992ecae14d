// Product queries. Maps database rows to the domain Product type (lists stored as JSON
// text become arrays). Server-only; must not import lib/feed.
import "server-only";
import type { Prisma, Product as ProductRow } from "@prisma/client";
import { GENDERS, type Gender, type Product } from "@/lib/recommender/types";
import { db, dbProvider } from "./client";
import { containsInsensitive } from "./dialect";

function parseList(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

function toGender(g: string): Gender {
  return (GENDERS as readonly string[]).includes(g) ? (g as Gender) : "unisex";
}

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    brand: row.brand,
    category: row.category,
    subcategory: row.subcategory,
    articleType: row.articleType,
    gender: toGender(row.gender),
    colours: parseList(row.colours),
    styles: parseList(row.styles),
    pattern: row.pattern,
    season: row.season,
    year: row.year,
    priceCents: row.priceCents,
    currency: row.currency,
    sizes: parseList(row.sizes),
    description: row.description,
    image: row.image,
    hidden: row.hidden,
    productUrl: row.productUrl,
  };
}

/** Everything needed to create or update a product, keyed by externalId. */
export type ProductInput = Omit<Product, "id" | "hidden">;

export function toRowData(p: ProductInput, source: string): Prisma.ProductCreateInput {
  return {
    externalId: p.externalId,
    name: p.name,
    brand: p.brand,
    category: p.category,
    subcategory: p.subcategory,
    articleType: p.articleType,
    gender: p.gender,
    colours: JSON.stringify(p.colours),
    styles: JSON.stringify(p.styles),
    pattern: p.pattern,
    season: p.season,
    year: p.year,
    priceCents: p.priceCents,
    currency: p.currency,
    sizes: JSON.stringify(p.sizes),
    description: p.description,
    image: p.image,
    productUrl: p.productUrl ?? null,
    source,
  };
}

/** Upsert a batch of products in one transaction; returns how many were new. */
export async function upsertProducts(items: ProductInput[], source: string): Promise<{ created: number; updated: number; ids: number[] }> {
  const client = await db();
  const existing = new Set(
    (
      await client.product.findMany({
        where: { externalId: { in: items.map((i) => i.externalId) } },
        select: { externalId: true },
      })
    ).map((r) => r.externalId),
  );
  const rows = await client.$transaction(
    items.map((item) => {
      const data = toRowData(item, source);
      return client.product.upsert({
        where: { externalId: item.externalId },
        create: data,
        update: data,
        select: { id: true },
      });
    }),
  );
  const created = items.filter((i) => !existing.has(i.externalId)).length;
  return { created, updated: items.length - created, ids: rows.map((r) => r.id) };
}

export async function countProducts(opts: { includeHidden?: boolean } = {}): Promise<number> {
  const client = await db();
  return client.product.count({ where: opts.includeHidden ? {} : { hidden: false } });
}

export interface ProductPage {
  items: Product[];
  total: number;
}

export interface ProductFilter {
  q?: string;
  gender?: Gender;
  articleType?: string;
  category?: string;
  colour?: string;
  brand?: string;
  includeHidden?: boolean;
}

function whereFor(f: ProductFilter): Prisma.ProductWhereInput {
  const where: Prisma.ProductWhereInput = {};
  if (!f.includeHidden) where.hidden = false;
  if (f.gender) where.gender = f.gender;
  if (f.articleType) where.articleType = f.articleType;
  if (f.category) where.category = f.category;
  if (f.brand) where.brand = f.brand;
  if (f.colour) where.colours = { contains: JSON.stringify(f.colour.toLowerCase()) };
  if (f.q) where.name = containsInsensitive(f.q, dbProvider());
  return where;
}

/** A page of products, newest catalog order (by id). */
export async function listProducts(filter: ProductFilter, page: { offset: number; limit: number }): Promise<ProductPage> {
  const client = await db();
  const where = whereFor(filter);
  const [rows, total] = await Promise.all([
    client.product.findMany({ where, orderBy: { id: "asc" }, skip: page.offset, take: page.limit }),
    client.product.count({ where }),
  ]);
  return { items: rows.map(toProduct), total };
}

/** Every visible product (the recommender's universe). */
export async function allVisibleProducts(): Promise<Product[]> {
  const client = await db();
  return (await client.product.findMany({ where: { hidden: false }, orderBy: { id: "asc" } })).map(toProduct);
}

export async function getProduct(id: number): Promise<Product | null> {
  const client = await db();
  const row = await client.product.findUnique({ where: { id } });
  return row ? toProduct(row) : null;
}

/** Product counts per category (for health, admin and import checks). */
export async function countByCategory(): Promise<Record<string, number>> {
  const client = await db();
  const groups = await client.product.groupBy({ by: ["category"], _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.category, g._count._all]));
}
