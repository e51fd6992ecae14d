// The trained collaborative model as the app serves it: one of item-kNN (neighbour table),
// implicit ALS (item factors, a shopper folded in per request) or EASE^R (dense item x
// item weights). `trainCollabModel` builds it from a rating matrix; `collabScoresFor`
// scores one shopper from their own ratings only, so a request's cost depends on the
// shopper's swipes and the model, never on the number of other shoppers.
// Pure: must not import anything outside lib/recommender (time and randomness injected).
import { alsParams, foldIn, gram, trainAls, type AlsOptions, type AlsParams } from "./als";
import { buildRatingMatrix, codeOfRating, columnIndex, type RatingMatrix } from "./collab-matrix";
import { COLLAB_SCORE_TOP, COLLAB_SERVED, EASE_MAX_ITEMS } from "./config";
import { easeScoresInto, easeValues, trainEase } from "./ease";
import { itemKnnScoresInto, itemKnnValues, trainItemKnn, type ItemKnnOptions, type ItemKnnTable } from "./item-knn";
import type { Rng } from "./random";

export const COLLAB_KINDS = ["item-knn", "als", "ease"] as const;
export type CollabModelKind = (typeof COLLAB_KINDS)[number];

export interface CollabModelHeader {
  version: number;
  /** ms since epoch, from the injected clock */
  trainedAt: number;
  /** the newest event id the training read */
  lastEventId: number;
  /** column -> product id, ascending */
  itemIds: Int32Array;
}

export type CollabModelBody =
  | { kind: "item-knn"; values: readonly [number, number, number]; table: ItemKnnTable }
  | { kind: "als"; params: AlsParams; itemFactors: Float32Array }
  | { kind: "ease"; values: readonly [number, number, number]; weights: Float32Array };

export type CollabModel = CollabModelHeader &
  CollabModelBody & {
    /** derived on construction, not stored: product id -> column, and ALS's Y'Y */
    readonly index: ReadonlyMap<number, number>;
    readonly gram: Float64Array | null;
  };

/** Attach the derived lookups (product id index, ALS Gram matrix). */
export function makeCollabModel(header: CollabModelHeader, body: CollabModelBody): CollabModel {
  const g = body.kind === "als" ? gram(body.itemFactors, header.itemIds.length, body.params.factors) : null;
  return { ...header, ...body, index: columnIndex(header.itemIds), gram: g } as CollabModel;
}

/** The kind served for a matrix with this many rated items (config.ts: COLLAB_SERVED). */
export function servedCollabKind(items: number): CollabModelKind {
  return items <= EASE_MAX_ITEMS ? COLLAB_SERVED.small : COLLAB_SERVED.large;
}

export interface TrainOptions {
  kind?: CollabModelKind;
  rng: Rng;
  version?: number;
  trainedAt?: number;
  lastEventId?: number;
  als?: AlsOptions;
  itemKnn?: ItemKnnOptions;
  ease?: { lambda?: number; values?: readonly [number, number, number] };
  /**
   * The model in service: an ALS retrain with the same number of factors starts from its
   * item factors (matched by product id) and runs ALS_WARM_ITERATIONS instead of ALS_ITERATIONS.
   */
  previous?: CollabModel | null;
}

export function trainCollabModel(m: RatingMatrix, opts: TrainOptions): CollabModel {
  const kind = opts.kind ?? servedCollabKind(m.itemIds.length);
  const header: CollabModelHeader = { version: opts.version ?? 0, trainedAt: opts.trainedAt ?? 0, lastEventId: opts.lastEventId ?? 0, itemIds: m.itemIds };
  if (kind === "item-knn") {
    const values = opts.itemKnn?.values ?? itemKnnValues();
    return makeCollabModel(header, { kind, values, table: trainItemKnn(m, { ...opts.itemKnn, values }) });
  }
  if (kind === "ease") {
    const values = opts.ease?.values ?? easeValues();
    return makeCollabModel(header, { kind, values, weights: trainEase(m, { ...opts.ease, values }) });
  }
  const prev = opts.previous;
  const factors = alsParams(opts.als).factors;
  const warmStart = prev && prev.kind === "als" && prev.params.factors === factors ? { itemIds: prev.itemIds, itemFactors: prev.itemFactors } : undefined;
  const f = trainAls(m, opts.rng, { ...opts.als, warmStart: opts.als?.warmStart ?? warmStart });
  return makeCollabModel(header, { kind, params: alsParams(opts.als), itemFactors: f.itemFactors });
}

