// Implicit ALS (Hu, Koren, Volinsky 2008). Preference p = 1 for likes/superlikes, 0 for
// passes and unseen items; confidence c = 1 + alpha * weight(action) (ALS_CONFIDENCE: a pass
// is a confidence-weighted zero). x_u = (Y'Y + Y'(C_u - I)Y + lambda_u I)^-1 Y'C_u p_u, and
// symmetrically for items; lambda_u = lambda, or lambda x (the row's positives) with
// weighted regularization (ALS-WR, as Spark MLlib's implicit ALS scales it).
// Training solves the rows with a few conjugate-gradient steps warm-started from the previous
// iteration's factors and using the precomputed Y'Y (Takacs, Pilaszy, Tikk 2011; as the
// `implicit` library does): ~cgSteps x (k^2 + 4k x entries) flops per row instead of
// k^2 x entries / 2 + k^3 / 3 for the exact solve, which stays as the reference
// (solver "cholesky") and as the per-request fold-in (one k x k Cholesky solve), so a new
// shopper is served from their first swipe. Training can start from a previous model's item
// factors (warmStart: matched by product id) and then needs fewer iterations.
// Pure: must not import anything outside lib/recommender (randomness is injected).
import { transpose, type RatingMatrix } from "./collab-matrix";
import { ALS_ALPHA, ALS_CG_STEPS, ALS_CONFIDENCE, ALS_FACTORS, ALS_ITERATIONS, ALS_REGULARIZATION, ALS_WARM_ITERATIONS, ALS_WEIGHTED_REGULARIZATION } from "./config";
import type { Rng } from "./random";

export type AlsSolver = "cg" | "cholesky";

export interface AlsOptions {
  factors?: number;
  iterations?: number;
  regularization?: number;
  alpha?: number;
  /** confidence weight by action code: pass, like, superlike */
  weights?: readonly [number, number, number];
  /** lambda_u = lambda x the row's positives (ALS-WR) */
  weightedRegularization?: boolean;
  /** "cg" (default): ALS_CG_STEPS conjugate-gradient steps per row; "cholesky": exact solves */
  solver?: AlsSolver;
  cgSteps?: number;
  /** a previous model's item factors (same factors k), matched by product id; unknown items start random */
  warmStart?: { itemIds: Int32Array; itemFactors: Float32Array };
  /** iterations when warm-started (default ALS_WARM_ITERATIONS) */
  warmIterations?: number;
}

export interface AlsParams {
  factors: number;
  regularization: number;
  alpha: number;
  weights: readonly [number, number, number];
  weightedRegularization: boolean;
}

export function alsParams(opts: AlsOptions = {}): AlsParams {
  return {
    factors: opts.factors ?? ALS_FACTORS,
    regularization: opts.regularization ?? ALS_REGULARIZATION,
    alpha: opts.alpha ?? ALS_ALPHA,
    weights: opts.weights ?? [ALS_CONFIDENCE.pass, ALS_CONFIDENCE.like, ALS_CONFIDENCE.superlike],
    weightedRegularization: opts.weightedRegularization ?? ALS_WEIGHTED_REGULARIZATION,
  };
}

