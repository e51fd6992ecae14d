// Per-process catalog snapshot: visible products, every product by id (for replaying
// old events), the TF-IDF index and the image vectors of the current embedding model.
// Reloaded when the catalog version in the database changes (import, edit, hide), so
// several instances stay consistent. The version is read from the database on every
// getCatalog call (one indexed row read), so no instance serves a hidden product after
// the change committed. Above ANN_THRESHOLD the snapshot also carries an approximate
// nearest-neighbour index handle (lib/feed/ann.ts). Server-only; the only layer that
// touches db AND recommender together is lib/feed.
import "server-only";
import { db } from "@/lib/db/client";
import { loadEmbeddings } from "@/lib/db/embeddings";
import { getMeta } from "@/lib/db/meta";
import { toProduct } from "@/lib/db/products";
import { getEmbedder, type Embedder } from "@/lib/embedding";
import { packDotMatrix } from "@/lib/embedding/vectors";
import { annHandle, annThreshold, type AnnHandle } from "./ann";
import { buildContentIndex, type ContentIndex } from "@/lib/recommender/content";
import type { DotMatrix } from "@/lib/recommender/dot-kernel";
import type { Product } from "@/lib/recommender/types";
import type { VectorSet } from "@/lib/recommender/visual";

export interface CatalogSnapshot {
  version: string;
  /** visible products, by id order: the recommender's universe */
  products: Product[];
  /** every product including hidden ones (event replay, likes) */
  byId: Map<number, Product>;
  contentIndex: ContentIndex;
  vectors: VectorSet | null;
  /** visible products' vectors packed row-major, for exact top-k search */
  packed: { ids: number[]; matrix: Float32Array; dim: number; dots: DotMatrix } | null;
  /** ANN index over `packed` when it has at least ANN_THRESHOLD rows, else null */
  ann: AnnHandle | null;
  embedder: Embedder;
  loadedAt: number;
}

const g = globalThis as unknown as { __stylenovaCatalog?: { key: string; promise: Promise<CatalogSnapshot> } };

async function currentVersion(): Promise<string> {
  return (await getMeta("catalogVersion")) ?? "0";
}

async function load(version: string): Promise<CatalogSnapshot> {
  const client = await db();
  const rows = await client.product.findMany({ orderBy: { id: "asc" } });
  const all = rows.map(toProduct);
  const products = all.filter((p) => !p.hidden);
  const embedder = await getEmbedder();
  const { byId: vecById } = await loadEmbeddings(embedder.modelId);
  const visibleWithVec = products.filter((p) => vecById.has(p.id));
  const dots = visibleWithVec.length ? packDotMatrix(visibleWithVec.map((p) => vecById.get(p.id) as Float32Array), embedder.dim) : null;
  const packed = dots ? { ids: visibleWithVec.map((p) => p.id), matrix: dots.data, dim: embedder.dim, dots } : null;
  if (packed) {
    // one copy of each visible vector: the per-product vectors become views of the matrix
    const dim = packed.dim;
    packed.ids.forEach((id, r) => vecById.set(id, packed.matrix.subarray(r * dim, (r + 1) * dim)));
  }
  // the recommender scans the same matrix in place (visible products are its rows)
  const vectors: VectorSet | null = vecById.size ? { modelId: embedder.modelId, byId: vecById, ...(dots ? { matrix: dots } : {}) } : null;
  const ann = packed && packed.ids.length >= annThreshold() ? annHandle(embedder.modelId, packed.dim, packed.ids, vecById) : null;
  return {
    version,
    products,
    byId: new Map(all.map((p) => [p.id, p])),
    contentIndex: buildContentIndex(products),
    vectors,
    packed,
    ann,
    embedder,
    loadedAt: Date.now(),
  };
}

/** The current snapshot; reloads once when the catalog version or the model changed. */
export async function getCatalog(): Promise<CatalogSnapshot> {
  const version = await currentVersion();
  const embedder = await getEmbedder();
  const key = `${version}|${embedder.modelId}`;
  if (!g.__stylenovaCatalog || g.__stylenovaCatalog.key !== key) {
    const promise = load(version);
    g.__stylenovaCatalog = { key, promise };
    promise.catch(() => {
      if (g.__stylenovaCatalog?.promise === promise) g.__stylenovaCatalog = undefined;
    });
  }
  return g.__stylenovaCatalog.promise;
}

/** Drop the snapshot (tests, admin). */
export function resetCatalogCache(): void {
  g.__stylenovaCatalog = undefined;
}
