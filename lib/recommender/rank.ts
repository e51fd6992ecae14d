// The two-stage recommendation pipeline: stage 1 cheap candidate scoring over the whole
// catalog (hard filters, exclusions, visual + attribute + taste-belief + quiz score, one
// pass over typed arrays and a packed vector matrix, partial selection of the top
// candidates), stage 2 the full hybrid (content + collaborative + visual blend and the
// taste model, each in [0, 1], with the weights returned on every card) on the candidates
// only, then epsilon-greedy exploration slots and the batch rules over the displayed sequence
// (at most 3 of one article type in any 10 consecutive cards counting the cards the shopper
// already has, one probe per unconfirmed type preferred within a batch). Exclusions,
// penalties, the exploration draw, the batch assembly and P(like) are the ones in rules.ts,
// explore.ts and beliefs.ts (no copies here); ties go to the shopper's seeded randomness.
// Pure: must not import anything outside lib/recommender.
import { addAffinity, productKeys } from "./attributes";
import { beliefOf, beliefPrior, likeProbability } from "./beliefs";
import {
  ATTRIBUTE_WEIGHTS,
  BATCH_REPEAT_PENALTY,
  BATCH_WINDOW,
  BELIEF_COLOUR_PRIOR,
  BELIEF_QUIZ,
  BELIEF_TYPE_MIN_ITEMS,
  BELIEF_TYPE_PRIOR,
  BELIEF_WEIGHT,
  CANDIDATE_STAGE_SIZE,
  CHEAP_JITTER,
  CHEAP_WEIGHTS,
  COLLAB_CANDIDATES,
  LOGIT_FEATURE_SCALE,
  PREFERENCE_AFFINITY_SHARE,
  PREFERENCE_EMA_SHARE,
  PREFERENCE_LOGIT_SHARE,
  QUIZ_FIRST_CARDS_OUTSIDE,
  TASTE_ATTRIBUTE_SHARE,
} from "./config";
import { buildContentProfile, contentScoreMixed, recentLikedDocs, type ContentIndex } from "./content";
import { epsilon, groupByType, pickExploration, type ExplorationPool } from "./explore";
import { alignedVectors, catalogFeatures, type KindIndex } from "./features";
import { explain } from "./explain";
import { blendWeights, collabAvailable, hybridScore } from "./hybrid";
import { feedbackCount } from "./learning";
import type { Rng } from "./random";
import { assembleBatch, demotedValues, droppedQuizValues, eligibility, penalty as penaltyOf, type QuizQuota } from "./rules";
import { withScratch, type Scratch } from "./scratch";
import { attributeKey } from "./text";
import { FACTOR_PRIOR, factorLike, factorTable, MIXTURE_PRIOR } from "./taste-mixture";
import { ATTRIBUTE_KINDS, type PreferenceState, type Product, type QuizAnswers, type Recommendation, type ScoreComponents } from "./types";
import { visualProfile, type VectorSet } from "./visual";

export interface RecommendInput {
  /** the catalog (or candidate universe); keep the same array between calls (features memoised) */
  products: readonly Product[];
  quiz: QuizAnswers;
  state: PreferenceState;
  /** built once per catalog version with buildContentIndex */
  contentIndex: ContentIndex;
  /** image embeddings of one model; null when there are none (keep the object stable: packed once) */
  vectors: VectorSet | null;
  /** embedding of the quiz prompt from the same model as `vectors` (cold-start visual profile) */
  quizTextVector: Float32Array | null;
  /**
   * collaborative scores per product id for this shopper (from the trained model and the
   * shopper's own ratings: collab-model.ts collabScoresFor); null = no signal
   */
  collabScores: ReadonlyMap<number, number> | null;
  limit: number;
  /** ids never to return (e.g. cards already in the client's buffer) */
  excludeIds?: Iterable<number>;
  /**
   * The cards the shopper already has, in display order (the client's recent swipes and its
   * buffer); the batch rules continue this sequence. Swipes the state knows of (state.recent)
   * and the list does not hold come first.
   */
  context?: readonly number[];
  /**
   * Optional candidate universe for stage 1 (e.g. approximate nearest neighbours of the
   * visual profile plus attribute samples, for very large catalogs): only these products
   * (plus the items the collaborative signal scores positively) are scored; filters and
   * exclusions still apply. Omitted: the whole catalog (exact).
   */
  candidateIds?: ReadonlySet<number>;
  rng: Rng;
  /** injected time (reserved: the current scorer is time-independent) */
  now: number;
  /** called at the end of each stage (benchmarks time the stages with it) */
  trace?: (stage: RecommendStage) => void;
}

