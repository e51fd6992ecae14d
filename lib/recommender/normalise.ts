// Per-signal normalisation over the candidate set so components are comparable in [0, 1].
// Pure: must not import anything outside lib/recommender.

/** Min-max to [0, 1]; a constant signal maps to 0.5 everywhere (no information). */
export function minMax(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lo) lo = values[i];
    if (values[i] > hi) hi = values[i];
  }
  const span = hi - lo;
  for (let i = 0; i < values.length; i++) out[i] = span > 1e-12 ? (values[i] - lo) / span : 0.5;
  return out;
}

/** Rank-based: average rank / (n - 1), ties share their mean rank; robust to outliers. */
export function rankNormalise(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n <= 1) { out.fill(0.5); return out; }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) j++;
    const r = (i + j) / 2 / (n - 1);
    for (let t = i; t <= j; t++) out[order[t]] = r;
    i = j + 1;
  }
  return out;
}

/** Min-max scaler fitted on `values`, clamping new inputs to [0, 1] (0.5 for a constant fit). */
export function minMaxScaler(values: ArrayLike<number>): (x: number) => number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lo) lo = values[i];
    if (values[i] > hi) hi = values[i];
  }
  const span = hi - lo;
  if (!(span > 1e-12)) return () => 0.5;
  return (x) => (x <= lo ? 0 : x >= hi ? 1 : (x - lo) / span);
}
