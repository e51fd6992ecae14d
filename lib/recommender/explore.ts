// Exploration: epsilon decaying with the feedback count, and exploration picks drawn from
// the article types / colours the shopper has seen least (not uniformly), with the injected rng.
// Pure: must not import anything outside lib/recommender.
import { productKeys } from "./attributes";
import { EPSILON_DECAY, EPSILON_FLOOR, EPSILON_START, EXPLORE_TOP_PER_GROUP } from "./config";
import { weightedIndex, type Rng } from "./random";
import type { PreferenceState, Product } from "./types";

/** epsilon(n) = floor + (start - floor) * exp(-n / decay): 0.3 at n = 0 towards 0.05. */
export function epsilon(n: number): number {
  return EPSILON_FLOOR + (EPSILON_START - EPSILON_FLOOR) * Math.exp(-Math.max(0, n) / EPSILON_DECAY);
}

/** Weight of a group seen `count` times: strongly favours the least seen. */
function noveltyWeight(count: number): number {
  return 1 / ((1 + count) * (1 + count));
}

/**
 * Picks one exploration item from `pool` (already hard-filtered and not excluded):
 * an article type drawn with weight 1/(1+seen)^2, then a colour within it the same way,
 * then one of the best EXPLORE_TOP_PER_GROUP by `score` (higher is better). Returns the
 * pool index, or -1. `allowed` lets the caller enforce batch rules.
 */
export function pickExploration(
  pool: readonly Product[],
  score: ArrayLike<number>,
  state: PreferenceState,
  rng: Rng,
  allowed: (p: Product, index: number) => boolean,
  typeWeight?: (type: string, members: number) => number,
  colourStep = true,
): number {
  const byType = new Map<string, number[]>();
  for (let i = 0; i < pool.length; i++) {
    if (!allowed(pool[i], i)) continue;
    const type = productKeys(pool[i]).articleType[0] ?? "";
    let list = byType.get(type);
    if (!list) byType.set(type, (list = []));
    list.push(i);
  }
  if (byType.size === 0) return -1;
  const types = Array.from(byType.keys()).sort();
  const ti = weightedIndex(rng, types.map((t) => noveltyWeight(state.seen.articleType[t] ?? 0) * (typeWeight ? typeWeight(t, byType.get(t)!.length) : 1)));
  const members = byType.get(types[ti])!;
  if (!colourStep) {
    const sorted = members.slice().sort((a, b) => score[b] - score[a] || pool[a].id - pool[b].id).slice(0, EXPLORE_TOP_PER_GROUP);
    return sorted[Math.floor(rng() * sorted.length)];
  }
  const byColour = new Map<string, number[]>();
  for (const i of members) {
    const c = productKeys(pool[i]).colour[0] ?? "";
    let list = byColour.get(c);
    if (!list) byColour.set(c, (list = []));
    list.push(i);
  }
  const colours = Array.from(byColour.keys()).sort();
  const ci = weightedIndex(rng, colours.map((c) => noveltyWeight(state.seen.colour[c] ?? 0)));
  const group = byColour.get(colours[ci])!.slice().sort((a, b) => score[b] - score[a] || pool[a].id - pool[b].id);
  const top = group.slice(0, EXPLORE_TOP_PER_GROUP);
  return top[Math.floor(rng() * top.length)];
}
