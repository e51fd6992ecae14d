// Taste shapes beside the conjunctive belief model (beliefs.ts: type AND (colour OR style)):
// a shopper may instead want a colour across types, some article types in any colour, or a
// descriptor (a season, a pattern, a word of the product name such as "printed", "striped"
// or "polo"). Each alternative is a single-factor hypothesis "like = the item has a value
// in the taste" with its own per-value beliefs, updated by exact Bayes on every event like
// beliefs.ts; the hypotheses' weights are updated by how well each predicted the event
// (Bayesian model averaging). P(like) for ranking = the weighted mean over the hypotheses,
// so a season or a name-word taste gets its own evidence and holds up instead of fading.
// Pure: must not import anything outside lib/recommender.
import { productKeys } from "./attributes";
import { BELIEF_MAX, BELIEF_MIN, BELIEF_NOISE, BELIEF_QUIZ } from "./config";
import { attributeKey, tokenize } from "./text";
import type { AttributeTable, FeedbackAction, Product, TasteMixture } from "./types";

export type { TasteMixture };
export const MIXTURE_FACTORS = ["colour", "type", "descriptor"] as const;
export type MixtureFactor = (typeof MIXTURE_FACTORS)[number];

/** Prior weight of each hypothesis ("conjunctive" = beliefs.ts). */
export const MIXTURE_PRIOR = { conjunctive: 0.7, colour: 0.1, type: 0.1, descriptor: 0.1 } as const;
/** No hypothesis weight falls below this (a taste can still turn out to be another shape). */
export const MIXTURE_MIN_WEIGHT = 0.02;
/** Prior P(value is in the taste) per factor for values not picked in the quiz. */
export const FACTOR_PRIOR: Record<MixtureFactor, number> = { colour: 0.08, type: 0.1, descriptor: 0.03 };

const descriptorCache = new WeakMap<Product, string[]>();

/**
 * A product's descriptor values: its season, its pattern and the words of its name that
 * are not its brand, article type, colours or gender ("season:summer", "pattern:striped",
 * "term:polo"). Memoised per product object.
 */
export function productDescriptors(p: Product): string[] {
  const hit = descriptorCache.get(p);
  if (hit) return hit;
  const skip = new Set([...tokenize(p.brand), ...tokenize(p.articleType), ...p.colours.flatMap(tokenize), ...tokenize(p.gender), "men", "women", "unisex", "boy", "girl", "kid"]);
  const out = new Set<string>();
  if (p.season) out.add(`season:${attributeKey(p.season)}`);
  if (p.pattern) out.add(`pattern:${attributeKey(p.pattern)}`);
  for (const t of tokenize(p.name)) if (t.length > 2 && !skip.has(t) && !/\d/.test(t)) out.add(`term:${t}`);
  const list = Array.from(out);
  descriptorCache.set(p, list);
  return list;
}

export function emptyMixture(): TasteMixture {
  return { weights: { ...MIXTURE_PRIOR }, colour: {}, type: {}, descriptor: {} };
}

/** Prior of a value of one factor given the quiz (quiz colours / categories start at BELIEF_QUIZ). */
export function factorPrior(factor: MixtureFactor, value: string, quiz: AttributeTable): number {
  if (factor === "colour" && quiz.colour[value]) return BELIEF_QUIZ;
  if (factor === "type" && (quiz.articleType[value] || quiz.category[value])) return BELIEF_QUIZ;
  return FACTOR_PRIOR[factor];
}

export function factorBelief(m: TasteMixture | undefined, quiz: AttributeTable, factor: MixtureFactor, value: string): number {
  const v = m?.[factor][value];
  return v === undefined ? factorPrior(factor, value, quiz) : v;
}

/** The values of a product for each factor. */
export function factorValues(p: Product): Record<MixtureFactor, string[]> {
  const k = productKeys(p);
  return { colour: k.colour, type: k.articleType, descriptor: productDescriptors(p) };
}

const clamp = (p: number) => (p < BELIEF_MIN ? BELIEF_MIN : p > BELIEF_MAX ? BELIEF_MAX : p);

/** Likelihood of the action when the item is (in = true) or is not in the taste. */
function lik(action: FeedbackAction, inTaste: boolean): number {
  return action === "pass" ? (inTaste ? BELIEF_NOISE : 1 - BELIEF_NOISE) : inTaste ? 1 - BELIEF_NOISE : BELIEF_NOISE;
}

