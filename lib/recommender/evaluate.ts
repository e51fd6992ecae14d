// Offline top-K evaluation on interaction lists (random 80/20 split per user with a fixed
// seed, every interaction a positive, train items excluded, full ranking): Precision@K,
// Recall@K, nDCG@K, MAP@K for exactly the served collaborative configuration (config.ts,
// scored through collabScoresFor) next to reference rows: most-popular, user-kNN as served
// before the trained model (k = KNN_K, shrinkage KNN_SHRINKAGE), item-kNN, implicit ALS,
// EASE^R (small catalogs), and the served model trained without passes (does negative
// evidence help?). Several seeds give mean and spread. Plus a planted-group generator.
// Pure: must not import anything outside lib/recommender.
import { buildRatingMatrix, codeOfRating, type ActionCode, type RatingMatrix } from "./collab-matrix";
import { collabScoresFor, servedCollabKind, trainCollabModel, type CollabModel, type CollabModelKind, type TrainOptions } from "./collab-model";
import { buildCollabIndex, userKnnScores, type CollabUser } from "./collaborative";
import { EASE_MAX_ITEMS, EVAL_K, EVAL_TEST_FRACTION, KNN_K, KNN_SHRINKAGE } from "./config";
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
  /** the user's train positives (rating > 0) */
  train: Map<string, Set<string>>;
  /** the user's held-out positives */
  test: Map<string, Set<string>>;
  /** every train rating of the user: train positives and all passes (negative evidence) */
  trainRatings: Map<string, Map<string, number>>;
  items: string[];
}

/**
 * Per user (users sorted), the latest rating per item (missing rating = +1); the positives
 * (rating > 0) are shuffled with the seeded rng and the first round(n * testFraction) of them
 * (at least 1 when n >= 2) go to test. Passes (rating < 0) always stay in train as negative
 * evidence, so the logs without passes split exactly as before. Users with one positive
 * keep it in train.
 */
export function splitInteractions(interactions: readonly Interaction[], seed: number, testFraction = EVAL_TEST_FRACTION): Split {
  const byUser = new Map<string, Map<string, number>>();
  const itemSet = new Set<string>();
  for (const it of interactions) {
    let s = byUser.get(it.user);
    if (!s) byUser.set(it.user, (s = new Map()));
    s.set(it.item, it.rating ?? 1);
    itemSet.add(it.item);
  }
  const rng = createRng(seed);
  const train = new Map<string, Set<string>>();
  const test = new Map<string, Set<string>>();
  const trainRatings = new Map<string, Map<string, number>>();
  for (const user of Array.from(byUser.keys()).sort()) {
    const ratings = byUser.get(user)!;
    const positives = Array.from(ratings).filter(([, r]) => r > 0).map(([i]) => i).sort();
    const items = shuffled(rng, positives);
    const nTest = items.length >= 2 ? Math.max(1, Math.round(items.length * testFraction)) : 0;
    const held = new Set(items.slice(0, nTest));
    test.set(user, held);
    train.set(user, new Set(items.slice(nTest)));
    trainRatings.set(user, new Map(Array.from(ratings).filter(([i]) => !held.has(i))));
  }
  return { train, test, trainRatings, items: Array.from(itemSet).sort() };
}

// ---- rankers

