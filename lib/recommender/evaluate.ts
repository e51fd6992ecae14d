// Offline top-K evaluation on interaction lists (random 80/20 split per user with a fixed
// seed, every interaction a positive, train items excluded, full ranking): Precision@K,
// Recall@K, nDCG@K, MAP@K for user-kNN and a most-popular baseline; plus a planted-group
// synthetic interaction generator.
// Pure: must not import anything outside lib/recommender.
import { buildCollabIndex, userKnnScores, type CollabUser } from "./collaborative";
import { EVAL_K, EVAL_KNN_K, EVAL_TEST_FRACTION, KNN_SHRINKAGE } from "./config";
import { createRng, randInt, shuffled, weightedIndex } from "./random";

export interface Interaction {
  user: string;
  item: string;
  rating?: number;
  timestamp?: number;
}

export interface TopKMetrics {
  precision: number;
  recall: number;
  ndcg: number;
  map: number;
  users: number; // users evaluated (with at least one test item)
}

export interface EvaluationReport {
  k: number;
  seed: number;
  users: number;
  items: number;
  interactions: number;
  userKnn: TopKMetrics;
  mostPopular: TopKMetrics;
}

// ---- metrics for one ranked list (relevant = the user's test items)

export function precisionAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i])) hits++;
  return hits / k;
}

export function recallAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i])) hits++;
  return hits / relevant.size;
}

/** Binary-relevance nDCG: DCG = sum rel_i / log2(i + 2); ideal = min(|relevant|, k) hits on top. */
export function ndcgAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let dcg = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i])) dcg += 1 / Math.log2(i + 2);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal > 0 ? dcg / ideal : 0;
}

/** AP@K = sum over hit positions i <= k of P@i, divided by min(|relevant|, k). */
export function averagePrecisionAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let hits = 0;
  let sum = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) {
    if (relevant.has(ranked[i])) {
      hits++;
      sum += hits / (i + 1);
    }
  }
  const denom = Math.min(relevant.size, k);
  return denom > 0 ? sum / denom : 0;
}

// ---- split

export interface Split {
  train: Map<string, Set<string>>;
  test: Map<string, Set<string>>;
  items: string[];
}

/**
 * Per user (users sorted), items deduplicated and shuffled with the seeded rng; the first
 * round(n * testFraction) items (at least 1 when n >= 2) go to test. Users with one item
 * keep it in train.
 */
export function splitInteractions(interactions: readonly Interaction[], seed: number, testFraction = EVAL_TEST_FRACTION): Split {
  const byUser = new Map<string, Set<string>>();
  const itemSet = new Set<string>();
  for (const it of interactions) {
    let s = byUser.get(it.user);
    if (!s) byUser.set(it.user, (s = new Set()));
    s.add(it.item);
    itemSet.add(it.item);
  }
  const rng = createRng(seed);
  const train = new Map<string, Set<string>>();
  const test = new Map<string, Set<string>>();
  for (const user of Array.from(byUser.keys()).sort()) {
    const items = shuffled(rng, Array.from(byUser.get(user)!).sort());
    const nTest = items.length >= 2 ? Math.max(1, Math.round(items.length * testFraction)) : 0;
    test.set(user, new Set(items.slice(0, nTest)));
    train.set(user, new Set(items.slice(nTest)));
  }
  return { train, test, items: Array.from(itemSet).sort() };
}

// ---- rankers

