// EASE^R (Steck 2019): closed-form item x item weights B = I - P diag(1 / diag P) with
// P = (X'X + lambda I)^-1 and diag(B) = 0; a shopper's scores are x_u B (their own swipes'
// rows of B). Dense: n^2 memory and ~n^3 flops for n rated items, so it is served only up
// to EASE_MAX_ITEMS (config.ts). Hand-written (no maintained pure-JS dense SPD inverse fits
// a Float64Array without copies): the symmetric sweep operator in place, stable for SPD.
// Pure: must not import anything outside lib/recommender.
import type { RatingMatrix } from "./collab-matrix";
import { EASE_LAMBDA, EASE_RATING } from "./config";

export function easeValues(v: { pass: number; like: number; superlike: number } = EASE_RATING): [number, number, number] {
  return [v.pass, v.like, v.superlike];
}

/**
 * In-place inverse of a symmetric positive definite n x n row-major matrix, by the symmetric
 * sweep operator (Goodnight 1979): only the upper triangle is updated, ~n^3 flops (half of
 * plain Gauss-Jordan); the lower triangle is mirrored at the end. Stable without pivoting for SPD.
 */
export function invertSpd(A: Float64Array, n: number): Float64Array {
  const row = new Float64Array(n); // the pivot's row, both triangles
  for (let p = 0; p < n; p++) {
    const pp = p * n;
    const piv = A[pp + p];
    if (!(Math.abs(piv) > 1e-12)) throw new Error("invertSpd: singular matrix");
    const d = 1 / piv;
    for (let j = 0; j < p; j++) row[j] = A[j * n + p];
    for (let j = p; j < n; j++) row[j] = A[pp + j];
    row[p] = 0;
    // a_ij -= a_ip a_pj / a_pp for i <= j, i, j != p
    for (let i = 0; i < n; i++) {
      const f = row[i] * d;
      if (f === 0 || i === p) continue;
      const ii = i * n;
      for (let j = i; j < n; j++) A[ii + j] -= f * row[j];
    }
    // a_ip = a_ip / a_pp (stored in the upper triangle), a_pp = -1 / a_pp
    for (let j = 0; j < p; j++) A[j * n + p] = row[j] * d;
    for (let j = p + 1; j < n; j++) A[pp + j] = row[j] * d;
    A[pp + p] = -d;
  }
  // after sweeping every pivot the matrix holds -A^-1 (upper triangle)
  for (let i = 0; i < n; i++) {
    const ii = i * n;
    for (let j = i; j < n; j++) {
      const v = -A[ii + j];
      A[ii + j] = v;
      A[j * n + i] = v;
    }
  }
  return A;
}

/** The n x n weights B (float32, row i = contributions of item i), diag 0. */
export function trainEase(m: RatingMatrix, opts: { lambda?: number; values?: readonly [number, number, number] } = {}): Float32Array {
  const n = m.itemIds.length;
  const val = opts.values ?? easeValues();
  const lambda = opts.lambda ?? EASE_LAMBDA;
  const G = new Float64Array(n * n);
  for (let u = 0; u < m.users; u++) {
    const from = m.rowPtr[u];
    const to = m.rowPtr[u + 1];
    for (let a = from; a < to; a++) {
      const xa = val[m.codes[a]];
      if (xa === 0) continue;
      const row = m.cols[a] * n;
      for (let b = from; b < to; b++) G[row + m.cols[b]] += xa * val[m.codes[b]];
    }
  }
  for (let i = 0; i < n; i++) G[i * n + i] += lambda;
  const P = invertSpd(G, n);
  const B = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j) B[i * n + j] = -P[i * n + j] / P[j * n + j];
  }
  return B;
}

/** Scores per column from own (column, action code) swipes into `out` (zeroed, length n). */
export function easeScoresInto(B: Float32Array, n: number, own: ReadonlyArray<readonly [number, number]>, out: Float64Array, values: readonly [number, number, number] = easeValues()): boolean {
  let any = false;
  for (const [i, code] of own) {
    const x = values[code];
    if (x === 0) continue;
    any = true;
    const row = i * n;
    for (let j = 0; j < n; j++) out[j] += x * B[row + j];
  }
  return any;
}
