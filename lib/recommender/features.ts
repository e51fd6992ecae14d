// Per-catalog precomputation for the hot path of `recommend`: attribute values as integer
// ids (CSR lists per kind), product id -> catalog index, and the image vectors packed
// row-major in catalog order. Memoised per products array (and per VectorSet), so a
// catalog snapshot pays for it once; every call then works on typed arrays.
// Pure: must not import anything outside lib/recommender.
import { productKeys } from "./attributes";
import { productDescriptors } from "./taste-mixture";
import { createDotMatrix, type DotMatrix } from "./dot-kernel";
import { ATTRIBUTE_KINDS, type AttributeKind, type Product } from "./types";
import type { VectorSet } from "./visual";

/** Values of one attribute kind: value strings, their ids, and per-product id lists (CSR). */
export interface KindIndex {
  values: string[];
  idOf: Map<string, number>;
  offsets: Int32Array; // product i's ids are ids[offsets[i] .. offsets[i + 1])
  ids: Int32Array;
}

export interface CatalogFeatures {
  size: number;
  indexOfId: Map<number, number>;
  kinds: Record<AttributeKind, KindIndex>;
  /** first article type id per product, -1 when none */
  type: Int32Array;
  /** first colour id per product, -1 when none */
  colour0: Int32Array;
  /** descriptor values (season, pattern, name words: taste-mixture.ts productDescriptors) */
  descriptors: KindIndex;
}

const featureCache = new WeakMap<readonly Product[], CatalogFeatures>();

export function catalogFeatures(products: readonly Product[]): CatalogFeatures {
  const hit = featureCache.get(products);
  if (hit) return hit;
  const n = products.length;
  const kinds = {} as Record<AttributeKind, KindIndex>;
  for (const kind of ATTRIBUTE_KINDS) kinds[kind] = kindIndex(products, (p) => productKeys(p)[kind]);
  const first = (k: KindIndex) => {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = k.offsets[i + 1] > k.offsets[i] ? k.ids[k.offsets[i]] : -1;
    return out;
  };
  const features: CatalogFeatures = {
    size: n,
    indexOfId: new Map(products.map((p, i) => [p.id, i])),
    kinds,
    type: first(kinds.articleType),
    colour0: first(kinds.colour),
    descriptors: kindIndex(products, productDescriptors),
  };
  featureCache.set(products, features);
  return features;
}

/** Value ids of one kind per product (CSR), values numbered in first-seen order. */
function kindIndex(products: readonly Product[], valuesOf: (p: Product) => readonly string[]): KindIndex {
  const n = products.length;
  const idOf = new Map<string, number>();
  const values: string[] = [];
  const offsets = new Int32Array(n + 1);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const v of valuesOf(products[i])) {
      let id = idOf.get(v);
      if (id === undefined) {
        id = values.length;
        idOf.set(v, id);
        values.push(v);
      }
      ids.push(id);
    }
    offsets[i + 1] = ids.length;
  }
  return { values, idOf, offsets, ids: Int32Array.from(ids) };
}

/** The vectors of the catalog's products as rows of a DotMatrix: product i is row rowOf[i] (-1: none). */
export interface AlignedVectors {
  dim: number;
  /** the rows, with a batched dot-product scan (WebAssembly SIMD where available) */
  matrix: DotMatrix;
  rowOf: Int32Array;
}

const alignedCache = new WeakMap<readonly Product[], WeakMap<VectorSet, AlignedVectors>>();

export function alignedVectors(products: readonly Product[], vectors: VectorSet): AlignedVectors {
  let perSet = alignedCache.get(products);
  if (!perSet) alignedCache.set(products, (perSet = new WeakMap()));
  const hit = perSet.get(vectors);
  if (hit) return hit;
  const out = sharedRows(products, vectors) ?? copiedRows(products, vectors);
  perSet.set(vectors, out);
  return out;
}

/** When every product's vector is a row of vectors.matrix (views into it), use it: no copy. */
function sharedRows(products: readonly Product[], vectors: VectorSet): AlignedVectors | null {
  const matrix = vectors.matrix;
  if (!matrix) return null;
  const { dim, data } = matrix;
  const rowBytes = dim * data.BYTES_PER_ELEMENT;
  const rowOf = new Int32Array(products.length).fill(-1);
  for (let i = 0; i < products.length; i++) {
    const v = vectors.byId.get(products[i].id);
    if (!v) continue;
    const offset = v.byteOffset - data.byteOffset;
    if (v.buffer !== data.buffer || v.length !== dim || offset < 0 || offset % rowBytes !== 0 || offset / rowBytes >= matrix.rows) return null;
    rowOf[i] = offset / rowBytes;
  }
  return { dim, matrix, rowOf };
}

function copiedRows(products: readonly Product[], vectors: VectorSet): AlignedVectors {
  let dim = 0;
  for (const v of vectors.byId.values()) {
    dim = v.length;
    break;
  }
  const matrix = createDotMatrix(products.length, Math.max(1, dim));
  const data = matrix.data;
  const rowOf = new Int32Array(products.length).fill(-1);
  for (let i = 0; i < products.length; i++) {
    const v = vectors.byId.get(products[i].id);
    if (v && v.length === dim) {
      data.set(v, i * dim);
      rowOf[i] = i;
    }
  }
  return { dim, matrix, rowOf };
}