/** Stages of `recommend`, in order, as reported to `trace`. */
export const RECOMMEND_STAGES = ["collaborative", "filter", "visual", "tables", "cheap score", "stage 2", "batch", "explain"] as const;
export type RecommendStage = (typeof RECOMMEND_STAGES)[number];

interface Scored {
  product: Product;
  pos: number; // index in the stage-1 pool
  components: ScoreComponents;
  score: number;
  soft: boolean;
  pType: number;
  tie: number;
}

const PREF_WEIGHT_SUM = ATTRIBUTE_KINDS.reduce((s, k) => s + ATTRIBUTE_WEIGHTS[k], 0);

/** Quickselect: the k-th largest value of `values` (1-based k <= length). Copies. */
function kthLargest(values: Float64Array, k: number, S: Scratch): number {
  const a = S.f64(values.length);
  a.set(values);
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1; // index in descending order
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target];
  }
  return a[target];
}

/** Top `k` pool positions by score (ties by the seeded key `tie`), in descending order; no full sort. */
function topK(scores: Float64Array, tie: Float64Array, k: number, S: Scratch): number[] {
  const n = scores.length;
  const byScore = (a: number, b: number) => scores[b] - scores[a] || tie[a] - tie[b];
  if (n <= k) return Array.from({ length: n }, (_, i) => i).sort(byScore);
  const threshold = kthLargest(scores, k, S);
  const out: number[] = [];
  const ties: number[] = [];
  for (let i = 0; i < n; i++) {
    if (scores[i] > threshold) out.push(i);
    else if (scores[i] === threshold) ties.push(i);
  }
  ties.sort((a, b) => tie[a] - tie[b]);
  for (const i of ties) if (out.length < k) out.push(i);
  return out.sort(byScore);
}

/** out[i] += mean of table over pool row i's values of one kind (0 when it has none). */
function addMeans(k: KindIndex, table: Float64Array, rows: Int32Array, out: Float64Array): void {
  const offsets = k.offsets;
  const ids = k.ids;
  for (let i = 0; i < rows.length; i++) {
    const c = rows[i];
    const a = offsets[c];
    const b = offsets[c + 1];
    if (a === b) continue;
    let s = 0;
    for (let j = a; j < b; j++) s += table[ids[j]];
    out[i] += s / (b - a);
  }
}

/** Any-of probability per pool row: 1 - prod(1 - table[v]) over its values of one kind. */
function anyOfInto(k: KindIndex, table: Float64Array, rows: Int32Array, out: Float64Array): Float64Array {
  const offsets = k.offsets;
  const ids = k.ids;
  for (let i = 0; i < rows.length; i++) {
    const c = rows[i];
    let none = 1;
    for (let j = offsets[c]; j < offsets[c + 1]; j++) none *= 1 - table[ids[j]];
    out[i] = 1 - none;
  }
  return out;
}

/** Largest table value per pool row over its values of one kind (0 when it has none). */
function maxOfInto(k: KindIndex, table: Float64Array, rows: Int32Array, out: Float64Array): Float64Array {
  const offsets = k.offsets;
  const ids = k.ids;
  for (let i = 0; i < rows.length; i++) {
    const c = rows[i];
    let best = 0;
    for (let j = offsets[c]; j < offsets[c + 1]; j++) if (table[ids[j]] > best) best = table[ids[j]];
    out[i] = best;
  }
  return out;
}

/** out[i] += how many of pool row i's values of one kind are flagged. */
function countInto(k: KindIndex, flags: Uint8Array, rows: Int32Array, out: Int32Array): void {
  const offsets = k.offsets;
  const ids = k.ids;
  for (let i = 0; i < rows.length; i++) {
    const c = rows[i];
    let n = 0;
    for (let j = offsets[c]; j < offsets[c + 1]; j++) n += flags[ids[j]];
    out[i] += n;
  }
}

