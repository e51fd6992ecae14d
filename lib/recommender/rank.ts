// The two-stage recommendation pipeline: stage 1 cheap candidate scoring over the whole
// catalog (hard filters, exclusions, visual + attribute + quiz score), stage 2 full hybrid
// on the top candidates, then epsilon-greedy exploration slots and batch rules.
// Pure: must not import anything outside lib/recommender.
import { preferenceScorer, productKeys, quizScorer } from "./attributes";
import { buildCollabIndex, ratingsFromState, userKnnScores, type CollabUser } from "./collaborative";
import {
  CANDIDATE_STAGE_SIZE,
  CHEAP_JITTER,
  CHEAP_WEIGHTS,
  COLLAB_CANDIDATES,
} from "./config";
import { buildContentProfile, contentScoreMixed, recentLikedDocs, type ContentIndex } from "./content";
import { epsilon, pickExploration } from "./explore";
import { blendWeights, explain, hybridScore } from "./hybrid";
import { feedbackCount } from "./learning";
import { minMaxScaler } from "./normalise";
import type { Rng } from "./random";
import { BatchBuilder, exclusions, hardFilter, penaltyScorer, type ExclusionStatus } from "./rules";
import type { PreferenceState, Product, QuizAnswers, Recommendation, ScoreComponents } from "./types";
import { dotRow, packVectors, visualProfile, type VectorSet } from "./visual";

export interface RecommendInput {
  /** the catalog (or candidate universe); keep the objects stable between calls (memoised keys) */
  products: readonly Product[];
  quiz: QuizAnswers;
  state: PreferenceState;
  /** built once per catalog version with buildContentIndex */
  contentIndex: ContentIndex;
  /** image embeddings of one model; null when there are none */
  vectors: VectorSet | null;
  /** embedding of the quiz prompt from the same model as `vectors` (cold-start visual profile) */
  quizTextVector: Float32Array | null;
  /** other shoppers' ratings for user-kNN; keep the same array between calls (index memoised) */
  collaborative: { others: ReadonlyArray<CollabUser<number>>; selfId?: string } | null;
  limit: number;
  /** ids never to return (e.g. cards already in the client's buffer) */
  excludeIds?: Iterable<number>;
  rng: Rng;
  /** injected time (reserved: the current scorer is time-independent) */
  now: number;
}

interface Scored {
  product: Product;
  pos: number; // index in the stage-1 pool
  components: ScoreComponents;
  score: number;
  soft: boolean;
}

/** Top `k` pool positions by score (ties by product id), in descending order. */
function topK(scores: Float64Array, pool: readonly Product[], k: number): number[] {
  const n = scores.length;
  if (n <= k) return Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || pool[a].id - pool[b].id);
  const sorted = Float64Array.from(scores).sort();
  const threshold = sorted[n - k];
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (scores[i] > threshold) out.push(i);
  const ties: number[] = [];
  for (let i = 0; i < n; i++) if (scores[i] === threshold) ties.push(i);
  ties.sort((a, b) => pool[a].id - pool[b].id);
  for (const i of ties) if (out.length < k) out.push(i);
  return out.sort((a, b) => scores[b] - scores[a] || pool[a].id - pool[b].id);
}