/** The shopper's swipes on items the model knows, as (column, action code), by column. */
export function ownColumns(model: CollabModel, ownRatings: ReadonlyMap<number, number>): Array<[number, number]> {
  const own: Array<[number, number]> = [];
  for (const [id, r] of ownRatings) {
    const col = model.index.get(id);
    if (col !== undefined) own.push([col, codeOfRating(r)]);
  }
  return own.sort((a, b) => a[0] - b[0]);
}

/** Dense scores per column, or null when the shopper's swipes give the model no signal. */
export function denseScores(model: CollabModel, own: ReadonlyArray<readonly [number, number]>): Float64Array | null {
  const n = model.itemIds.length;
  if (own.length === 0 || n === 0) return null;
  const out = new Float64Array(n);
  if (model.kind === "item-knn") return itemKnnScoresInto(model.table, own, out, model.values) ? out : null;
  if (model.kind === "ease") return easeScoresInto(model.weights, n, own, out, model.values) ? out : null;
  const k = model.params.factors;
  const x = foldIn(model.itemFactors, model.gram!, own, model.params);
  if (!x.some((v) => v !== 0)) return null;
  const Y = model.itemFactors;
  for (let j = 0; j < n; j++) {
    let s = 0;
    const o = j * k;
    for (let a = 0; a < k; a++) s += x[a] * Y[o + a];
    out[j] = s;
  }
  return out;
}

/** Columns of the `top` best scores (non-zero, not excluded), best first, ties by column. */
export function topColumns(scores: Float64Array, top: number, exclude: ReadonlySet<number>): number[] {
  // min-heap of the best `top` so far: O(n log top)
  const heap: number[] = [];
  const worse = (a: number, b: number) => scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (let j = 0; j < scores.length; j++) {
    if (scores[j] === 0 || exclude.has(j)) continue;
    if (heap.length < top) {
      heap.push(j);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i], heap[p])) break;
        [heap[i], heap[p]] = [heap[p], heap[i]];
        i = p;
      }
    } else if (top > 0 && worse(heap[0], j)) {
      heap[0] = j;
      down(0);
    }
  }
  return heap.sort((a, b) => scores[b] - scores[a] || a - b);
}

/**
 * The shopper's collaborative scores per product id: the COLLAB_SCORE_TOP best items they
 * have not swiped, from their own ratings (like +1, superlike +2, pass -1) and the model.
 * Null when there is no model or the swipes give no signal.
 */
export function collabScoresFor(model: CollabModel | null, ownRatings: ReadonlyMap<number, number>, top: number = COLLAB_SCORE_TOP): Map<number, number> | null {
  if (!model) return null;
  const own = ownColumns(model, ownRatings);
  const scores = denseScores(model, own);
  if (!scores) return null;
  const cols = topColumns(scores, top, new Set(own.map(([c]) => c)));
  if (cols.length === 0) return null;
  const out = new Map<number, number>();
  for (const c of cols) out.set(model.itemIds[c], scores[c]);
  return out;
}

/** Train from shoppers' rating maps (like +1, superlike +2, pass -1): simulations, tests, benches. */
export function trainFromRatings(users: ReadonlyArray<{ ratings: ReadonlyMap<number, number> }>, opts: TrainOptions): CollabModel {
  const rows = users.map((u) => new Map([...u.ratings].map(([id, r]) => [id, codeOfRating(r)])));
  return trainCollabModel(buildRatingMatrix(rows), opts);
}