function topKExcluding(scores: ReadonlyMap<number, number>, ranked: readonly number[], rankOf: ReadonlyMap<number, number>, exclude: ReadonlySet<number>, k: number): number[] {
  // scored items first (descending, ties by popularity order), then the rest in popularity order
  const scored = Array.from(scores).filter(([i]) => !exclude.has(i));
  scored.sort((a, b) => b[1] - a[1] || rankOf.get(a[0])! - rankOf.get(b[0])!);
  const out = scored.slice(0, k).map(([i]) => i);
  for (let j = 0; out.length < k && j < ranked.length; j++) {
    const i = ranked[j];
    if (!exclude.has(i) && !scores.has(i)) out.push(i);
  }
  return out;
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

function sd(xs: number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

export const EVAL_METHODS = ["served", "most-popular", "user-kNN", "item-kNN", "ALS", "EASE^R", "served, passes ignored", "oracle"] as const;
export type EvalMethod = (typeof EVAL_METHODS)[number];

/** Scores for one user from their train ratings (product index -> rating), or null. */
type Scorer = (userPos: number, ratings: ReadonlyMap<number, number>) => ReadonlyMap<number, number> | null;

export interface EvaluationReport {
  k: number;
  seed: number;
  users: number;
  items: number;
  interactions: number;
  /** the kind `servedCollabKind` picks for this train matrix */
  servedKind: CollabModelKind;
  methods: Partial<Record<EvalMethod, TopKMetrics>>;
  userKnn: TopKMetrics;
  mostPopular: TopKMetrics;
}

function ratingsToCodes(ratings: ReadonlyMap<number, number>, dropPasses: boolean): Map<number, ActionCode> {
  const m = new Map<number, ActionCode>();
  for (const [i, r] of ratings) if (!(dropPasses && r < 0)) m.set(i, codeOfRating(r));
  return m;
}

function modelScorer(model: CollabModel, dropPasses: boolean): Scorer {
  return (_u, ratings) => collabScoresFor(model, dropPasses ? new Map(Array.from(ratings).filter(([, r]) => r > 0)) : ratings);
}

export interface EvaluateOptions {
  k?: number;
  seed?: number;
  testFraction?: number;
  /** user-kNN as served today (KNN_K, KNN_SHRINKAGE) unless given */
  neighbours?: number;
  shrinkage?: number;
  /** which rows to compute (default: all that apply; EASE^R only up to EASE_MAX_ITEMS items) */
  methods?: readonly EvalMethod[];
  /** model options other than config.ts (for tuning; the served evaluation passes none) */
  train?: Pick<TrainOptions, "als" | "itemKnn" | "ease">;
  /** the generator's truth (planted logs): adds the "oracle" row, the ceiling of the protocol */
  oracle?: (user: string, item: string) => number;
}

/**
 * One seed of the offline protocol. The trained models are scored through exactly the
 * served path (trainCollabModel + collabScoresFor with the config.ts constants); items a
 * model leaves unscored follow in popularity order.
 */
export function evaluateTopK(interactions: readonly Interaction[], opts: EvaluateOptions = {}): EvaluationReport {
  const k = opts.k ?? EVAL_K;
  const seed = opts.seed ?? 42;
  const split = splitInteractions(interactions, seed, opts.testFraction);
  const itemPos = new Map(split.items.map((id, i) => [id, i + 1])); // product-like ids from 1
  const userIds = Array.from(split.trainRatings.keys());
  const ratings = userIds.map((u) => new Map(Array.from(split.trainRatings.get(u)!, ([i, r]) => [itemPos.get(i)!, r])));
  const popularity = new Map<number, number>();
  for (const r of ratings) for (const [i, v] of r) if (v > 0) popularity.set(i, (popularity.get(i) ?? 0) + 1);
  const popOrder = Array.from(itemPos.values()).sort((a, b) => (popularity.get(b) ?? 0) - (popularity.get(a) ?? 0) || a - b);
  const rankOf = new Map(popOrder.map((i, r) => [i, r]));
  const matrix = buildRatingMatrix(ratings.map((r) => ratingsToCodes(r, false)));
  const matrixNoPass = buildRatingMatrix(ratings.map((r) => ratingsToCodes(r, true)));
  const servedKind = servedCollabKind(matrix.itemIds.length);
  const wanted = new Set(opts.methods ?? EVAL_METHODS);
  if (matrix.itemIds.length > EASE_MAX_ITEMS) wanted.delete("EASE^R");
  if (!opts.oracle) wanted.delete("oracle");
  const rng = createRng(seed ^ 0x5eed);
  const train = (kind: CollabModelKind, m: RatingMatrix) => trainCollabModel(m, { ...opts.train, kind, rng });
  const collabUsers: CollabUser<number>[] = userIds.map((id, u) => ({ id, ratings: ratings[u] }));
  const index = buildCollabIndex(collabUsers);
  const scorers: Partial<Record<EvalMethod, Scorer>> = {};
  const empty = new Map<number, number>();
  if (wanted.has("most-popular")) scorers["most-popular"] = () => empty;
  if (wanted.has("user-kNN"))
    scorers["user-kNN"] = (u, r) => userKnnScores(r, index, { k: opts.neighbours ?? KNN_K, shrinkage: opts.shrinkage ?? KNN_SHRINKAGE, excludeUserId: userIds[u] });
  const models = new Map<CollabModelKind, CollabModel>();
  const model = (kind: CollabModelKind) => models.get(kind) ?? models.set(kind, train(kind, matrix)).get(kind)!;
  if (wanted.has("item-kNN")) scorers["item-kNN"] = modelScorer(model("item-knn"), false);
  if (wanted.has("ALS")) scorers["ALS"] = modelScorer(model("als"), false);
  if (wanted.has("EASE^R")) scorers["EASE^R"] = modelScorer(model("ease"), false);
  if (wanted.has("served")) scorers["served"] = modelScorer(model(servedKind), false);
  if (wanted.has("served, passes ignored")) scorers["served, passes ignored"] = modelScorer(train(servedKind, matrixNoPass), true);
  const oracle = opts.oracle;
  if (oracle && wanted.has("oracle")) scorers["oracle"] = (u) => new Map(split.items.map((id) => [itemPos.get(id)!, oracle(userIds[u], id)]));

  const acc = new Map<EvalMethod, { p: number[]; r: number[]; n: number[]; m: number[] }>();
  for (const name of Object.keys(scorers) as EvalMethod[]) acc.set(name, { p: [], r: [], n: [], m: [] });
  userIds.forEach((user, u) => {
    const relevantIds = split.test.get(user)!;
    if (relevantIds.size === 0) return;
    const relevant = new Set(Array.from(relevantIds, (i) => String(itemPos.get(i)!)));
    const exclude = new Set(ratings[u].keys());
    for (const [name, scorer] of Object.entries(scorers) as Array<[EvalMethod, Scorer]>) {
      const ranked = topKExcluding(scorer(u, ratings[u]) ?? empty, popOrder, rankOf, exclude, k).map(String);
      const a = acc.get(name)!;
      a.p.push(precisionAtK(ranked, relevant, k));
      a.r.push(recallAtK(ranked, relevant, k));
      a.n.push(ndcgAtK(ranked, relevant, k));
      a.m.push(averagePrecisionAtK(ranked, relevant, k));
    }
  });
  const summary = (a: { p: number[]; r: number[]; n: number[]; m: number[] }): TopKMetrics => ({ precision: mean(a.p), recall: mean(a.r), ndcg: mean(a.n), map: mean(a.m), users: a.p.length });
  const methods: Partial<Record<EvalMethod, TopKMetrics>> = {};
  for (const [name, a] of acc) methods[name] = summary(a);
  const none: TopKMetrics = { precision: 0, recall: 0, ndcg: 0, map: 0, users: 0 };
  return {
    k,
    seed,
    users: userIds.length,
    items: split.items.length,
    interactions: interactions.length,
    servedKind,
    methods,
    userKnn: methods["user-kNN"] ?? none,
    mostPopular: methods["most-popular"] ?? none,
  };
}

export interface MeanSpread {
  mean: number;
  sd: number;
}

export interface SeedsReport {
  k: number;
  seeds: number[];
  users: number;
  items: number;
  interactions: number;
  servedKind: CollabModelKind;
  rows: Array<{ method: EvalMethod; precision: MeanSpread; recall: MeanSpread; ndcg: MeanSpread; map: MeanSpread }>;
}

/** The protocol over several seeds (a new random split each): mean and sample standard deviation. */
export function evaluateSeeds(interactions: readonly Interaction[], seeds: readonly number[], opts: Omit<EvaluateOptions, "seed"> = {}): SeedsReport {
  const reports = seeds.map((seed) => evaluateTopK(interactions, { ...opts, seed }));
  const first = reports[0];
  const rows = EVAL_METHODS.filter((m) => first.methods[m]).map((method) => {
    const of = (f: (t: TopKMetrics) => number): MeanSpread => {
      const xs = reports.map((r) => f(r.methods[method]!));
      return { mean: mean(xs), sd: sd(xs) };
    };
    return { method, precision: of((t) => t.precision), recall: of((t) => t.recall), ndcg: of((t) => t.ndcg), map: of((t) => t.map) };
  });
  return { k: first.k, seeds: [...seeds], users: first.users, items: first.items, interactions: first.interactions, servedKind: first.servedKind, rows };
}

/** A planted log and its ground truth: the per-draw probability of each item for each user. */
export interface PlantedLog {
  interactions: Interaction[];
  /** P(one draw of `user` is `item`) under the generator: the Bayes ranking (the ceiling) */
  drawProbability(user: string, item: string): number;
}

export interface PlantedOptions {
  users: number;
  items: number;
  groups: number;
  seed: number;
  perUser?: number;
  affinity?: number;
  zipf?: number;
}

/**
 * Synthetic users in planted taste groups: item i belongs to group i % groups; each user
 * belongs to a group and draws `perUser` distinct items, each from their own group with
 * probability `affinity`, else from the whole catalog by Zipf-like popularity (noise).
 * Within a group items are also drawn by popularity, so most-popular is a real baseline.
 */
export function generatePlantedInteractions(opts: PlantedOptions): Interaction[] {
  return generatePlanted(opts).interactions;
}

/** The planted log plus its generator's truth (for the oracle row of the evaluation). */
export function generatePlanted(opts: PlantedOptions): PlantedLog {
  const rng = createRng(opts.seed);
  const perUser = Math.min(opts.perUser ?? 20, opts.items);
  const affinity = opts.affinity ?? 0.7;
  const zipf = opts.zipf ?? 0.8;
  const weights = Array.from({ length: opts.items }, (_, i) => 1 / Math.pow(i + 1, zipf));
  const popOrder = shuffled(rng, Array.from({ length: opts.items }, (_, i) => i)); // popularity rank -> item
  const itemWeight = new Array<number>(opts.items);
  popOrder.forEach((item, rank) => (itemWeight[item] = weights[rank]));
  const groupItems = Array.from({ length: opts.groups }, (_, g) => Array.from({ length: opts.items }, (_, i) => i).filter((i) => i % opts.groups === g));
  const total = itemWeight.reduce((a, b) => a + b, 0);
  const groupTotal = groupItems.map((items) => items.reduce((a, i) => a + itemWeight[i], 0));
  const userGroup = new Map<string, number>();
  const out: Interaction[] = [];
  for (let u = 0; u < opts.users; u++) {
    const g = randInt(rng, opts.groups);
    userGroup.set(`u${u}`, g);
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
  const drawProbability = (user: string, item: string): number => {
    const g = userGroup.get(user);
    const i = Number(item.slice(1));
    if (g === undefined || !(i >= 0 && i < opts.items)) return 0;
    return (i % opts.groups === g ? (affinity * itemWeight[i]) / groupTotal[g] : 0) + ((1 - affinity) * itemWeight[i]) / total;
  };
  return { interactions: out, drawProbability };
}
