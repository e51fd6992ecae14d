// Product attribute keys (normalised values per attribute kind), price bands and the
// attribute-preference score shared by stage 1, stage 2 and explanations.
// Pure: must not import anything outside lib/recommender.
import {
  AFFINITY_QUIZ_PSEUDO_LIKES,
  AFFINITY_SMOOTHING,
  ATTRIBUTE_WEIGHTS,
  PREFERENCE_AFFINITY_SHARE,
  LOGIT_FEATURE_SCALE,
  PREFERENCE_EMA_SHARE,
  PREFERENCE_LOGIT_SHARE,
  PRICE_BANDS,
} from "./config";
import { attributeKey } from "./text";
import { ATTRIBUTE_KINDS, type AttributeKind, type AttributeTable, type PreferenceState, type Product } from "./types";

/** Normalised attribute values of a product, per kind. */
export type ProductKeys = Record<AttributeKind, string[]>;

export function priceBand(priceCents: number | null): string | null {
  if (priceCents === null || !Number.isFinite(priceCents)) return null;
  for (const band of PRICE_BANDS) if (priceCents < band.maxCents) return band.id;
  return PRICE_BANDS[PRICE_BANDS.length - 1].id;
}

const keyCache = new WeakMap<Product, ProductKeys>();

/** Attribute keys of a product (memoised per product object). */
export function productKeys(p: Product): ProductKeys {
  const hit = keyCache.get(p);
  if (hit) return hit;
  const uniq = (xs: string[]) => Array.from(new Set(xs.filter((x) => x.length > 0)));
  const band = priceBand(p.priceCents);
  const keys: ProductKeys = {
    colour: uniq(p.colours.map(attributeKey)),
    style: uniq(p.styles.map(attributeKey)),
    articleType: p.articleType ? [attributeKey(p.articleType)] : [],
    category: uniq([p.category, p.subcategory].filter(Boolean).map(attributeKey)),
    brand: p.brand ? [attributeKey(p.brand)] : [],
    priceBand: band ? [band] : [],
  };
  keyCache.set(p, keys);
  return keys;
}

export function emptyTable(): AttributeTable {
  return { colour: {}, style: {}, articleType: {}, category: {}, brand: {}, priceBand: {} };
}

const WEIGHT_SUM = ATTRIBUTE_KINDS.reduce((s, k) => s + ATTRIBUTE_WEIGHTS[k], 0);

/**
 * Preference score: weighted mean over kinds of the mean EMA of the product's values.
 * Roughly in [PREF_MIN, PREF_MAX]; 0 when nothing is known.
 */
export function preferenceScore(keys: ProductKeys, prefs: AttributeTable): number {
  let s = 0;
  for (const kind of ATTRIBUTE_KINDS) {
    const values = keys[kind];
    if (values.length === 0) continue;
    const table = prefs[kind];
    let sum = 0;
    for (const v of values) sum += table[v] ?? 0;
    s += ATTRIBUTE_WEIGHTS[kind] * (sum / values.length);
  }
  return s / WEIGHT_SUM;
}

/**
 * Affinity: per kind, mean over the product's values of log(rate_v / rate_all) where
 * rate_v = (likes_v + M * rate_all) / (likes_v + passes_v + M) and quiz answers add pseudo-likes;
 * weighted sum over kinds (normalised by the weight sum). 0 when nothing is known.
 */
export function affinityScore(keys: ProductKeys, state: PreferenceState): number {
  const likes = state.counts.like + state.counts.superlike;
  const all = (likes + 1) / (likes + state.counts.pass + 2);
  let s = 0;
  for (const kind of ATTRIBUTE_KINDS) {
    const values = keys[kind];
    if (values.length === 0) continue;
    const lc = state.likeCounts[kind];
    const pc = state.passCounts[kind];
    const quiz = state.quizValues[kind];
    let sum = 0;
    for (const v of values) {
      const l = (lc[v] ?? 0) + (quiz[v] ? AFFINITY_QUIZ_PSEUDO_LIKES : 0);
      const n = l + (pc[v] ?? 0);
      if (n === 0) continue;
      sum += Math.log((l + AFFINITY_SMOOTHING * all) / (n + AFFINITY_SMOOTHING) / all);
    }
    s += ATTRIBUTE_WEIGHTS[kind] * (sum / values.length);
  }
  return s / WEIGHT_SUM;
}

/** Features of a product for the logistic model: [kind, value, x] triples. */
export function logitFeatures(keys: ProductKeys): Array<[AttributeKind, string, number]> {
  const out: Array<[AttributeKind, string, number]> = [];
  for (const kind of ATTRIBUTE_KINDS) {
    const values = keys[kind];
    for (const v of values) out.push([kind, v, LOGIT_FEATURE_SCALE[kind] / values.length]);
  }
  return out;
}

/** Logistic model margin without the bias: sum of w * x over the product's features. */
export function logitMargin(keys: ProductKeys, weights: AttributeTable): number {
  let s = 0;
  for (const kind of ATTRIBUTE_KINDS) {
    const values = keys[kind];
    if (values.length === 0) continue;
    const table = weights[kind];
    let sum = 0;
    for (const v of values) sum += table[v] ?? 0;
    s += (LOGIT_FEATURE_SCALE[kind] * sum) / values.length;
  }
  return s;
}