/** P(like) of an item whose values include one in the taste with probability `any`. */
export function factorLike(any: number): number {
  return BELIEF_NOISE + (1 - 2 * BELIEF_NOISE) * any;
}

/**
 * One event: every factor's values move by exact Bayes under "like = any value in the
 * taste", and the hypothesis weights by each one's predictive probability of the action
 * (`conjunctiveEvidence`: beliefs.ts beliefEvidence for the same event, before it).
 */
export function updateMixture(prev: TasteMixture | undefined, quiz: AttributeTable, p: Product, action: FeedbackAction, conjunctiveEvidence: number): TasteMixture {
  const m = prev ?? emptyMixture();
  const values = factorValues(p);
  const next: TasteMixture = { weights: { ...m.weights }, colour: { ...m.colour }, type: { ...m.type }, descriptor: { ...m.descriptor } };
  const evidence: Record<MixtureFactor | "conjunctive", number> = { conjunctive: conjunctiveEvidence, colour: 0, type: 0, descriptor: 0 };
  for (const f of MIXTURE_FACTORS) {
    const ps = values[f].map((v) => factorBelief(m, quiz, f, v));
    let none = 1;
    for (const x of ps) none *= 1 - x;
    evidence[f] = (1 - none) * lik(action, true) + none * lik(action, false);
    ps.forEach((x, i) => {
      let restNone = 1;
      ps.forEach((y, j) => j !== i && (restNone *= 1 - y));
      const l1 = lik(action, true);
      const l0 = (1 - restNone) * lik(action, true) + restNone * lik(action, false);
      next[f][values[f][i]] = clamp((x * l1) / (x * l1 + (1 - x) * l0 || 1));
    });
  }
  let total = 0;
  for (const h of ["conjunctive", ...MIXTURE_FACTORS] as const) total += next.weights[h] = m.weights[h] * evidence[h];
  for (const h of ["conjunctive", ...MIXTURE_FACTORS] as const) next.weights[h] = Math.max(MIXTURE_MIN_WEIGHT, next.weights[h] / (total || 1));
  const sum = next.weights.conjunctive + next.weights.colour + next.weights.type + next.weights.descriptor;
  for (const h of ["conjunctive", ...MIXTURE_FACTORS] as const) next.weights[h] /= sum;
  return next;
}

/**
 * P(some value is in the taste) as ranking uses it: any-of for colours and types (a product
 * has one or two), the largest belief for descriptors (a product has several name words, and
 * any-of over priors alone would favour long names before any evidence).
 */
export function rankingAny(f: MixtureFactor, beliefs: readonly number[]): number {
  if (f === "descriptor") return beliefs.reduce((a, b) => Math.max(a, b), 0);
  let none = 1;
  for (const b of beliefs) none *= 1 - b;
  return 1 - none;
}

/**
 * P(like) of one product under the whole mixture: the conjunctive model's (`conjunctive`,
 * from beliefs.ts) and each factor's, weighted by the hypothesis weights. The per-product
 * form of what rank.ts computes per attribute column.
 */
export function mixtureLikeProbability(m: TasteMixture | undefined, quiz: AttributeTable, p: Product, conjunctive: number): number {
  const w = (m ?? emptyMixture()).weights;
  const values = factorValues(p);
  let s = w.conjunctive * conjunctive;
  for (const f of MIXTURE_FACTORS) s += w[f] * factorLike(rankingAny(f, values[f].map((v) => factorBelief(m, quiz, f, v))));
  return s;
}

/** Belief per value id of one factor (for rank.ts's column passes): prior, quiz answers, then learned values. */
export function factorTable(values: readonly string[], idOf: ReadonlyMap<string, number>, m: TasteMixture | undefined, quiz: AttributeTable, factor: MixtureFactor): Float64Array {
  const t = new Float64Array(values.length).fill(FACTOR_PRIOR[factor]);
  const quizKeys = factor === "colour" ? Object.keys(quiz.colour) : factor === "type" ? [...Object.keys(quiz.articleType), ...Object.keys(quiz.category)] : [];
  for (const v of quizKeys) {
    const id = idOf.get(v);
    if (id !== undefined) t[id] = BELIEF_QUIZ;
  }
  if (m)
    for (const [v, x] of Object.entries(m[factor])) {
      const id = idOf.get(v);
      if (id !== undefined) t[id] = x;
    }
  return t;
}
