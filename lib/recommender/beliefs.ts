// Conjunctive taste beliefs: a shopper likes an item when its article type is one they
// want AND its colour OR its style is one they like (with some swipe noise). We keep, per
// attribute value, the probability that it belongs to the shopper's taste and update it
// after every event by exact Bayes on that noisy AND/OR (assumed-density filtering: the
// per-value marginals stay factorised). This is what makes passes unambiguous enough to
// learn from: a pass on a wanted type in an unknown colour barely moves the type, a pass
// on a known-good colour in an untried type rules the type out.
// Pure: must not import anything outside lib/recommender.
import type { ProductKeys } from "./attributes";
import {
  BELIEF_COLOUR_PRIOR,
  BELIEF_MAX,
  BELIEF_MIN,
  BELIEF_NOISE,
  BELIEF_QUIZ,
  BELIEF_STYLE_PRIOR,
  BELIEF_STYLE_PRIOR_AFTER_QUIZ,
  BELIEF_SUPERLIKE_PARTIAL,
  BELIEF_TYPE_PRIOR,
} from "./config";
import type { AttributeTable, BeliefTable, FeedbackAction } from "./types";

export const BELIEF_KINDS = ["articleType", "colour", "style"] as const;
export type BeliefKind = (typeof BELIEF_KINDS)[number];
export type { BeliefTable };

export function emptyBeliefs(): BeliefTable {
  return { articleType: {}, colour: {}, style: {} };
}

/** Prior probability that `value` of `kind` is part of the taste, given the quiz answers. */
export function beliefPrior(kind: BeliefKind, value: string, quiz: AttributeTable): number {
  const q = quiz[kind];
  if (q[value]) return BELIEF_QUIZ;
  if (kind === "articleType") return BELIEF_TYPE_PRIOR;
  if (kind === "colour") return BELIEF_COLOUR_PRIOR;
  return Object.keys(q).length > 0 ? BELIEF_STYLE_PRIOR_AFTER_QUIZ : BELIEF_STYLE_PRIOR;
}

export function beliefOf(b: BeliefTable | undefined, quiz: AttributeTable, kind: BeliefKind, value: string): number {
  const v = b?.[kind][value];
  return v === undefined ? beliefPrior(kind, value, quiz) : v;
}

/** P(any of the values is in the taste) for independent per-value beliefs. */
function anyOf(ps: readonly number[]): number {
  let none = 1;
  for (const p of ps) none *= 1 - p;
  return 1 - none;
}

/** Likelihood of the observed action given (type wanted, colour matches, style matches). */
function likelihood(action: FeedbackAction, t: boolean, c: boolean, s: boolean): number {
  const likes = t && (c || s);
  if (action === "pass") return likes ? BELIEF_NOISE : 1 - BELIEF_NOISE;
  if (action === "like") return likes ? 1 - BELIEF_NOISE : BELIEF_NOISE;
  // superlike: a full match (colour and style) is the likeliest explanation
  if (!likes) return BELIEF_NOISE;
  return c && s ? 1 - BELIEF_NOISE : (1 - BELIEF_NOISE) * BELIEF_SUPERLIKE_PARTIAL;
}

/** E[L | one factor fixed] marginalising the other two independent factors. */
function expected(action: FeedbackAction, pt: number, pc: number, ps: number): number {
  let s = 0;
  for (const t of [true, false])
    for (const c of [true, false])
      for (const st of [true, false]) {
        const w = (t ? pt : 1 - pt) * (c ? pc : 1 - pc) * (st ? ps : 1 - ps);
        if (w > 0) s += w * likelihood(action, t, c, st);
      }
  return s;
}

function clamp(p: number): number {
  return p < BELIEF_MIN ? BELIEF_MIN : p > BELIEF_MAX ? BELIEF_MAX : p;
}

/** One Bayes step for every type / colour / style value of the product. Pure. */
export function updateBeliefs(
  prev: BeliefTable | undefined,
  quiz: AttributeTable,
  keys: ProductKeys,
  action: FeedbackAction,
): BeliefTable {
  const get = (kind: BeliefKind, v: string) => beliefOf(prev, quiz, kind, v);
  const types = keys.articleType;
  const colours = keys.colour;
  const styles = keys.style;
  const pt = anyOf(types.map((v) => get("articleType", v)));
  const pcs = colours.map((v) => get("colour", v));
  const pss = styles.map((v) => get("style", v));
  const pc = anyOf(pcs);
  const ps = anyOf(pss);
  const next: BeliefTable = {
    articleType: { ...prev?.articleType },
    colour: { ...prev?.colour },
    style: { ...prev?.style },
  };
  // a value v with belief p: posterior = p L1 / (p L1 + (1 - p) L0), where L1 = E[L | v in taste]
  // and L0 = E[L | v not in taste] (the other values of the same kind still may match)
  const post = (p: number, l1: number, l0: number) => clamp((p * l1) / (p * l1 + (1 - p) * l0 || 1));
  for (let i = 0; i < types.length; i++) {
    const p = get("articleType", types[i]);
    const rest = anyOf(types.filter((_, j) => j !== i).map((v) => get("articleType", v)));
    next.articleType[types[i]] = post(p, expected(action, 1, pc, ps), expected(action, rest, pc, ps));
  }
  for (let i = 0; i < colours.length; i++) {
    const rest = anyOf(pcs.filter((_, j) => j !== i));
    next.colour[colours[i]] = post(pcs[i], expected(action, pt, 1, ps), expected(action, pt, rest, ps));
  }
  for (let i = 0; i < styles.length; i++) {
    const rest = anyOf(pss.filter((_, j) => j !== i));
    next.style[styles[i]] = post(pss[i], expected(action, pt, pc, 1), expected(action, pt, pc, rest));
  }
  return next;
}

/** P(the observed action) under the beliefs before the event (the hypothesis weight update in taste-mixture.ts). */
export function beliefEvidence(b: BeliefTable | undefined, quiz: AttributeTable, keys: ProductKeys, action: FeedbackAction): number {
  const pt = anyOf(keys.articleType.map((v) => beliefOf(b, quiz, "articleType", v)));
  const pc = anyOf(keys.colour.map((v) => beliefOf(b, quiz, "colour", v)));
  const ps = anyOf(keys.style.map((v) => beliefOf(b, quiz, "style", v)));
  return expected(action, pt, pc, ps);
}

/**
 * P(like) of a product under the beliefs: noise + (1 - 2 noise) P(type) P(colour or style).
 * The one definition: rank.ts calls it per product with its column-wise P(type/colour/style).
 */
export function likeProbability(pt: number, pc: number, ps: number): number {
  return NOISE + (1 - 2 * NOISE) * pt * (1 - (1 - pc) * (1 - ps));
}
// a module-local copy: called once per product in rank.ts's hot loop, where reading an
// imported binding can cost a getter call (CommonJS-transpiled modules)
const NOISE = BELIEF_NOISE;

/** P(like) of one product from its keys (per-product form of what rank.ts computes per column). */
export function productLikeProbability(b: BeliefTable | undefined, quiz: AttributeTable, keys: ProductKeys): number {
  const pt = anyOf(keys.articleType.map((v) => beliefOf(b, quiz, "articleType", v)));
  const pc = anyOf(keys.colour.map((v) => beliefOf(b, quiz, "colour", v)));
  const ps = anyOf(keys.style.map((v) => beliefOf(b, quiz, "style", v)));
  return likeProbability(pt, pc, ps);
}
