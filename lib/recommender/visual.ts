// Visual signal: cosine between item image embeddings and the shopper's visual profile
// (EMA of liked embeddings, or the quiz text embedding at cold start). Vectors from
// different model ids are never compared.
// Pure: must not import anything outside lib/recommender.
import type { DotMatrix } from "./dot-kernel";
import type { PreferenceState, Product } from "./types";

export interface VectorSet {
  modelId: string;
  byId: ReadonlyMap<number, Float32Array>;
  /** optional: a matrix whose rows the byId vectors are views of (the recommender then scans it in place) */
  matrix?: DotMatrix;
}

/** L2-normalised copy as Float32Array, or null for a zero / empty vector. */
export function normalised(v: ArrayLike<number>): Float32Array | null {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  if (!(n > 0)) return null;
  const inv = 1 / Math.sqrt(n);
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] * inv;
  return out;
}

/** Vectors packed row-major in one Float32Array (memoised per byId map) for cache-friendly scans. */
export interface PackedVectors {
  dim: number;
  rows: Map<number, number>; // product id -> row
  data: Float32Array;
}

const packCache = new WeakMap<object, PackedVectors>();

export function packVectors(byId: ReadonlyMap<number, Float32Array>): PackedVectors {
  const hit = packCache.get(byId);
  if (hit) return hit;
  let dim = 0;
  for (const v of byId.values()) { dim = v.length; break; }
  const rows = new Map<number, number>();
  const data = new Float32Array(byId.size * dim);
  let r = 0;
  for (const [id, v] of byId) {
    if (v.length !== dim) continue;
    data.set(v, r * dim);
    rows.set(id, r++);
  }
  const packed = { dim, rows, data };
  packCache.set(byId, packed);
  return packed;
}

/** Dot of row `row` of a packed matrix with `q` (same dim). */
export function dotRow(data: Float32Array, row: number, dim: number, q: Float64Array): number {
  const off = row * dim;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 3 < dim; i += 4) {
    s0 += data[off + i] * q[i];
    s1 += data[off + i + 1] * q[i + 1];
    s2 += data[off + i + 2] * q[i + 2];
    s3 += data[off + i + 3] * q[i + 3];
  }
  for (; i < dim; i++) s0 += data[off + i] * q[i];
  return s0 + s1 + s2 + s3;
}

export function dot(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < n; i++) s0 += a[i] * b[i];
  return s0 + s1 + s2 + s3;
}

/**
 * The profile vector to score with: the liked-embedding EMA when it exists for this model,
 * else the quiz text embedding (assumed to come from `vectors.modelId`), else null.
 */
export function visualProfile(
  state: PreferenceState,
  vectors: VectorSet | null,
  quizTextVector: Float32Array | null,
): Float32Array | null {
  if (!vectors) return null;
  if (state.visual && state.visual.modelId === vectors.modelId && state.visual.likes > 0) {
    const p = normalised(state.visual.vector);
    if (p) return p;
  }
  return quizTextVector ? normalised(quizTextVector) : null;
}

/**
 * Cosine between each candidate's vector and the profile. Returns null when the model ids
 * differ or there is no profile; candidates without a vector score 0.
 */
export function visualScores(
  profile: Float32Array | null,
  profileModelId: string | null,
  vectors: VectorSet | null,
  candidates: readonly Product[],
): Float64Array | null {
  if (!profile || !vectors || profileModelId !== vectors.modelId) return null;
  const out = new Float64Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const v = vectors.byId.get(candidates[i].id);
    out[i] = v && v.length === profile.length ? dot(v, profile) : 0;
  }
  return out;
}