export function recommend(input: RecommendInput): Recommendation[] {
  const { products, quiz, state, contentIndex, vectors, rng } = input;
  const limit = Math.max(0, Math.floor(input.limit));
  if (limit === 0) return [];
  const n = feedbackCount(state);
  const filter = hardFilter(quiz);
  const exclusionOf = exclusions(state);
  const excludeIds = new Set(input.excludeIds ?? []);

  // ---- Stage 1: filters + cheap score over the whole catalog
  const pool: Product[] = [];
  const status: ExclusionStatus[] = [];
  for (const p of products) {
    if (excludeIds.has(p.id) || !filter(p)) continue;
    const st = exclusionOf(p.id);
    if (st === "hard") continue;
    pool.push(p);
    status.push(st);
  }
  if (pool.length === 0) return [];

  const profile = visualProfile(state, vectors, input.quizTextVector);
  const visualFromQuiz = profile !== null && !(state.visual && state.visual.modelId === vectors?.modelId && state.visual.likes > 0);
  const visualRaw = profile ? new Float64Array(pool.length) : null;
  if (visualRaw && profile && vectors) {
    const packed = packVectors(vectors.byId);
    const q = Float64Array.from(profile);
    const ok = packed.dim === profile.length;
    for (let i = 0; i < pool.length; i++) {
      const row = ok ? packed.rows.get(pool[i].id) : undefined;
      visualRaw[i] = row === undefined ? 0 : dotRow(packed.data, row, packed.dim, q);
    }
  }
  const visualScale = visualRaw ? minMaxScaler(visualRaw) : null;
  const pref = new Float64Array(pool.length);
  const penalty = new Float64Array(pool.length);
  const cheap = new Float64Array(pool.length);
  const prefOf = preferenceScorer(state);
  const quizOf = quizScorer(state.quizValues);
  const penaltyOf = penaltyScorer(state);
  const wVisual = CHEAP_WEIGHTS.visual;
  const wPref = CHEAP_WEIGHTS.preference;
  const wQuiz = CHEAP_WEIGHTS.quiz;
  const jitter = CHEAP_JITTER;
  for (let i = 0; i < pool.length; i++) {
    const keys = productKeys(pool[i]);
    pref[i] = prefOf(keys);
    penalty[i] = penaltyOf(pool[i], status[i]);
    cheap[i] =
      (visualScale && visualRaw ? wVisual * visualScale(visualRaw[i]) : 0) +
      wPref * pref[i] +
      wQuiz * quizOf(keys) -
      penalty[i] +
      jitter * rng();
  }
  const chosen = new Set(topK(cheap, pool, CANDIDATE_STAGE_SIZE));

  // collaborative scores (null = no neighbours); their top items join the candidates
  const collabMap = input.collaborative
    ? userKnnScores(ratingsFromState(state), buildCollabIndex(input.collaborative.others), { excludeUserId: input.collaborative.selfId })
    : null;
  if (collabMap) {
    const collabPool = new Float64Array(pool.length);
    for (let i = 0; i < pool.length; i++) collabPool[i] = collabMap.get(pool[i].id) ?? -Infinity;
    for (const i of topK(collabPool, pool, COLLAB_CANDIDATES)) if (collabPool[i] > 0) chosen.add(i);
  }
  const candidates = Array.from(chosen);

  // ---- Stage 2: full hybrid on the candidates
  const contentProfile = buildContentProfile(contentIndex, quiz, state);
  const likedDocs = recentLikedDocs(contentIndex, state);
  const contentOf = (id: number) => (contentProfile ? contentScoreMixed(contentIndex, contentProfile, likedDocs, id) : 0);
  const contentRaw = contentProfile ? candidates.map((i) => contentOf(pool[i].id)) : null;
  const collabRaw = collabMap ? candidates.map((i) => collabMap.get(pool[i].id) ?? 0) : null;
  const visualCand = visualRaw ? candidates.map((i) => visualRaw[i]) : null;
  const scale = {
    content: contentRaw ? minMaxScaler(contentRaw) : null,
    collaborative: collabRaw ? minMaxScaler(collabRaw) : null,
    visual: visualCand ? minMaxScaler(visualCand) : null,
  };
  const weights = blendWeights(n, {
    content: contentRaw !== null,
    collaborative: collabRaw !== null,
    visual: visualCand !== null,
  });
  const scoreAt = (pos: number): Scored => {
    const p = pool[pos];
    const components: ScoreComponents = {
      content: scale.content ? scale.content(contentOf(p.id)) : null,
      collaborative: scale.collaborative && collabMap ? scale.collaborative(collabMap.get(p.id) ?? 0) : null,
      visual: scale.visual && visualRaw ? scale.visual(visualRaw[pos]) : null,
      preference: pref[pos],
      penalty: penalty[pos],
    };
    return { product: p, pos, components, score: hybridScore(components, weights), soft: status[pos] === "soft" };
  };
  const ranked = candidates.map(scoreAt).sort((a, b) => b.score - a.score || a.product.id - b.product.id);

  // ---- Exploration slots + batch rules
  const eps = epsilon(n);
  const batch = new BatchBuilder<Scored & { source: "ranked" | "explore" }>();
  const deferred: Scored[] = [];
  let next = 0;
  while (batch.items.length < limit) {
    if (rng() < eps) {
      const pos = pickExploration(pool, cheap, state, rng, (p) => batch.canAdd(p));
      if (pos >= 0) {
        batch.add({ ...scoreAt(pos), source: "explore" });
        continue;
      }
    }
    let added = false;
    while (next < ranked.length) {
      const item = ranked[next++];
      if (batch.has(item.product.id)) continue;
      if (batch.canAdd(item.product)) {
        batch.add({ ...item, source: "ranked" });
        added = true;
        break;
      }
      deferred.push(item);
    }
    if (!added) {
      // rules cannot be met from the candidates: backfill in rank order, then stop
      const item = deferred.shift();
      if (!item) break;
      batch.add({ ...item, source: "ranked" });
    }
  }

  return batch.items.map((it) => ({
    productId: it.product.id,
    product: it.product,
    score: it.score,
    components: it.components,
    weights,
    source: it.source,
    explanation: explain({
      product: it.product,
      keys: productKeys(it.product),
      components: it.components,
      weights,
      state,
      source: it.source,
      softExcluded: it.soft,
      visualFromQuiz,
    }),
  }));
}
