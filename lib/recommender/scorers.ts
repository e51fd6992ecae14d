// Uniform ranker adapters for the contract test and the eval CLI: each single signal
// (content, collaborative, visual), the hybrid `recommend`, and the random / popularity
// baselines, all honouring the same hard filters and exclusions.
// Pure: must not import anything outside lib/recommender.
import { contentScores } from "./content";
import { SOFT_EXCLUSION_PENALTY } from "./config";
import { minMax } from "./normalise";
import { recommend, type RecommendInput } from "./rank";
import { eligibility } from "./rules";
import { popularityFor, type Popularity } from "./simulate";
import type { Product } from "./types";
import { visualProfile, visualScores } from "./visual";

export type Ranker = (input: RecommendInput) => Product[];

/** Eligible products (rules.ts eligibility, as in recommend) and their soft-exclusion flags. */
export function eligible(input: RecommendInput): { pool: Product[]; soft: boolean[] } {
  const status = eligibility(input.quiz, input.state, input.excludeIds);
  const pool: Product[] = [];
  const soft: boolean[] = [];
  for (const p of input.products) {
    const s = status(p);
    if (s === "hard") continue;
    pool.push(p);
    soft.push(s === "soft");
  }
  return { pool, soft };
}

/** Sorts the pool by score (min-max normalised) minus the soft-exclusion penalty; ties by id. */
function rankByScores(pool: Product[], soft: boolean[], raw: ArrayLike<number> | null, limit: number): Product[] {
  const norm = raw ? minMax(raw) : new Float64Array(pool.length);
  const order = pool.map((_, i) => i);
  const key = (i: number) => norm[i] - (soft[i] ? SOFT_EXCLUSION_PENALTY + 1 : 0);
  order.sort((a, b) => key(b) - key(a) || pool[a].id - pool[b].id);
  return order.slice(0, limit).map((i) => pool[i]);
}

export const contentRanker: Ranker = (input) => {
  const { pool, soft } = eligible(input);
  return rankByScores(pool, soft, contentScores(input.contentIndex, input.quiz, input.state, pool), input.limit);
};

export const visualRanker: Ranker = (input) => {
  const { pool, soft } = eligible(input);
  const profile = visualProfile(input.state, input.vectors, input.quizTextVector);
  return rankByScores(pool, soft, visualScores(profile, input.vectors?.modelId ?? null, input.vectors, pool), input.limit);
};

export const collaborativeRanker: Ranker = (input) => {
  const { pool, soft } = eligible(input);
  const scores = input.collabScores;
  return rankByScores(pool, soft, scores ? pool.map((p) => scores.get(p.id) ?? 0) : null, input.limit);
};

export const hybridRanker: Ranker = (input) => recommend(input).map((r) => r.product);

/** Seeded random order; soft-excluded items after the others. */
export const randomRanker: Ranker = (input) => {
  const { pool, soft } = eligible(input);
  const keys = pool.map(() => input.rng());
  const order = pool.map((_, i) => i).sort((a, b) => (soft[a] ? 1 : 0) - (soft[b] ? 1 : 0) || keys[a] - keys[b]);
  return order.slice(0, input.limit).map((i) => pool[i]);
};

/** Most popular for the quiz segment first (popularity from popularityFromSimulation), soft-excluded last. */
export function popularityRanker(popularity: Popularity): Ranker {
  return (input) => {
    const { pool, soft } = eligible(input);
    const pop = popularityFor(popularity, input.quiz);
    return rankByScores(pool, soft, pool.map((p) => pop.get(p.id) ?? 0), input.limit);
  };
}
