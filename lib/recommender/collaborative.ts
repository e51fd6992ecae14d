// Collaborative signal: user-based kNN over the shopper x item feedback matrix
// (like +1, superlike +2, pass -1), cosine with shrinkage, inverted index item -> raters.
// Pure: must not import anything outside lib/recommender.
import { COLLAB_RATING, KNN_K, KNN_SHRINKAGE } from "./config";
import type { PreferenceState } from "./types";

export interface CollabUser<K = number> {
  id: string;
  ratings: ReadonlyMap<K, number>;
}

export interface CollabIndex<K = number> {
  users: ReadonlyArray<CollabUser<K>>;
  norms: Float64Array;
  /** item -> raters (user positions) and their ratings */
  raters: Map<K, { users: number[]; ratings: number[] }>;
}

export interface KnnOptions {
  k?: number;
  shrinkage?: number;
  /** skip this user id among the others (the target itself) */
  excludeUserId?: string;
}

const indexCache = new WeakMap<object, CollabIndex<unknown>>();

/** Inverted index item -> raters. Memoised per `others` array (rebuild by passing a new array). */
export function buildCollabIndex<K>(others: ReadonlyArray<CollabUser<K>>): CollabIndex<K> {
  const hit = indexCache.get(others);
  if (hit) return hit as CollabIndex<K>;
  const norms = new Float64Array(others.length);
  const raters = new Map<K, { users: number[]; ratings: number[] }>();
  others.forEach((u, ui) => {
    let n = 0;
    for (const [item, r] of u.ratings) {
      n += r * r;
      let list = raters.get(item);
      if (!list) raters.set(item, (list = { users: [], ratings: [] }));
      list.users.push(ui);
      list.ratings.push(r);
    }
    norms[ui] = Math.sqrt(n);
  });
  const index: CollabIndex<K> = { users: others, norms, raters };
  indexCache.set(others, index as CollabIndex<unknown>);
  return index;
}

export interface Neighbour {
  user: number;
  sim: number;
  overlap: number;
}

/** Shrunk cosine: cos * overlap / (overlap + shrinkage). */
export function shrunkSimilarity(cosine: number, overlap: number, shrinkage: number = KNN_SHRINKAGE): number {
  return cosine * (overlap / (overlap + shrinkage));
}

/** The k most similar users sharing at least one rated item (positive similarity only). */
export function nearestNeighbours<K>(
  target: ReadonlyMap<K, number>,
  index: CollabIndex<K>,
  opts: KnnOptions = {},
): Neighbour[] {
  const k = opts.k ?? KNN_K;
  const shrink = opts.shrinkage ?? KNN_SHRINKAGE;
  let tn = 0;
  for (const r of target.values()) tn += r * r;
  tn = Math.sqrt(tn);
  if (tn === 0) return [];
  const dot = new Map<number, number>();
  const overlap = new Map<number, number>();
  for (const [item, r] of target) {
    const list = index.raters.get(item);
    if (!list) continue;
    for (let j = 0; j < list.users.length; j++) {
      const u = list.users[j];
      dot.set(u, (dot.get(u) ?? 0) + r * list.ratings[j]);
      overlap.set(u, (overlap.get(u) ?? 0) + 1);
    }
  }
  const out: Neighbour[] = [];
  for (const [u, d] of dot) {
    if (opts.excludeUserId !== undefined && index.users[u].id === opts.excludeUserId) continue;
    const norm = index.norms[u];
    if (norm === 0) continue;
    const ov = overlap.get(u)!;
    const sim = shrunkSimilarity(d / (tn * norm), ov, shrink);
    if (sim > 0) out.push({ user: u, sim, overlap: ov });
  }
  out.sort((a, b) => b.sim - a.sim || a.user - b.user);
  return out.slice(0, k);
}

/**
 * Item scores = sum over neighbours of sim * rating / sum over neighbours of |sim|
 * (normalised over all k neighbours, so items many neighbours liked score higher).
 * Returns null when there are no neighbours (signal unavailable). Items the target
 * already rated are included; callers filter them.
 */
export function userKnnScores<K>(
  target: ReadonlyMap<K, number>,
  othersOrIndex: ReadonlyArray<CollabUser<K>> | CollabIndex<K>,
  opts: KnnOptions = {},
): Map<K, number> | null {
  const index = "raters" in othersOrIndex ? othersOrIndex : buildCollabIndex(othersOrIndex);
  const neighbours = nearestNeighbours(target, index, opts);
  if (neighbours.length === 0) return null;
  let simSum = 0;
  for (const n of neighbours) simSum += Math.abs(n.sim);
  const scores = new Map<K, number>();
  for (const n of neighbours) {
    for (const [item, r] of index.users[n.user].ratings) scores.set(item, (scores.get(item) ?? 0) + n.sim * r);
  }
  for (const [item, s] of scores) scores.set(item, s / simSum);
  return scores;
}

/** The shopper's ratings from the learned state: like +1, superlike +2, pass -1. */
export function ratingsFromState(state: PreferenceState): Map<number, number> {
  const m = new Map<number, number>();
  for (const key of Object.keys(state.productPasses)) m.set(Number(key), COLLAB_RATING.pass);
  for (const id of state.liked) m.set(id, COLLAB_RATING.like);
  for (const id of state.superliked) m.set(id, COLLAB_RATING.superlike);
  return m;
}
