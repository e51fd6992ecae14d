// Exploration: epsilon decaying with the feedback count, and the exploration draw rank.ts
// makes for an exploration slot: an article type the shopper has seen least (not uniform),
// then a colour within it the same way, then the best item of that group; injected rng.
// Pure: must not import anything outside lib/recommender.
import {
  BELIEF_TYPE_MIN_ITEMS,
  EPSILON_DECAY,
  EPSILON_FLOOR,
  EPSILON_START,
  EXPLORE_COLOUR_STEP,
  EXPLORE_SIZE_WEIGHT,
  EXPLORE_TOP_PER_GROUP,
} from "./config";
import { weightedIndex, type Rng } from "./random";
import type { PreferenceState } from "./types";

/** epsilon(n) = floor + (start - floor) * exp(-n / decay): 0.3 at n = 0 towards 0.05. */
export function epsilon(n: number): number {
  return EPSILON_FLOOR + (EPSILON_START - EPSILON_FLOOR) * Math.exp(-Math.max(0, n) / EPSILON_DECAY);
}

/** Weight of a group seen `count` times: strongly favours the least seen. */
function noveltyWeight(count: number): number {
  return 1 / ((1 + count) * (1 + count));
}

/** What the draw needs to know about the eligible pool (positions 0..n-1). */
export interface ExplorationPool {
  /** pool positions per article type key ("" when none), e.g. from groupByType */
  byType: ReadonlyMap<string, readonly number[]>;
  /** primary colour key of a position ("" when none) */
  colourOf: (pos: number) => string;
  /** seeded random key of a position: ties in `score` go to the lower key (never to the lower product id) */
  tie: ArrayLike<number>;
  /** higher is better: the draw returns one of the best EXPLORE_TOP_PER_GROUP of its group */
  score: ArrayLike<number>;
}

/** Positions 0..count-1 grouped by `typeOf` (in first-seen order). Build once per call. */
export function groupByType(count: number, typeOf: (pos: number) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    const t = typeOf(i);
    let list = groups.get(t);
    if (!list) groups.set(t, (list = []));
    list.push(i);
  }
  return groups;
}

/**
 * One exploration pick among the positions `allowed` accepts (the caller's batch rules): an
 * article type with weight 1/(1+seen)^2 (times min(1, its pool items / BELIEF_TYPE_MIN_ITEMS)),
 * then a colour within it with weight 1/(1+seen)^2, then one of the best EXPLORE_TOP_PER_GROUP
 * by score. Returns the pool position, or -1 when no position is allowed.
 */
export function pickExploration(pool: ExplorationPool, state: PreferenceState, rng: Rng, allowed: (pos: number) => boolean): number {
  const types: string[] = [];
  for (const [type, members] of pool.byType) if (members.some(allowed)) types.push(type);
  if (types.length === 0) return -1;
  types.sort();
  const ti = weightedIndex(
    rng,
    types.map((t) => noveltyWeight(state.seen.articleType[t] ?? 0) * (EXPLORE_SIZE_WEIGHT ? Math.min(1, pool.byType.get(t)!.length / BELIEF_TYPE_MIN_ITEMS) : 1)),
  );
  let members = pool.byType.get(types[ti])!.filter(allowed);
  if (EXPLORE_COLOUR_STEP) {
    const byColour = groupByType(members.length, (j) => pool.colourOf(members[j]));
    const colours = Array.from(byColour.keys()).sort();
    const ci = weightedIndex(rng, colours.map((c) => noveltyWeight(state.seen.colour[c] ?? 0)));
    members = byColour.get(colours[ci])!.map((j) => members[j]);
  }
  const { score, tie } = pool;
  const top = members.sort((a, b) => score[b] - score[a] || tie[a] - tie[b]).slice(0, EXPLORE_TOP_PER_GROUP);
  return top[Math.floor(rng() * top.length)];
}