function topKExcluding(scores: Map<string, number>, items: readonly string[], exclude: ReadonlySet<string>, k: number, fallback: Map<string, number>): string[] {
  // rank all items: primary score (missing = -Infinity), ties by popularity then id
  const ranked = items.filter((i) => !exclude.has(i));
  ranked.sort(
    (a, b) =>
      (scores.get(b) ?? -Infinity) - (scores.get(a) ?? -Infinity) ||
      (fallback.get(b) ?? 0) - (fallback.get(a) ?? 0) ||
      (a < b ? -1 : a > b ? 1 : 0),
  );
  return ranked.slice(0, k);
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

export function evaluateTopK(
  interactions: readonly Interaction[],
  opts: { k?: number; seed?: number; neighbours?: number; shrinkage?: number; testFraction?: number } = {},
): EvaluationReport {
  const k = opts.k ?? EVAL_K;
  const seed = opts.seed ?? 42;
  const split = splitInteractions(interactions, seed, opts.testFraction);
  const popularity = new Map<string, number>();
  for (const items of split.train.values()) for (const i of items) popularity.set(i, (popularity.get(i) ?? 0) + 1);
  const users: CollabUser<string>[] = Array.from(split.train, ([id, items]) => ({
    id,
    ratings: new Map(Array.from(items, (i) => [i, 1])),
  }));
  const index = buildCollabIndex(users);
  const acc = { knn: { p: [] as number[], r: [] as number[], n: [] as number[], m: [] as number[] }, pop: { p: [] as number[], r: [] as number[], n: [] as number[], m: [] as number[] } };
  const empty = new Map<string, number>();
  for (const user of users) {
    const relevant = split.test.get(user.id)!;
    if (relevant.size === 0) continue;
    const exclude = split.train.get(user.id)!;
    const scores =
      userKnnScores(user.ratings, index, {
        k: opts.neighbours ?? EVAL_KNN_K,
        shrinkage: opts.shrinkage ?? KNN_SHRINKAGE,
        excludeUserId: user.id,
      }) ?? empty;
    const lists = {
      knn: topKExcluding(scores, split.items, exclude, k, popularity),
      pop: topKExcluding(popularity, split.items, exclude, k, empty),
    };
    for (const key of ["knn", "pop"] as const) {
      acc[key].p.push(precisionAtK(lists[key], relevant, k));
      acc[key].r.push(recallAtK(lists[key], relevant, k));
      acc[key].n.push(ndcgAtK(lists[key], relevant, k));
      acc[key].m.push(averagePrecisionAtK(lists[key], relevant, k));
    }
  }
  const summary = (a: typeof acc.knn): TopKMetrics => ({ precision: mean(a.p), recall: mean(a.r), ndcg: mean(a.n), map: mean(a.m), users: a.p.length });
  return {
    k,
    seed,
    users: users.length,
    items: split.items.length,
    interactions: interactions.length,
    userKnn: summary(acc.knn),
    mostPopular: summary(acc.pop),
  };
}

/**
 * Synthetic users in planted taste groups: item i belongs to group i % groups; each user
 * belongs to a group and draws `perUser` distinct items, each from their own group with
 * probability `affinity`, else from the whole catalog by Zipf-like popularity (noise).
 * Within a group items are also drawn by popularity, so most-popular is a real baseline.
 */
export function generatePlantedInteractions(opts: {
  users: number;
  items: number;
  groups: number;
  seed: number;
  perUser?: number;
  affinity?: number;
  zipf?: number;
}): Interaction[] {
  const rng = createRng(opts.seed);
  const perUser = Math.min(opts.perUser ?? 20, opts.items);
  const affinity = opts.affinity ?? 0.7;
  const zipf = opts.zipf ?? 0.8;
  const weights = Array.from({ length: opts.items }, (_, i) => 1 / Math.pow(i + 1, zipf));
  const popOrder = shuffled(rng, Array.from({ length: opts.items }, (_, i) => i)); // popularity rank -> item
  const itemWeight = new Array<number>(opts.items);
  popOrder.forEach((item, rank) => (itemWeight[item] = weights[rank]));
  const groupItems = Array.from({ length: opts.groups }, (_, g) => Array.from({ length: opts.items }, (_, i) => i).filter((i) => i % opts.groups === g));
  const out: Interaction[] = [];
  for (let u = 0; u < opts.users; u++) {
    const g = randInt(rng, opts.groups);
    const chosen = new Set<number>();
    let guard = 0;
    while (chosen.size < perUser && guard++ < perUser * 50) {
      const pool = rng() < affinity ? groupItems[g] : null;
      const item = pool ? pool[weightedIndex(rng, pool.map((i) => itemWeight[i]))] : weightedIndex(rng, itemWeight);
      chosen.add(item);
    }
    let t = 0;
    for (const item of chosen) out.push({ user: `u${u}`, item: `i${item}`, rating: 1, timestamp: t++ });
  }
  return out;
}