/** seen[i] = 1 when pool row i has a flagged value of one kind. */
function markAny(k: KindIndex, flags: Uint8Array, rows: Int32Array, seen: Uint8Array): void {
  const offsets = k.offsets;
  const ids = k.ids;
  for (let i = 0; i < rows.length; i++) {
    const c = rows[i];
    const end = offsets[c + 1];
    for (let j = offsets[c]; j < end; j++)
      if (flags[ids[j]] !== 0) {
        seen[i] = 1;
        break;
      }
  }
}

/** hits[i] += 1 when pool row i has a flagged value in any of the given kinds. */
function hitsInto(rows: Int32Array, hits: Int32Array, seen: Uint8Array, a: [KindIndex, Uint8Array], b?: [KindIndex, Uint8Array]): void {
  markAny(a[0], a[1], rows, seen);
  if (b) markAny(b[0], b[1], rows, seen);
  for (let i = 0; i < rows.length; i++) hits[i] += seen[i];
}

/** Rescale the odds of the given values' beliefs from prior `from` to prior `to` (Bayes: posterior odds = prior odds x likelihood ratios). */
function reprior(table: Float64Array, idOf: ReadonlyMap<string, number>, values: readonly string[], from: number, to: number): void {
  const factor = (to / (1 - to)) / (from / (1 - from));
  for (const v of values) {
    const id = idOf.get(v);
    if (id === undefined) continue;
    const odds = (table[id] / (1 - table[id])) * factor;
    table[id] = odds / (1 + odds);
  }
}

/** The key of a value id of one kind ("" for -1, none). */
function valueOf(k: KindIndex, id: number): string {
  return id >= 0 ? k.values[id] : "";
}

function flagsOf(k: KindIndex, values: Iterable<string>): Uint8Array {
  const out = new Uint8Array(k.values.length);
  for (const v of values) {
    const id = k.idOf.get(v);
    if (id !== undefined) out[id] = 1;
  }
  return out;
}

export function recommend(input: RecommendInput): Recommendation[] {
  return withScratch((S) => recommendWith(input, S));
}

