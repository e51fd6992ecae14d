// Hybrid blend: the taste model's share (TASTE_SHARE) and the content / collaborative /
// visual schedule by feedback count (BLEND_SCHEDULE), with the shares of unavailable
// signals redistributed, and the final score: every signal is in [0, 1], so the weights are
// the shares that rank. Explanations live in explain.ts.
// Pure: must not import anything outside lib/recommender.
import { BLEND_SCHEDULE, TASTE_SHARE } from "./config";
import type { BlendWeights, ScoreComponents } from "./types";

export type SignalAvailability = { taste: boolean; content: boolean; collaborative: boolean; visual: boolean };

/** Schedule weights for n; unavailable signals give their weight to the others in proportion. */
export function blendWeights(n: number, available: SignalAvailability): BlendWeights {
  const base = (BLEND_SCHEDULE.find((s) => n < s.maxN) ?? BLEND_SCHEDULE[BLEND_SCHEDULE.length - 1]).weights;
  const kept = {
    content: available.content ? base.content : 0,
    collaborative: available.collaborative ? base.collaborative : 0,
    visual: available.visual ? base.visual : 0,
  };
  const total = kept.content + kept.collaborative + kept.visual;
  const taste = available.taste ? (total > 0 ? TASTE_SHARE : 1) : 0;
  if (total <= 0) return { taste, content: 0, collaborative: 0, visual: 0 };
  const rest = 1 - taste;
  return { taste, content: (rest * kept.content) / total, collaborative: (rest * kept.collaborative) / total, visual: (rest * kept.visual) / total };
}

/** The collaborative signal is available when the served model scores some item positively for this shopper. */
export function collabAvailable(scores: ReadonlyMap<number, number> | null): boolean {
  if (!scores) return false;
  for (const s of scores.values()) if (s > 0) return true;
  return false;
}

/** Final score: the weighted signals minus the penalty. */
export function hybridScore(c: ScoreComponents, w: BlendWeights): number {
  return w.taste * c.taste + w.content * (c.content ?? 0) + w.collaborative * (c.collaborative ?? 0) + w.visual * (c.visual ?? 0) - c.penalty;
}
