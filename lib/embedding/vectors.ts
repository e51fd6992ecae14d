// Vector helpers for embeddings: float32 little-endian BLOB <-> Float32Array, L2
// normalisation, dot/cosine and exact top-k scans over a packed matrix (plain JS, or a
// DotMatrix with WebAssembly SIMD).
// Pure: imports only the recommender's dot-product kernel (no node:fs, no onnxruntime, no db).

/** Encode a vector as a float32 little-endian BLOB (always a fresh, compact Buffer). */
import { createDotMatrix, type DotMatrix } from "@/lib/recommender/dot-kernel";
export function vectorToBlob(v: Float32Array): Buffer {
  const out = Buffer.alloc(v.length * 4);
  for (let i = 0; i < v.length; i++) out.writeFloatLE(v[i], i * 4);
  return out;
}

/**
 * Decode a float32 little-endian BLOB. Copies, so it is safe for Buffers that are
 * views into a larger pool (odd byteOffset) and for later mutation of either side.
 */
export function blobToVector(blob: Uint8Array, expectedDim?: number): Float32Array {
  if (blob.byteLength % 4 !== 0) {
    throw new Error(`Embedding BLOB has ${blob.byteLength} bytes, not a multiple of 4`);
  }
  const n = blob.byteLength / 4;
  if (expectedDim !== undefined && n !== expectedDim) {
    throw new Error(`Embedding BLOB has dimension ${n}, expected ${expectedDim}`);
  }
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** Euclidean norm. */
export function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** L2-normalised copy; a zero vector stays zero. */
export function l2normalize(v: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(v);
  const n = norm(out);
  if (n > 0) for (let i = 0; i < out.length; i++) out[i] /= n;
  return out;
}

/** Dot product; throws on a length mismatch (vectors of different models). */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`Vector length mismatch: ${a.length} vs ${b.length}`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Cosine similarity; 0 when either vector is zero. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const d = norm(a) * norm(b);
  return d === 0 ? 0 : dot(a, b) / d;
}

/** Pack equal-length vectors into one row-major matrix (n * dim). */
export function packVectors(vectors: ArrayLike<number>[], dim: number): Float32Array {
  const out = new Float32Array(vectors.length * dim);
  vectors.forEach((v, i) => {
    if (v.length !== dim) throw new Error(`Vector ${i} has length ${v.length}, expected ${dim}`);
    out.set(v, i * dim);
  });
  return out;
}

/** The vectors in a DotMatrix (WebAssembly SIMD scans; see lib/recommender/dot-kernel.ts). */
export function packDotMatrix(vectors: ArrayLike<number>[], dim: number): DotMatrix {
  const dots = createDotMatrix(vectors.length, dim);
  vectors.forEach((v, i) => {
    if (v.length !== dim) throw new Error(`Vector ${i} has length ${v.length}, expected ${dim}`);
    dots.data.set(v, i * dim);
  });
  return dots;
}

export interface TopK {
  indices: number[];
  scores: number[];
}

/**
 * Exact top-k by dot product of `query` against each row of `matrix` (n * dim),
 * best first; ties broken by the lower index. `exclude` skips row indices.
 * For unit vectors the score is the cosine.
 */
export function topK(
  query: ArrayLike<number>,
  matrix: Float32Array,
  dim: number,
  k: number,
  exclude?: ReadonlySet<number>,
): TopK {
  if (query.length !== dim) throw new Error(`Query has length ${query.length}, expected ${dim}`);
  if (matrix.length % dim !== 0) throw new Error(`Matrix length ${matrix.length} is not a multiple of ${dim}`);
  const n = matrix.length / dim;
  const heapIdx: number[] = [];
  const heapScore: number[] = [];
  for (let r = 0; r < n; r++) {
    if (exclude?.has(r)) continue;
    let s = 0;
    const base = r * dim;
    for (let j = 0; j < dim; j++) s += query[j] * matrix[base + j];
    insertBounded(heapIdx, heapScore, r, s, k);
  }
  return { indices: heapIdx, scores: heapScore };
}

const allRows = new WeakMap<DotMatrix, Int32Array>();

/** topK over a DotMatrix: the same result (ties to the lower index), the dots in one SIMD scan. */
export function topKOf(query: ArrayLike<number>, dots: DotMatrix, k: number, exclude?: ReadonlySet<number>): TopK {
  if (query.length !== dots.dim) throw new Error(`Query has length ${query.length}, expected ${dots.dim}`);
  let rows = allRows.get(dots);
  if (!rows) allRows.set(dots, (rows = Int32Array.from({ length: dots.rows }, (_, i) => i)));
  const scores = new Float64Array(dots.rows);
  dots.scan(query, rows, dots.rows, scores);
  const heapIdx: number[] = [];
  const heapScore: number[] = [];
  for (let r = 0; r < dots.rows; r++) if (!exclude?.has(r)) insertBounded(heapIdx, heapScore, r, scores[r], k);
  return { indices: heapIdx, scores: heapScore };
}

/** Keep a sorted (desc) list of at most k entries; rows arrive in ascending index. */
function insertBounded(idx: number[], score: number[], r: number, s: number, k: number): void {
  if (k <= 0) return;
  if (idx.length === k && s <= score[k - 1]) return;
  let pos = score.length;
  while (pos > 0 && score[pos - 1] < s) pos--;
  idx.splice(pos, 0, r);
  score.splice(pos, 0, s);
  if (idx.length > k) {
    idx.pop();
    score.pop();
  }
}
