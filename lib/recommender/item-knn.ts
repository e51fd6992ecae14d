// Item-based kNN: for every item, its top-N most similar items by (shrunk) cosine over the
// shopper x item matrix with like/superlike/pass values (ITEM_KNN_RATING), stored as a
// neighbour table. A shopper's score for item j = sum over their own swipes i of
// value(i) * sim(i, j): cost ~ own swipes x N, independent of the number of shoppers.
// Training cost ~ sum over shoppers of (swipes)^2.
// Pure: must not import anything outside lib/recommender.
import { transpose, type RatingMatrix } from "./collab-matrix";
import { ITEM_KNN_NEIGHBOURS, ITEM_KNN_RATING, ITEM_KNN_SHRINKAGE } from "./config";

export interface ItemKnnTable {
  /** neighbours of item i occupy [offsets[i], offsets[i + 1]) */
  offsets: Int32Array;
  neighbours: Int32Array;
  sims: Float32Array;
}

export interface ItemKnnOptions {
  neighbours?: number;
  shrinkage?: number;
  values?: readonly [number, number, number]; // by action code: pass, like, superlike
}

export function itemKnnValues(v: { pass: number; like: number; superlike: number } = ITEM_KNN_RATING): [number, number, number] {
  return [v.pass, v.like, v.superlike];
}

/** Keep the n largest positive (sim, item) pairs of a candidate list, sorted descending (ties by item). */
function topN(items: number[], sims: Float64Array, n: number): number[] {
  const pos = items.filter((j) => sims[j] > 0);
  pos.sort((a, b) => sims[b] - sims[a] || a - b);
  return pos.slice(0, n);
}

export function trainItemKnn(m: RatingMatrix, opts: ItemKnnOptions = {}): ItemKnnTable {
  const n = m.itemIds.length;
  const N = opts.neighbours ?? ITEM_KNN_NEIGHBOURS;
  const shrink = opts.shrinkage ?? ITEM_KNN_SHRINKAGE;
  const val = opts.values ?? itemKnnValues();
  const t = transpose(m);
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = t.rowPtr[i]; k < t.rowPtr[i + 1]; k++) s += val[t.codes[k]] ** 2;
    norms[i] = Math.sqrt(s);
  }
  const dot = new Float64Array(n);
  const offsets = new Int32Array(n + 1);
  const outN: number[] = [];
  const outS: number[] = [];
  for (let i = 0; i < n; i++) {
    const touched: number[] = [];
    for (let k = t.rowPtr[i]; k < t.rowPtr[i + 1]; k++) {
      const u = t.cols[k];
      const ri = val[t.codes[k]];
      if (ri === 0) continue;
      for (let q = m.rowPtr[u]; q < m.rowPtr[u + 1]; q++) {
        const j = m.cols[q];
        if (j === i) continue;
        const rj = val[m.codes[q]];
        if (rj === 0) continue;
        if (dot[j] === 0) touched.push(j);
        dot[j] += ri * rj;
        if (dot[j] === 0) dot[j] = Number.MIN_VALUE; // keep "touched" exact when a sum cancels to 0
      }
    }
    for (const j of touched) dot[j] = norms[i] * norms[j] > 0 ? dot[j] / (norms[i] * norms[j] + shrink) : 0;
    for (const j of topN(touched, dot, N)) {
      outN.push(j);
      outS.push(dot[j]);
    }
    offsets[i + 1] = outN.length;
    for (const j of touched) dot[j] = 0;
  }
  return { offsets, neighbours: Int32Array.from(outN), sims: Float32Array.from(outS) };
}

/**
 * Scores per column from the shopper's own (column, action code) swipes, into `out` (length
 * = items, zeroed by the caller). Returns false when no swipe has a neighbour (no signal).
 */
export function itemKnnScoresInto(table: ItemKnnTable, own: ReadonlyArray<readonly [number, number]>, out: Float64Array, values: readonly [number, number, number] = itemKnnValues()): boolean {
  let any = false;
  for (const [i, code] of own) {
    const r = values[code];
    if (r === 0) continue;
    for (let k = table.offsets[i]; k < table.offsets[i + 1]; k++) {
      out[table.neighbours[k]] += r * table.sims[k];
      any = true;
    }
  }
  return any;
}
