// Word search for GET /api/search: the catalog snapshot's search index (vocabulary + BM25,
// built once per snapshot, i.e. per catalog version and model), the CLIP text tower's
// similarity of the query's ranked words to every product when a CLIP model is loaded,
// and lib/search/engine.ts's result projected for the wire (TextSearchResponse).
// Server-only.
import "server-only";
import { dot } from "@/lib/embedding/vectors";
import { searchCatalog, buildSearchIndex, planSearch, type SearchIndex } from "@/lib/search/engine";
import type { SearchState, TextSearchResponse } from "@/lib/search/contract";
import { publicProduct } from "./cards";
import { getCatalog, type CatalogSnapshot } from "./catalog";

const indexes = new WeakMap<CatalogSnapshot, SearchIndex>();

/** The search index of a snapshot (built on first use; a new snapshot gets a new one). */
export function searchIndexOf(catalog: CatalogSnapshot): SearchIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = buildSearchIndex(catalog.products);
    indexes.set(catalog, index);
  }
  return index;
}

/** CLIP text similarity of `text` to each indexed product (NaN where it has no vector); null outside CLIP mode. */
export async function clipSimilarities(catalog: CatalogSnapshot, index: SearchIndex, text: string): Promise<Float32Array | null> {
  if (catalog.embedder.mode !== "clip" || !catalog.vectors || text.trim() === "") return null;
  const q = await catalog.embedder.embedText(text);
  if (!q) return null;
  const sims = new Float32Array(index.products.length).fill(Number.NaN);
  index.products.forEach((p, i) => {
    const v = catalog.vectors?.byId.get(p.id);
    if (v) sims[i] = dot(q, v);
  });
  return sims;
}

/** Search the current catalog by words; throws SearchInputError when there is nothing to search for. */
export async function textSearch(state: SearchState, opts: { exclude?: ReadonlySet<number> } = {}): Promise<TextSearchResponse> {
  const catalog = await getCatalog();
  const index = searchIndexOf(catalog);
  const plan = planSearch(index.vocab, state);
  const clip = plan.words.length > 0 ? await clipSimilarities(catalog, index, plan.words.map((w) => w.text).join(" ")) : null;
  const r = searchCatalog(index, state, { clip, exclude: opts.exclude });
  return { kind: "text", state, ...r, hits: r.hits.map((h) => ({ product: publicProduct(h.product), why: h.why })) };
}
