// Similar items (nearest image vectors, or TF-IDF without vectors). Word search is
// lib/feed/text-search.ts, photo search lib/feed/photo-search.ts. Server-only.
import "server-only";
import { topKOf } from "@/lib/embedding/vectors";
import { searchText } from "@/lib/recommender/content";
import { publicProduct, type PublicProduct } from "./cards";
import { getCatalog, type CatalogSnapshot } from "./catalog";
import { notFound } from "./errors";

export interface SearchHit {
  product: PublicProduct;
  score: number;
}

function nearest(catalog: CatalogSnapshot, query: Float32Array, limit: number, exclude?: number): SearchHit[] {
  if (!catalog.packed) return [];
  const excludeIdx = exclude === undefined ? undefined : new Set([catalog.packed.ids.indexOf(exclude)].filter((i) => i >= 0));
  const r = topKOf(query, catalog.packed.dots, limit, excludeIdx);
  const hits: SearchHit[] = [];
  for (let i = 0; i < r.indices.length; i++) {
    const p = catalog.byId.get(catalog.packed.ids[r.indices[i]]);
    if (p) hits.push({ product: publicProduct(p), score: Math.round(r.scores[i] * 1000) / 1000 });
  }
  return hits;
}

export async function similarProducts(productId: number, limit: number): Promise<SearchHit[]> {
  const catalog = await getCatalog();
  const p = catalog.byId.get(productId);
  if (!p || p.hidden) throw notFound(`Unknown product ${productId}`);
  const v = catalog.vectors?.byId.get(productId);
  if (v) return nearest(catalog, v, limit, productId);
  return searchText(catalog.contentIndex, `${p.articleType} ${p.colours.join(" ")} ${p.styles.join(" ")}`, limit + 1)
    .filter((h) => h.productId !== productId)
    .slice(0, limit)
    .map((h) => ({ product: publicProduct(catalog.byId.get(h.productId)!), score: Math.round(h.score * 1000) / 1000 }));
}
