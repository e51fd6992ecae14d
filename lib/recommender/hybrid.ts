// Hybrid blend: adaptive weights by feedback count with redistribution of unavailable
// signals, the final score, and data-driven explanations.
// Pure: must not import anything outside lib/recommender.
import type { ProductKeys } from "./attributes";
import { BLEND_SCHEDULE, EXPLAIN_MIN_PREF, PREFERENCE_WEIGHT } from "./config";
import type { BlendWeights, PreferenceState, Product, ScoreComponents } from "./types";

export type SignalAvailability = { content: boolean; collaborative: boolean; visual: boolean };

/** Schedule weights for n; unavailable signals give their weight to the others in proportion. */
export function blendWeights(n: number, available: SignalAvailability): BlendWeights {
  const base = (BLEND_SCHEDULE.find((s) => n < s.maxN) ?? BLEND_SCHEDULE[BLEND_SCHEDULE.length - 1]).weights;
  const kept = {
    content: available.content ? base.content : 0,
    collaborative: available.collaborative ? base.collaborative : 0,
    visual: available.visual ? base.visual : 0,
  };
  const total = kept.content + kept.collaborative + kept.visual;
  if (total <= 0) return { content: 0, collaborative: 0, visual: 0 };
  return { content: kept.content / total, collaborative: kept.collaborative / total, visual: kept.visual / total };
}

/** Final score from normalised components, preference and penalty. */
export function hybridScore(c: ScoreComponents, w: BlendWeights): number {
  return (
    w.content * (c.content ?? 0) +
    w.collaborative * (c.collaborative ?? 0) +
    w.visual * (c.visual ?? 0) +
    PREFERENCE_WEIGHT * c.preference -
    c.penalty
  );
}

export interface ExplainInput {
  product: Product;
  keys: ProductKeys;
  components: ScoreComponents;
  weights: BlendWeights;
  state: PreferenceState;
  source: "ranked" | "explore";
  softExcluded: boolean;
  /** true when the visual profile is the quiz text embedding (no liked images yet) */
  visualFromQuiz: boolean;
}

function lower(s: string): string {
  return s.trim().toLowerCase();
}

/** Product attribute display values the shopper has liked before (EMA positive). */
function likedAttributes(x: ExplainInput): string[] {
  const { product, keys, state } = x;
  const out: string[] = [];
  const liked = (kind: "colour" | "style" | "articleType", key: string) =>
    (state.likeCounts[kind][key] ?? 0) > 0 && (state.prefs[kind][key] ?? 0) > EXPLAIN_MIN_PREF;
  const ci = keys.colour.findIndex((k) => liked("colour", k));
  if (ci >= 0) out.push(lower(product.colours[ci] ?? keys.colour[ci]));
  const si = keys.style.findIndex((k) => liked("style", k));
  if (si >= 0) out.push(lower(product.styles[si] ?? keys.style[si]));
  if (keys.articleType[0] && liked("articleType", keys.articleType[0])) out.push(lower(product.articleType));
  return out;
}

function quizMatches(x: ExplainInput): string[] {
  const { product, keys, state } = x;
  const q = state.quizValues;
  const out: string[] = [];
  keys.colour.forEach((k, i) => q.colour[k] && out.push(lower(product.colours[i] ?? k)));
  keys.style.forEach((k, i) => q.style[k] && out.push(lower(product.styles[i] ?? k)));
  if (keys.brand[0] && q.brand[keys.brand[0]]) out.push(product.brand);
  if ((keys.articleType[0] && q.articleType[keys.articleType[0]]) || keys.category.some((k) => q.category[k]))
    out.push(lower(product.articleType));
  return Array.from(new Set(out)).slice(0, 3);
}

/** "Why this item": built from the strongest component and the matched attributes. */
export function explain(x: ExplainInput): string {
  const { product, components: c, weights: w, state } = x;
  const type = lower(product.articleType) || lower(product.category) || "items";
  const suffix = x.softExcluded ? " (shown again: you passed it once)" : "";
  if (x.source === "explore") {
    const colour = product.colours[0] ? `${lower(product.colours[0])} ` : "";
    return `Something new: exploring ${colour}${type}${suffix}`;
  }
  const liked = likedAttributes(x);
  const quiz = quizMatches(x);
  const contrib = {
    collaborative: w.collaborative * (c.collaborative ?? 0),
    visual: w.visual * (c.visual ?? 0),
    content: w.content * (c.content ?? 0),
  };
  const likes = state.counts.like + state.counts.superlike;
  if (c.collaborative !== null && c.collaborative >= 0.75 && contrib.collaborative >= Math.max(contrib.visual, contrib.content))
    return `Shoppers with taste like yours liked this${suffix}`;
  if (liked.length > 0) {
    const [first, ...rest] = liked;
    const phrase = liked.includes(lower(product.articleType)) ? liked.join(" ") : `${[first, ...rest].join(" ")} ${type}`;
    return `Because you liked ${phrase}${suffix}`;
  }
  if (c.visual !== null && c.visual >= 0.75 && contrib.visual >= contrib.content) {
    return x.visualFromQuiz || likes === 0
      ? `Close to the look you described in the quiz${suffix}`
      : `Similar in look to items you liked${suffix}`;
  }
  if (quiz.length > 0) return `Matches your quiz: ${quiz.join(", ")}${suffix}`;
  if (likes > 0 && c.content !== null && c.content >= 0.5) return `Similar in description to items you liked${suffix}`;
  const colour = product.colours[0] ? `${lower(product.colours[0])} ` : "";
  return `Getting to know your taste: ${colour}${type}${suffix}`;
}