function recommendWith(input: RecommendInput, S: Scratch): Recommendation[] {
  const { products, quiz, state, contentIndex, vectors, rng } = input;
  const trace = input.trace ?? noTrace;
  const limit = Math.max(0, Math.floor(input.limit));
  if (limit === 0) return [];
  const n = feedbackCount(state);
  const F = catalogFeatures(products);
  const K = F.kinds;
  const status = eligibility(quiz, state, input.excludeIds);

  // collaborative scores (null = no signal); their top items join the candidates
  const collabMap = input.collabScores;

  trace("collaborative");

  // ---- Stage 1: filters + exclusions, then a cheap score over the whole pool
  const scan = input.candidateIds ? candidateIndices(F.indexOfId, input.candidateIds, collabMap) : null;
  const scanLength = scan ? scan.length : products.length;
  const poolRows = S.i32(scanLength); // catalog index per pool position
  const softFlags = S.u8(scanLength);
  const pool: Product[] = [];
  for (let s = 0; s < scanLength; s++) {
    const c = scan ? scan[s] : s;
    const p = products[c];
    const st = status(p);
    if (st === "hard") continue;
    softFlags[pool.length] = st === "soft" ? 1 : 0;
    poolRows[pool.length] = c;
    pool.push(p);
  }
  const m = pool.length;
  if (m === 0) return [];
  const poolIdx = poolRows.subarray(0, m);
  trace("filter");

  // visual: one pass of dot products over the packed, catalog-aligned matrix
  const profile = visualProfile(state, vectors, input.quizTextVector);
  const visualFromQuiz = profile !== null && !(state.visual && state.visual.modelId === vectors?.modelId && state.visual.likes > 0);
  let visualRaw: Float64Array | null = null;
  let vLo = Infinity;
  let vHi = -Infinity;
  if (profile && vectors) {
    visualRaw = S.f64(m);
    const A = alignedVectors(products, vectors);
    if (A.dim === profile.length) {
      // rows with a vector, scanned in one batch; the rest keep 0
      const rows = S.i32(m);
      const at = S.i32(m);
      let count = 0;
      for (let i = 0; i < m; i++) {
        const r = A.rowOf[poolIdx[i]];
        if (r < 0) continue;
        rows[count] = r;
        at[count++] = i;
      }
      const dots = S.f64(count);
      A.matrix.scan(profile, rows, count, dots);
      for (let j = 0; j < count; j++) visualRaw[at[j]] = dots[j];
    }
    for (let i = 0; i < m; i++) {
      if (visualRaw[i] < vLo) vLo = visualRaw[i];
      if (visualRaw[i] > vHi) vHi = visualRaw[i];
    }
  }
  trace("visual");
  const vSpan = vHi - vLo;

  // per-value tables for this state: EMA + logistic preference, taste beliefs, quiz, demotions
  const prefTables = ATTRIBUTE_KINDS.map((kind) => {
    const t = new Float64Array(K[kind].values.length);
    const ema = (PREFERENCE_EMA_SHARE * ATTRIBUTE_WEIGHTS[kind]) / PREF_WEIGHT_SUM;
    const lw = PREFERENCE_LOGIT_SHARE * LOGIT_FEATURE_SCALE[kind];
    for (const [v, p] of Object.entries(state.prefs[kind])) {
      const id = K[kind].idOf.get(v);
      if (id !== undefined) t[id] += ema * p;
    }
    for (const [v, w] of Object.entries(state.logit.weights[kind])) {
      const id = K[kind].idOf.get(v);
      if (id !== undefined) t[id] += lw * w;
    }
    if ((PREFERENCE_AFFINITY_SHARE as number) !== 0) {
      // the affinity (like-rate lift) is separable per value too: fold it into the table
      addAffinity(
        {
          get: (v) => {
            const id = K[kind].idOf.get(v);
            return id === undefined ? undefined : t[id];
          },
          set: (v, x) => {
            const id = K[kind].idOf.get(v);
            if (id !== undefined) t[id] = x;
          },
        },
        kind,
        state,
      );
    }
    return t;
  });
  const qv = state.quizValues;
  const beliefTable = (kind: "articleType" | "colour" | "style") => {
    const k = K[kind];
    const t = new Float64Array(k.values.length);
    for (let id = 0; id < t.length; id++) t[id] = beliefOf(state.beliefs, qv, kind, k.values[id]);
    return t;
  };
  const typeB = beliefTable("articleType");
  const colourB = beliefTable("colour");
  // a dropped quiz answer keeps its learned evidence but not the quiz's prior (odds rescaled)
  const dropped = droppedQuizValues(state);
  reprior(typeB, K.articleType.idOf, [...dropped.articleType, ...dropped.category], BELIEF_QUIZ, BELIEF_TYPE_PRIOR);
  reprior(colourB, K.colour.idOf, dropped.colour, BELIEF_QUIZ, BELIEF_COLOUR_PRIOR);
  const styleB = beliefTable("style");
  // catalog-aware type prior: a type with few eligible items is rarely what a shopper came for
  const typeCount = new Int32Array(K.articleType.values.length);
  for (let i = 0; i < m; i++) if (F.type[poolIdx[i]] >= 0) typeCount[F.type[poolIdx[i]]]++;
  const priorOdds = BELIEF_TYPE_PRIOR / (1 - BELIEF_TYPE_PRIOR);
  for (let id = 0; id < typeB.length; id++) {
    const v = K.articleType.values[id];
    if (qv.articleType[v] || beliefPrior("articleType", v, qv) !== BELIEF_TYPE_PRIOR) continue;
    const prior = BELIEF_TYPE_PRIOR * Math.min(1, typeCount[id] / BELIEF_TYPE_MIN_ITEMS);
    const odds = (typeB[id] / (1 - typeB[id])) * (prior / (1 - prior) / priorOdds);
    typeB[id] = odds / (1 + odds);
  }
  // quiz answers the swipes dropped (rules.ts droppedQuizValues) no longer count as answers
  const live = (kind: "colour" | "articleType" | "category", values: string[]) => values.filter((v) => !(dropped[kind] as string[]).includes(v));
  const quizFlags = {
    colour: flagsOf(K.colour, live("colour", Object.keys(qv.colour))),
    style: flagsOf(K.style, Object.keys(qv.style)),
    brand: flagsOf(K.brand, Object.keys(qv.brand)),
    articleType: flagsOf(K.articleType, live("articleType", Object.keys(qv.articleType))),
    category: flagsOf(K.category, live("category", Object.keys(qv.category))),
  };
  const quizHas = {
    colour: live("colour", Object.keys(qv.colour)).length > 0,
    style: Object.keys(qv.style).length > 0,
    brand: Object.keys(qv.brand).length > 0,
    type: live("articleType", Object.keys(qv.articleType)).length > 0 || live("category", Object.keys(qv.category)).length > 0,
  };
  const quizKinds = (quizHas.colour ? 1 : 0) + (quizHas.style ? 1 : 0) + (quizHas.brand ? 1 : 0) + (quizHas.type ? 1 : 0);
  const demotedBrand = flagsOf(K.brand, demotedValues(state, "brand"));
  const demotedType = flagsOf(K.articleType, demotedValues(state, "articleType").filter((v) => !qv.articleType[v]));
  const quizDropped = S.u8(m);
  if (dropped.articleType.length) markAny(K.articleType, flagsOf(K.articleType, dropped.articleType), poolIdx, quizDropped);
  if (dropped.category.length) markAny(K.category, flagsOf(K.category, dropped.category), poolIdx, quizDropped);
  if (dropped.colour.length) markAny(K.colour, flagsOf(K.colour, dropped.colour), poolIdx, quizDropped);

  trace("tables");
  // column-wise passes (one attribute kind at a time over the pool): tight, monomorphic
  // loops over typed arrays; the sums run in the same order as a per-product loop would
  const rowsOfPool = poolIdx;
  const attr = S.f64(m); // weighted preference tables (EMA + logistic + affinity)
  ATTRIBUTE_KINDS.forEach((kind, k) => addMeans(K[kind], prefTables[k], rowsOfPool, attr));
  const pType = anyOfInto(K.articleType, typeB, rowsOfPool, S.f64(m));
  const pColour = anyOfInto(K.colour, colourB, rowsOfPool, S.f64(m));
  const pStyle = anyOfInto(K.style, styleB, rowsOfPool, S.f64(m));
  // the other taste shapes (taste-mixture.ts): P(any value in the taste) per factor
  const mix = state.mixture;
  const mixW = mix?.weights ?? MIXTURE_PRIOR;
  const mixColourB = factorTable(K.colour.values, K.colour.idOf, mix, qv, "colour");
  reprior(mixColourB, K.colour.idOf, dropped.colour, BELIEF_QUIZ, FACTOR_PRIOR.colour);
  const mixTypeB = factorTable(K.articleType.values, K.articleType.idOf, mix, qv, "type");
  reprior(mixTypeB, K.articleType.idOf, [...dropped.articleType, ...dropped.category], BELIEF_QUIZ, FACTOR_PRIOR.type);
  const pMixColour = anyOfInto(K.colour, mixColourB, rowsOfPool, S.f64(m));
  const pMixType = anyOfInto(K.articleType, mixTypeB, rowsOfPool, S.f64(m));
  const D = F.descriptors;
  const pMixDesc = maxOfInto(D, factorTable(D.values, D.idOf, mix, qv, "descriptor"), rowsOfPool, S.f64(m));
  const demoted = S.i32(m);
  countInto(K.brand, demotedBrand, rowsOfPool, demoted);
  countInto(K.articleType, demotedType, rowsOfPool, demoted);
  const hits = S.i32(m);
  if (quizHas.colour) hitsInto(rowsOfPool, hits, S.u8(m), [K.colour, quizFlags.colour]);
  if (quizHas.style) hitsInto(rowsOfPool, hits, S.u8(m), [K.style, quizFlags.style]);
  if (quizHas.brand) hitsInto(rowsOfPool, hits, S.u8(m), [K.brand, quizFlags.brand]);
  if (quizHas.type) hitsInto(rowsOfPool, hits, S.u8(m), [K.articleType, quizFlags.articleType], [K.category, quizFlags.category]);

  const likeP = S.f64(m); // P(like) under the taste beliefs
  const penalty = S.f64(m);
  const cheap = S.f64(m);
  const wVisual = visualRaw ? CHEAP_WEIGHTS.visual : 0;
  const wPref = CHEAP_WEIGHTS.preference;
  const wQuiz = CHEAP_WEIGHTS.quiz;
  // config values as locals: the hot loop must not go through module bindings
  const beliefWeight = BELIEF_WEIGHT;
  const jitter = CHEAP_JITTER;
  const visualScaled = visualRaw ?? new Float64Array(0);
  const hasVisual = visualRaw !== null;
  const wConj = mixW.conjunctive;
  const wColour = mixW.colour;
  const wType = mixW.type;
  const wDesc = mixW.descriptor;
  const jitters = S.f64(m);
  for (let i = 0; i < m; i++) jitters[i] = rng(); // one draw per product, in pool order
  for (let i = 0; i < m; i++) {
    const pl =
      wConj * likeProbability(pType[i], pColour[i], pStyle[i]) +
      wColour * factorLike(pMixColour[i]) +
      wType * factorLike(pMixType[i]) +
      wDesc * factorLike(pMixDesc[i]);
    likeP[i] = pl;
    const pen = penaltyOf(softFlags[i] === 1, demoted[i], quizDropped[i] === 1);
    penalty[i] = pen;
    const quizScore = quizKinds > 0 ? hits[i] / quizKinds : 0;
    let visual = 0;
    if (hasVisual) {
      // min-max over the pool (0.5 when all equal)
      const x = visualScaled[i];
      visual = !(vSpan > 1e-12) ? 0.5 : x <= vLo ? 0 : x >= vHi ? 1 : (x - vLo) / vSpan;
    }
    cheap[i] = wVisual * visual + wPref * attr[i] + beliefWeight * pl + wQuiz * quizScore - pen + jitter * jitters[i];
  }
  // at least `limit` candidates: a large limit returns every eligible item (a soft-excluded
  // one ranked lower, never dropped at the stage-1 cut)
  const chosen = new Set(topK(cheap, jitters, Math.max(CANDIDATE_STAGE_SIZE, limit), S));
  trace("cheap score");

  if (collabMap) {
    const posOfCatalog = S.i32(products.length).fill(-1);
    for (let i = 0; i < m; i++) posOfCatalog[poolIdx[i]] = i;
    const positive: number[] = [];
    for (const [id, s] of collabMap) {
      if (!(s > 0)) continue;
      const c = F.indexOfId.get(id);
      const pos = c === undefined ? -1 : posOfCatalog[c];
      if (pos >= 0) positive.push(pos);
    }
    positive.sort((a, b) => collabMap.get(pool[b].id)! - collabMap.get(pool[a].id)! || jitters[a] - jitters[b]);
    for (const i of positive.slice(0, COLLAB_CANDIDATES)) chosen.add(i);
  }
  const candidates = Array.from(chosen);

  // ---- Stage 2: full hybrid on the candidates only
  const contentProfile = buildContentProfile(contentIndex, liveQuiz(quiz, dropped), state);
  const likedDocs = recentLikedDocs(contentIndex, state);
  const contentOf = (id: number) => (contentProfile ? contentScoreMixed(contentIndex, contentProfile, likedDocs, id) : 0);
  const contentCache = new Map<number, number>();
  let cLo = Infinity, cHi = -Infinity, kLo = Infinity, kHi = -Infinity, sLo = Infinity, sHi = -Infinity;
  for (const i of candidates) {
    const id = pool[i].id;
    if (contentProfile) {
      const x = contentOf(id);
      contentCache.set(id, x);
      if (x < cLo) cLo = x;
      if (x > cHi) cHi = x;
    }
    if (collabMap) {
      const x = collabMap.get(id) ?? 0;
      if (x < kLo) kLo = x;
      if (x > kHi) kHi = x;
    }
    if (visualRaw) {
      const x = visualRaw[i];
      if (x < sLo) sLo = x;
      if (x > sHi) sHi = x;
    }
  }
  // min-max over the candidates; a constant column carries no ranking information: 0
  const scaler = (lo: number, hi: number) => {
    const span = hi - lo;
    return (x: number) => (!(span > 1e-12) ? 0 : x <= lo ? 0 : x >= hi ? 1 : (x - lo) / span);
  };
  const hasCollab = collabAvailable(collabMap);
  const scale = {
    content: contentProfile ? scaler(cLo, cHi) : null,
    collaborative: hasCollab ? scaler(kLo, kHi) : null,
    visual: visualRaw ? scaler(sLo, sHi) : null,
  };
  const weights = blendWeights(n, {
    taste: true,
    content: contentProfile !== null,
    collaborative: hasCollab,
    visual: visualRaw !== null,
  });
  const tasteShare = TASTE_ATTRIBUTE_SHARE;
  const scoreAt = (pos: number): Scored => {
    const p = pool[pos];
    const taste = likeP[pos] + tasteShare * attr[pos];
    const components: ScoreComponents = {
      taste: taste < 0 ? 0 : taste > 1 ? 1 : taste,
      content: scale.content ? scale.content(contentCache.get(p.id) ?? contentOf(p.id)) : null,
      collaborative: scale.collaborative && collabMap ? scale.collaborative(collabMap.get(p.id) ?? 0) : null,
      visual: scale.visual && visualRaw ? scale.visual(visualRaw[pos]) : null,
      penalty: penalty[pos],
    };
    return { product: p, pos, components, score: hybridScore(components, weights), soft: softFlags[pos] === 1, pType: pType[pos], tie: jitters[pos] };
  };
  const ranked = candidates.map(scoreAt).sort((a, b) => b.score - a.score || a.tie - b.tie);
  trace("stage 2");

  // ---- Exploration slots + batch rules
  // within the first cards, a quiz with categories is explored inside those categories
  // (a quiz answer the swipes dropped is neither explored nor shown: quizDropped)
  const quizTypeHits = quizHas.type && n < BATCH_WINDOW ? S.i32(m) : null;
  if (quizTypeHits) hitsInto(poolIdx, quizTypeHits, S.u8(m), [K.articleType, quizFlags.articleType], [K.category, quizFlags.category]);
  let explorationPool: ExplorationPool | null = null; // built on the first exploration slot
  const explorePick = (allowed: (p: Product) => boolean): Scored | null => {
    explorationPool ??= {
      byType: groupByType(m, (i) => valueOf(K.articleType, F.type[poolIdx[i]])),
      colourOf: (i) => valueOf(K.colour, F.colour0[poolIdx[i]]),
      tie: jitters,
      score: cheap,
    };
    const inQuiz = quizTypeHits;
    const pos = pickExploration(explorationPool, state, rng, (i) => quizDropped[i] === 0 && (!inQuiz || inQuiz[i] > 0) && allowed(pool[i]));
    return pos < 0 ? null : scoreAt(pos);
  };
  // the best item of the whole eligible pool the batch rules allow (by the stage-1 score)
  const fallback = (allowed: (p: Product) => boolean): Scored | null => {
    let best = -1;
    for (let i = 0; i < m; i++) if ((best < 0 || cheap[i] > cheap[best]) && allowed(pool[i])) best = i;
    return best < 0 ? null : scoreAt(best);
  };
  const repeatUnit = BATCH_REPEAT_PENALTY * weights.taste;
  const shown = displayedBefore(state, input.context, F.indexOfId, products);
  const batch = assembleBatch(ranked, limit, {
    // a repeated not-yet-confirmed article type tells less than a first probe of another
    repeatPenalty: (item, sameType) => sameType * repeatUnit * (1 - item.pType),
    explore: { rate: epsilon(n), rng, pick: explorePick },
    context: shown,
    fallback,
    quota: quizHas.type ? quizQuota(state, input.context ?? [], shown, quizFlags, dropped, K) : null,
  });

  trace("batch");
  const out = batch.map((it): Recommendation => {
    const why = explain({
      product: it.product,
      keys: productKeys(it.product),
      components: it.components,
      weights,
      state,
      quiz,
      source: it.source,
      softExcluded: it.soft,
      visualFromQuiz,
      collabRaw: collabMap?.get(it.product.id) ?? null,
    });
    return {
      productId: it.product.id,
      product: it.product,
      score: it.score,
      components: it.components,
      weights,
      source: it.source,
      explanation: why.text,
      reason: why.reason,
    };
  });
  trace("explain");
  return out;
}

