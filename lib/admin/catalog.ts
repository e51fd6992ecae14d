// Admin catalog operations: the product table (embedding status for the current
// embedder's model), attribute edits and hide/unhide. Every change bumps the catalog
// version so per-process caches (lib/feed/catalog) reload and hidden products leave the
// deck at once. Server-only; must not import lib/feed or next.
import "server-only";
import { catalogFacets, getAdminProduct, listAdminProducts, updateProduct, type AdminProduct } from "@/lib/db/admin-products";
import { bumpCatalogVersion } from "@/lib/db/meta";
import { getEmbedder } from "@/lib/embedding";
import { HttpError } from "@/lib/http/respond";
import type { AdminProductQuery, ProductPatchInput } from "./schemas";

export interface AdminProductView {
  id: number;
  externalId: string;
  name: string;
  brand: string;
  category: string;
  articleType: string;
  gender: string;
  colours: string[];
  styles: string[];
  sizes: string[];
  priceCents: number | null;
  currency: string;
  description: string;
  imageUrl: string | null;
  productUrl: string | null;
  hidden: boolean;
  source: string;
  embedding: string; // model id of the current embedder, or "missing"
  likes: number;
  superlikes: number;
  passes: number;
  likeRate: number | null;
}

export function toView(p: AdminProduct, modelId: string): AdminProductView {
  const events = p.likes + p.superlikes + p.passes;
  return {
    id: p.id, externalId: p.externalId, name: p.name, brand: p.brand, category: p.category, articleType: p.articleType,
    gender: p.gender, colours: p.colours, styles: p.styles, sizes: p.sizes, priceCents: p.priceCents, currency: p.currency,
    description: p.description, imageUrl: p.image ? `/media/${p.image}` : null, productUrl: p.productUrl ?? null, hidden: p.hidden, source: p.source,
    embedding: p.embedded ? modelId : "missing", likes: p.likes, superlikes: p.superlikes, passes: p.passes,
    likeRate: events > 0 ? (p.likes + p.superlikes) / events : null,
  };
}

export async function listCatalog(q: AdminProductQuery) {
  const { offset, limit, ...filter } = q;
  const { modelId } = await getEmbedder();
  const [page, facets] = await Promise.all([listAdminProducts(filter, modelId, { offset, limit }), catalogFacets()]);
  return { items: page.items.map((p) => toView(p, modelId)), total: page.total, offset, limit, modelId, facets };
}

export async function getCatalogProduct(id: number): Promise<AdminProductView> {
  const { modelId } = await getEmbedder();
  const p = await getAdminProduct(id, modelId);
  if (!p) throw new HttpError(404, `Product ${id} not found`);
  return toView(p, modelId);
}

/** Apply an edit (attributes and/or hidden), then bump the catalog version. */
export async function editProduct(id: number, patch: ProductPatchInput): Promise<AdminProductView> {
  const updated = await updateProduct(id, patch);
  if (!updated) throw new HttpError(404, `Product ${id} not found`);
  await bumpCatalogVersion();
  return getCatalogProduct(id);
}
