// Search by photo (POST /api/search/photo): embeds the uploaded picture with the catalog's
// current embedder (CLIP, or the pixel descriptor), takes the nearest visible products and
// orders them as "closest matches" with lib/search/photo-rank.ts (cosine plus the article
// type of the nearest neighbours and of the type centroids), and counts the article types
// among the hits so the shopper can narrow them with a tap. No score is returned: cosines
// are not calibrated probabilities. The type centroids are built once per catalog snapshot.
// Server-only.
import "server-only";
import { topKOf } from "@/lib/embedding/vectors";
import type { FacetValue, PhotoSearchResponse } from "@/lib/search/contract";
import { PHOTO_RANK, rankPhotoPool, typeCentroids, type TypeCentroids } from "@/lib/search/photo-rank";
import type { Product } from "@/lib/recommender/types";
import { publicProduct } from "./cards";
import { getCatalog, type CatalogSnapshot } from "./catalog";

/** Hits returned per photo: enough to narrow by a type chip and still see a screenful. */
export const PHOTO_HITS = 48;

const centroidCache = new WeakMap<NonNullable<CatalogSnapshot["packed"]>, TypeCentroids>();

function centroidsOf(catalog: CatalogSnapshot, packed: NonNullable<CatalogSnapshot["packed"]>): TypeCentroids {
  let c = centroidCache.get(packed);
  if (!c) {
    c = typeCentroids(packed.matrix, packed.dim, packed.ids.map((id) => catalog.byId.get(id)?.articleType ?? ""));
    centroidCache.set(packed, c);
  }
  return c;
}

/** Article types among the hits, most frequent first (ties by name). Pure. */
export function typeFacet(articleTypes: readonly string[]): FacetValue[] {
  const counts = new Map<string, number>();
  for (const t of articleTypes) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, count]) => ({ value, label: value, count }));
}

/** The closest matches of an (already checked and normalised) picture, best first. */
export async function searchByPhoto(image: Buffer, limit = PHOTO_HITS): Promise<PhotoSearchResponse> {
  const catalog = await getCatalog();
  const packed = catalog.packed;
  if (!packed) return { kind: "photo", modelId: catalog.embedder.modelId, hits: [], types: [] };
  const [query] = await catalog.embedder.embedImages([image]);
  const pool = topKOf(query, packed.dots, Math.max(limit, PHOTO_RANK.pool));
  const rows = rankPhotoPool(pool, query, centroidsOf(catalog, packed), limit);
  const products = rows.map((r) => catalog.byId.get(packed.ids[r])).filter((p): p is Product => p !== undefined && !p.hidden);
  return {
    kind: "photo",
    modelId: catalog.embedder.modelId,
    hits: products.map(publicProduct),
    types: typeFacet(products.map((p) => p.articleType)),
  };
}