function noTrace(): void {}

/** The quiz without the answers the swipes dropped (for the content profile's quiz terms). */
function liveQuiz(quiz: QuizAnswers, dropped: { articleType: string[]; category: string[]; colour: string[] }): QuizAnswers {
  if (!dropped.articleType.length && !dropped.category.length && !dropped.colour.length) return quiz;
  const off = new Set([...dropped.articleType, ...dropped.category]);
  return {
    ...quiz,
    categories: quiz.categories.filter((c) => !off.has(attributeKey(c))),
    colours: quiz.colours.filter((c) => !dropped.colour.includes(attributeKey(c))),
  };
}

/**
 * The deck's first BATCH_WINDOW cards honour the quiz's categories (those the swipes have not
 * dropped): null once that many cards were shown, or when every quiz category was dropped.
 */
function quizQuota(
  state: PreferenceState,
  context: readonly number[],
  shown: readonly Product[],
  flags: { articleType: Uint8Array; category: Uint8Array },
  dropped: { articleType: string[]; category: string[] },
  K: ReturnType<typeof catalogFeatures>["kinds"],
): QuizQuota | null {
  const swiped = new Set(state.recent ?? []);
  const buffered = context.filter((id) => !swiped.has(id)).length;
  const before = feedbackCount(state) + buffered;
  if (before >= BATCH_WINDOW) return null;
  const off = new Set([...dropped.articleType, ...dropped.category]);
  const wanted = (kind: "articleType" | "category", v: string) => {
    const id = K[kind].idOf.get(v);
    return id !== undefined && flags[kind][id] === 1 && !off.has(v);
  };
  const inside = (p: Product) => {
    const k = productKeys(p);
    return k.articleType.some((v) => wanted("articleType", v)) || k.category.some((v) => wanted("category", v));
  };
  if (!Object.keys(state.quizValues.articleType).some((v) => !off.has(v))) return null;
  // the cards shown so far count (all of them while fewer than BATCH_WINDOW were shown)
  const outsideSoFar = before > 0 ? shown.slice(-before).filter((p) => !inside(p)).length : 0;
  return { inside, positions: BATCH_WINDOW - before, maxOutside: Math.max(0, QUIZ_FIRST_CARDS_OUTSIDE - outsideSoFar) };
}

/** The products shown before this batch, in display order: swipes only the state knows of, then `context`. */
function displayedBefore(state: PreferenceState, context: readonly number[] | undefined, indexOfId: ReadonlyMap<number, number>, products: readonly Product[]): Product[] {
  const given = context ?? [];
  const inContext = new Set(given);
  const ids = [...(state.recent ?? []).filter((id) => !inContext.has(id)), ...given].slice(-(BATCH_WINDOW - 1));
  const out: Product[] = [];
  for (const id of ids) {
    const c = indexOfId.get(id);
    if (c !== undefined) out.push(products[c]);
  }
  return out;
}

/** Catalog indices (ascending) of the candidate ids plus the positively scored collaborative items. */
function candidateIndices(indexOfId: ReadonlyMap<number, number>, ids: ReadonlySet<number>, collab: ReadonlyMap<number, number> | null): Int32Array {
  const seen = new Set<number>();
  for (const id of ids) {
    const c = indexOfId.get(id);
    if (c !== undefined) seen.add(c);
  }
  if (collab)
    for (const [id, score] of collab) {
      const c = score > 0 ? indexOfId.get(id) : undefined;
      if (c !== undefined) seen.add(c);
    }
  return Int32Array.from(seen).sort();
}