/** The preference component: attribute EMA, affinity and logistic margin, combined (config shares). */
export function combinedPreference(keys: ProductKeys, state: PreferenceState): number {
  let s = PREFERENCE_EMA_SHARE * preferenceScore(keys, state.prefs) + PREFERENCE_LOGIT_SHARE * logitMargin(keys, state.logit.weights);
  if (PREFERENCE_AFFINITY_SHARE) s += PREFERENCE_AFFINITY_SHARE * affinityScore(keys, state);
  return s;
}

/** Adds each value's affinity (like-rate lift) contribution of one kind to a lookup table. */
export function addAffinity(m: { set(v: string, x: number): void; get(v: string): number | undefined }, kind: AttributeKind, state: PreferenceState): void {
  const likes = state.counts.like + state.counts.superlike;
  const all = (likes + 1) / (likes + state.counts.pass + 2);
  const lc = state.likeCounts[kind];
  const pc = state.passCounts[kind];
  const quiz = state.quizValues[kind];
  const w = (PREFERENCE_AFFINITY_SHARE * ATTRIBUTE_WEIGHTS[kind]) / WEIGHT_SUM;
  for (const v of new Set([...Object.keys(lc), ...Object.keys(pc), ...Object.keys(quiz)])) {
    const l = (lc[v] ?? 0) + (quiz[v] ? AFFINITY_QUIZ_PSEUDO_LIKES : 0);
    const n = l + (pc[v] ?? 0);
    if (n === 0) continue;
    m.set(v, (m.get(v) ?? 0) + w * Math.log((l + AFFINITY_SMOOTHING * all) / (n + AFFINITY_SMOOTHING) / all));
  }
}

/**
 * Fast scorer for the hot loop: precomputes, per kind and value, the combined contribution
 * of the EMA and the logistic weight, so a product costs a few table lookups.
 * Equals combinedPreference up to float rounding (the affinity term is separable per value too).
 */
export function preferenceScorer(state: PreferenceState): (keys: ProductKeys) => number {
  const useAffinity = (PREFERENCE_AFFINITY_SHARE as number) !== 0;
  const tables: Array<Map<string, number>> = [];
  const emaW: number[] = [];
  for (const kind of ATTRIBUTE_KINDS) {
    const m = new Map<string, number>();
    const ema = (PREFERENCE_EMA_SHARE * ATTRIBUTE_WEIGHTS[kind]) / WEIGHT_SUM;
    const lw = PREFERENCE_LOGIT_SHARE * LOGIT_FEATURE_SCALE[kind];
    for (const [v, p] of Object.entries(state.prefs[kind])) m.set(v, (m.get(v) ?? 0) + ema * p);
    for (const [v, w] of Object.entries(state.logit.weights[kind])) m.set(v, (m.get(v) ?? 0) + lw * w);
    if (useAffinity) addAffinity(m, kind, state);
    tables.push(m);
    emaW.push(ema);
  }
  const kinds = ATTRIBUTE_KINDS;
  return (keys) => {
    let s = 0;
    for (let k = 0; k < kinds.length; k++) {
      const values = keys[kinds[k]];
      const n = values.length;
      if (n === 0) continue;
      const t = tables[k];
      if (t.size === 0) continue;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += t.get(values[i]) ?? 0;
      s += sum / n;
    }
    return s;
  };
}

/** Fast quiz-match scorer (same result as quizMatch(...).score). */
export function quizScorer(quizValues: AttributeTable): (keys: ProductKeys) => number {
  const sets = {
    colour: new Set(Object.keys(quizValues.colour)),
    style: new Set(Object.keys(quizValues.style)),
    brand: new Set(Object.keys(quizValues.brand)),
    articleType: new Set(Object.keys(quizValues.articleType)),
    category: new Set(Object.keys(quizValues.category)),
  };
  const typeKind = sets.articleType.size > 0 || sets.category.size > 0;
  const kinds = (sets.colour.size ? 1 : 0) + (sets.style.size ? 1 : 0) + (sets.brand.size ? 1 : 0) + (typeKind ? 1 : 0);
  if (kinds === 0) return () => 0;
  const any = (set: Set<string>, values: string[]) => {
    for (const v of values) if (set.has(v)) return true;
    return false;
  };
  return (keys) => {
    let hits = 0;
    if (sets.colour.size && any(sets.colour, keys.colour)) hits++;
    if (sets.style.size && any(sets.style, keys.style)) hits++;
    if (sets.brand.size && any(sets.brand, keys.brand)) hits++;
    if (typeKind && (any(sets.articleType, keys.articleType) || any(sets.category, keys.category))) hits++;
    return hits / kinds;
  };
}

/** Share of the quiz's non-empty kinds the product matches (0..1). Brand/style/colour/category. */
export function quizMatch(keys: ProductKeys, quizValues: AttributeTable): { score: number; matched: string[] } {
  let kinds = 0;
  let hits = 0;
  const matched: string[] = [];
  const check = (kind: AttributeKind, productValues: string[]) => {
    const q = quizValues[kind];
    const qKeys = Object.keys(q);
    if (qKeys.length === 0) return false;
    for (const v of productValues) if (q[v]) { matched.push(v); return true; }
    return false;
  };
  if (Object.keys(quizValues.colour).length) { kinds++; if (check("colour", keys.colour)) hits++; }
  if (Object.keys(quizValues.style).length) { kinds++; if (check("style", keys.style)) hits++; }
  if (Object.keys(quizValues.brand).length) { kinds++; if (check("brand", keys.brand)) hits++; }
  if (Object.keys(quizValues.articleType).length || Object.keys(quizValues.category).length) {
    kinds++;
    if (check("articleType", keys.articleType) || check("category", keys.category)) hits++;
  }
  return { score: kinds ? hits / kinds : 0, matched };
}
