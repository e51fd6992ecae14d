// Photo search ranking: the "closest matches" order of catalog products for a photo's
// vector. Plain nearest neighbours mix article types (a white running shoe next to white
// heels), so the nearest POOL products are re-ranked by their cosine plus two article-type
// signals computed from the catalog's own labels:
//   - vote: the share of the photo's NEIGHBOURS nearest products that have the type;
//   - centroid: the photo's cosine with the mean vector of the type's products, relative
//     to the best type (nearest class mean).
// Cosines are put on one scale by the pool's spread (best minus worst pool cosine), so the
// weights mean the same for every embedder (pixel descriptor or CLIP). Weights were tuned
// on the photo benchmark's tuning queries only (lib/eval/search-photo.ts).
// Pure: arrays in, row indices out; imports nothing. Used by lib/feed/photo-search.ts
// (POST /api/search/photo) and lib/eval/search-photo.ts.

export const PHOTO_RANK = {
  /** nearest products re-ranked */
  pool: 200,
  /** neighbours that vote for their article type */
  neighbours: 5,
  /** weight of the vote share (0..1) */
  vote: 1,
  /** weight of the type-centroid cosine, in pool-spread units */
  centroid: 1,
} as const;

/** Cosine from which a product counts as the very picture searched for (the same file gives
 *  1 up to float rounding; a re-encoded or cropped copy already lands lower): such products stay
 *  first, in cosine order, whatever the type signals say. */
export const SAME_PICTURE_COSINE = 0.99999;

/** Per article type: the sum of its products' vectors and that sum's squared norm. */
export interface TypeCentroids {
  dim: number;
  types: string[];
  /** type index of each matrix row */
  rowType: Int32Array;
  sums: Float32Array[];
  norm2: number[];
  counts: number[];
}

/** Sums of the rows of `matrix` (row-major, n x dim) per article type of each row. */
export function typeCentroids(matrix: Float32Array, dim: number, rowTypes: readonly string[]): TypeCentroids {
  const index = new Map<string, number>();
  const rowType = new Int32Array(rowTypes.length);
  const sums: Float32Array[] = [];
  const counts: number[] = [];
  rowTypes.forEach((t, r) => {
    let i = index.get(t);
    if (i === undefined) {
      index.set(t, (i = sums.length));
      sums.push(new Float32Array(dim));
      counts.push(0);
    }
    rowType[r] = i;
    counts[i]++;
    const s = sums[i];
    for (let j = 0; j < dim; j++) s[j] += matrix[r * dim + j];
  });
  return { dim, types: [...index.keys()], rowType, sums, norm2: sums.map((s) => dot(s, s)), counts };
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Cosine of `query` with each type's mean vector; `excludeRow` (its vector) is left out of its type. */
function centroidCosines(query: ArrayLike<number>, c: TypeCentroids, exclude?: { row: number; vector: ArrayLike<number> }): Float64Array {
  const out = new Float64Array(c.types.length);
  const own = exclude ? c.rowType[exclude.row] : -1;
  for (let t = 0; t < c.types.length; t++) {
    let qs = dot(query, c.sums[t]);
    let n2 = c.norm2[t];
    if (t === own && exclude) {
      if (c.counts[t] <= 1) {
        out[t] = -Infinity;
        continue;
      }
      qs -= dot(query, exclude.vector);
      n2 += -2 * dot(exclude.vector, c.sums[t]) + dot(exclude.vector, exclude.vector);
    }
    out[t] = n2 > 1e-12 ? qs / Math.sqrt(n2) : -Infinity;
  }
  return out;
}

/**
 * Re-rank a pool of nearest rows (best first, as topK returns it) and return the best `k`
 * row indices. `exclude` is for evaluation (a catalog product used as the query).
 */
export function rankPhotoPool(
  pool: { indices: readonly number[]; scores: readonly number[] },
  query: ArrayLike<number>,
  centroids: TypeCentroids,
  k: number,
  exclude?: { row: number; vector: ArrayLike<number> },
  weights: { neighbours: number; vote: number; centroid: number } = PHOTO_RANK,
): number[] {
  const n = pool.indices.length;
  if (n === 0) return [];
  const best = pool.scores[0];
  const spread = best - pool.scores[n - 1] || 1;
  const votes = new Float64Array(centroids.types.length);
  const voters = Math.min(weights.neighbours, n);
  for (let i = 0; i < voters; i++) votes[centroids.rowType[pool.indices[i]]] += 1 / voters;
  const cos = centroidCosines(query, centroids, exclude);
  let bestCos = -Infinity;
  for (const c of cos) bestCos = Math.max(bestCos, c);
  const ranked = pool.indices.map((row, i) => {
    const t = centroids.rowType[row];
    const c = Number.isFinite(cos[t]) ? (cos[t] - bestCos) / spread : -1;
    return { row, i, s: (pool.scores[i] - best) / spread + weights.vote * votes[t] + weights.centroid * c };
  });
  const same = (i: number) => pool.scores[i] >= SAME_PICTURE_COSINE;
  ranked.sort((a, b) => Number(same(b.i)) - Number(same(a.i)) || (same(a.i) ? a.i - b.i : 0) || b.s - a.s || a.i - b.i);
  return ranked.slice(0, k).map((r) => r.row);
}