/** Gram matrix F'F (k x k, float64) of row-major factors (n x k). */
export function gram(f: ArrayLike<number>, n: number, k: number): Float64Array {
  const g = new Float64Array(k * k);
  for (let r = 0; r < n; r++) {
    const o = r * k;
    for (let a = 0; a < k; a++) {
      const fa = f[o + a];
      if (fa === 0) continue;
      const ga = a * k;
      for (let b = a; b < k; b++) g[ga + b] += fa * f[o + b];
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) g[a * k + b] = g[b * k + a];
  return g;
}

/** Solve A x = b in place for symmetric positive definite A (k x k, overwritten): Cholesky. */
export function choleskySolve(A: Float64Array, b: Float64Array, k: number): Float64Array {
  for (let j = 0; j < k; j++) {
    let d = A[j * k + j];
    for (let p = 0; p < j; p++) d -= A[j * k + p] * A[j * k + p];
    if (!(d > 0)) throw new Error("choleskySolve: matrix is not positive definite");
    const l = Math.sqrt(d);
    A[j * k + j] = l;
    for (let i = j + 1; i < k; i++) {
      let s = A[i * k + j];
      for (let p = 0; p < j; p++) s -= A[i * k + p] * A[j * k + p];
      A[i * k + j] = s / l;
    }
  }
  for (let i = 0; i < k; i++) {
    let s = b[i];
    for (let p = 0; p < i; p++) s -= A[i * k + p] * b[p];
    b[i] = s / A[i * k + i];
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = b[i];
    for (let p = i + 1; p < k; p++) s -= A[p * k + i] * b[p];
    b[i] = s / A[i * k + i];
  }
  return b;
}

/** The row's regularization: lambda, or lambda x its positives (at least 1) with ALS-WR. */
function rowLambda(codes: Uint8Array, from: number, to: number, p: AlsParams): number {
  if (!p.weightedRegularization) return p.regularization;
  let pos = 0;
  for (let e = from; e < to; e++) if (codes[e] !== 0) pos++;
  return p.regularization * Math.max(1, pos);
}

/**
 * One row's exact factors against the fixed other side Y (n x k, with Gram YtY), from the
 * row's entries cols[from..to) with action codes. Returns a new Float64Array of length k.
 */
export function solveRow(
  Y: ArrayLike<number>,
  YtY: Float64Array,
  cols: Int32Array,
  codes: Uint8Array,
  from: number,
  to: number,
  p: AlsParams,
  A: Float64Array = new Float64Array(p.factors * p.factors),
): Float64Array {
  const k = p.factors;
  A.set(YtY);
  const b = new Float64Array(k);
  const alpha = p.alpha;
  const w = p.weights;
  for (let e = from; e < to; e++) {
    const code = codes[e];
    const c1 = alpha * w[code]; // c - 1
    const o = cols[e] * k;
    if (code !== 0) for (let a = 0; a < k; a++) b[a] += (1 + c1) * Y[o + a];
    if (c1 === 0) continue;
    for (let a = 0; a < k; a++) {
      const cy = c1 * Y[o + a];
      const row = a * k;
      for (let q = a; q < k; q++) A[row + q] += cy * Y[o + q];
    }
  }
  const lambda = rowLambda(codes, from, to, p);
  for (let a = 0; a < k; a++) {
    for (let q = 0; q < a; q++) A[a * k + q] = A[q * k + a];
    A[a * k + a] += lambda;
  }
  return choleskySolve(A, b, k);
}

type Csr = { rowPtr: Int32Array; cols: Int32Array; codes: Uint8Array };

function choleskyHalfStep(X: Float64Array, rows: number, Y: Float64Array, yRows: number, csr: Csr, p: AlsParams): void {
  const k = p.factors;
  const YtY = gram(Y, yRows, k);
  const A = new Float64Array(k * k);
  for (let r = 0; r < rows; r++) {
    const from = csr.rowPtr[r];
    const to = csr.rowPtr[r + 1];
    if (from === to) X.fill(0, r * k, r * k + k);
    else X.set(solveRow(Y, YtY, csr.cols, csr.codes, from, to, p, A), r * k);
  }
}

/**
 * Conjugate-gradient half step: each row of X takes `steps` CG steps on its normal equations,
 * starting from its current value. A v = YtY v + lambda_u v + sum_e c1_e (y_e . v) y_e is
 * applied without forming A.
 */
function cgHalfStep(X: Float64Array, rows: number, Y: Float64Array, yRows: number, csr: Csr, p: AlsParams, steps: number): void {
  const k = p.factors;
  const YtY = gram(Y, yRows, k);
  const { rowPtr, cols, codes } = csr;
  const c1 = Float64Array.from(p.weights, (w) => p.alpha * w); // c - 1 by code
  const res = new Float64Array(k);
  const dir = new Float64Array(k);
  const Ap = new Float64Array(k);
  for (let r = 0; r < rows; r++) {
    const from = rowPtr[r];
    const to = rowPtr[r + 1];
    const xo = r * k;
    if (from === to) {
      X.fill(0, xo, xo + k);
      continue;
    }
    const lambda = rowLambda(codes, from, to, p);
    // res = b - A x
    for (let a = 0; a < k; a++) {
      let s = lambda * X[xo + a];
      const ga = a * k;
      for (let q = 0; q < k; q++) s += YtY[ga + q] * X[xo + q];
      res[a] = -s;
    }
    for (let e = from; e < to; e++) {
      const code = codes[e];
      const c = c1[code];
      const o = cols[e] * k;
      let yx = 0;
      for (let a = 0; a < k; a++) yx += Y[o + a] * X[xo + a];
      const coef = (code !== 0 ? 1 + c : 0) - c * yx;
      if (coef === 0) continue;
      for (let a = 0; a < k; a++) res[a] += coef * Y[o + a];
    }
    let rs = 0;
    for (let a = 0; a < k; a++) {
      dir[a] = res[a];
      rs += res[a] * res[a];
    }
    for (let step = 0; step < steps && rs > 1e-20; step++) {
      for (let a = 0; a < k; a++) {
        let s = lambda * dir[a];
        const ga = a * k;
        for (let q = 0; q < k; q++) s += YtY[ga + q] * dir[q];
        Ap[a] = s;
      }
      for (let e = from; e < to; e++) {
        const c = c1[codes[e]];
        if (c === 0) continue;
        const o = cols[e] * k;
        let yp = 0;
        for (let a = 0; a < k; a++) yp += Y[o + a] * dir[a];
        yp *= c;
        for (let a = 0; a < k; a++) Ap[a] += yp * Y[o + a];
      }
      let pAp = 0;
      for (let a = 0; a < k; a++) pAp += dir[a] * Ap[a];
      if (!(pAp > 0)) break;
      const step_ = rs / pAp;
      let rsNew = 0;
      for (let a = 0; a < k; a++) {
        X[xo + a] += step_ * dir[a];
        res[a] -= step_ * Ap[a];
        rsNew += res[a] * res[a];
      }
      const beta = rsNew / rs;
      for (let a = 0; a < k; a++) dir[a] = res[a] + beta * dir[a];
      rs = rsNew;
    }
  }
}

export interface AlsFactors {
  itemFactors: Float32Array; // items x k
  /** users x k: with "cholesky", solved exactly against the final item factors (= foldIn) */
  userFactors: Float32Array;
  params: AlsParams;
  iterations: number;
}

/**
 * Train. Cold: item and user factors uniform from the injected rng (scale 0.1 / sqrt(k)),
 * `iterations` rounds. Warm: items the previous model knew keep their factors, the others
 * start random, users start at 0, `warmIterations` rounds.
 */
export function trainAls(m: RatingMatrix, rng: Rng, opts: AlsOptions = {}): AlsFactors {
  const p = alsParams(opts);
  const k = p.factors;
  const n = m.itemIds.length;
  const solver = opts.solver ?? "cg";
  const steps = opts.cgSteps ?? ALS_CG_STEPS;
  const t = transpose(m);
  const X = new Float64Array(m.users * k);
  const Y = new Float64Array(n * k);
  const scale = 0.1 / Math.sqrt(k);
  for (let i = 0; i < Y.length; i++) Y[i] = (rng() - 0.5) * 2 * scale;
  const warm = opts.warmStart && opts.warmStart.itemFactors.length === opts.warmStart.itemIds.length * k ? opts.warmStart : null;
  if (warm) {
    const prev = new Map<number, number>();
    warm.itemIds.forEach((id, i) => prev.set(id, i));
    for (let i = 0; i < n; i++) {
      const j = prev.get(m.itemIds[i]);
      if (j !== undefined) for (let a = 0; a < k; a++) Y[i * k + a] = warm.itemFactors[j * k + a];
    }
  } else {
    for (let i = 0; i < X.length; i++) X[i] = (rng() - 0.5) * 2 * scale;
  }
  const iterations = warm ? (opts.warmIterations ?? ALS_WARM_ITERATIONS) : (opts.iterations ?? ALS_ITERATIONS);
  for (let it = 0; it < iterations; it++) {
    if (solver === "cholesky") {
      choleskyHalfStep(X, m.users, Y, n, m, p);
      choleskyHalfStep(Y, n, X, m.users, t, p);
    } else {
      // a warm start's users begin at 0: give them the steps of a few iterations at once
      cgHalfStep(X, m.users, Y, n, m, p, warm && it === 0 ? 3 * steps : steps);
      cgHalfStep(Y, n, X, m.users, t, p, steps);
    }
  }
  const itemFactors = Float32Array.from(Y);
  if (solver === "cholesky") {
    // users against the final (float32) items = exactly what foldIn gives
    const Yf = Float64Array.from(itemFactors);
    choleskyHalfStep(X, m.users, Yf, n, m, p);
  }
  return { itemFactors, userFactors: Float32Array.from(X), params: p, iterations };
}

/** One shopper's factors from their own (column, action code) swipes: one k x k solve. */
export function foldIn(itemFactors: Float32Array, YtY: Float64Array, own: ReadonlyArray<readonly [number, number]>, p: AlsParams): Float64Array {
  const cols = Int32Array.from(own, ([c]) => c);
  const codes = Uint8Array.from(own, ([, code]) => code);
  return solveRow(itemFactors, YtY, cols, codes, 0, own.length, p);
}

/**
 * The implicit-ALS objective: sum over all (row, item) of c (p - x.y)^2 + sum_u lambda_u |x_u|^2
 * + sum_i lambda_i |y_i|^2, computed in O(entries x k + (rows + items) x k^2) via the Gram
 * matrix. For tests and benchmarks (CG vs Cholesky).
 */
export function alsLoss(m: RatingMatrix, X: ArrayLike<number>, Y: ArrayLike<number>, p: AlsParams): number {
  const k = p.factors;
  const n = m.itemIds.length;
  const YtY = gram(Y, n, k);
  const t = transpose(m);
  let loss = 0;
  for (let u = 0; u < m.users; u++) {
    const from = m.rowPtr[u];
    const to = m.rowPtr[u + 1];
    const xo = u * k;
    // every item as unseen: x' YtY x
    for (let a = 0; a < k; a++) for (let q = 0; q < k; q++) loss += X[xo + a] * YtY[a * k + q] * X[xo + q];
    for (let e = from; e < to; e++) {
      const code = m.codes[e];
      const c = 1 + p.alpha * p.weights[code];
      const pref = code !== 0 ? 1 : 0;
      const o = m.cols[e] * k;
      let s = 0;
      for (let a = 0; a < k; a++) s += X[xo + a] * Y[o + a];
      loss += c * (pref - s) ** 2 - s * s;
    }
    let xx = 0;
    for (let a = 0; a < k; a++) xx += X[xo + a] ** 2;
    if (from < to) loss += rowLambda(m.codes, from, to, p) * xx;
  }
  for (let i = 0; i < n; i++) {
    const from = t.rowPtr[i];
    const to = t.rowPtr[i + 1];
    let yy = 0;
    for (let a = 0; a < k; a++) yy += Y[i * k + a] ** 2;
    if (from < to) loss += rowLambda(t.codes, from, to, p) * yy;
  }
  return loss;
}
