// Content signal: TF-IDF over product text fields, the shopper's content profile, cosine
// similarity and a free-text search fallback.
// Pure: must not import anything outside lib/recommender.
import {
  CONTENT_ATTRIBUTE_REPEAT,
  CONTENT_PASS_WEIGHT,
  CONTENT_QUIZ_WEIGHT,
  NEAREST_LIKES,
  NEAREST_SHARE,
  SUPERLIKE_MULTIPLIER,
} from "./config";
import { attributeToken, tokenize } from "./text";
import type { PreferenceState, Product, QuizAnswers } from "./types";

/** Sparse vector: sorted term indices and values. */
export interface SparseVector {
  idx: Uint32Array;
  val: Float32Array;
}

export interface ContentIndex {
  vocabulary: Map<string, number>;
  idf: Float64Array;
  /** product ids in document order */
  ids: number[];
  /** L2-normalised TF-IDF vector per product id */
  docById: Map<number, SparseVector>;
  /** term -> documents containing it (document order positions) and their weights */
  postings: Array<{ docs: Uint32Array; vals: Float32Array }>;
}

/** Terms of one product: words of every text field plus one token per attribute value. */
export function productTerms(p: Product): string[] {
  const terms: string[] = [];
  const text = [p.name, p.brand, p.category, p.subcategory, p.articleType, p.pattern ?? "", p.season ?? "", p.description];
  for (const t of text) terms.push(...tokenize(t));
  const attrs = [p.articleType, p.subcategory, ...p.colours, ...p.styles];
  if (p.pattern) attrs.push(p.pattern);
  if (p.brand) attrs.push(p.brand);
  for (let r = 0; r < CONTENT_ATTRIBUTE_REPEAT; r++) {
    for (const a of attrs) {
      const tok = attributeToken(a);
      if (!tok) continue;
      // multiword values become one field token ("light_blue"); single words add weight
      terms.push(tok);
    }
  }
  return terms;
}

function termCounts(terms: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Build the TF-IDF index once per catalog version (sublinear tf, smoothed idf, L2 norm). */
export function buildContentIndex(products: readonly Product[]): ContentIndex {
  const vocabulary = new Map<string, number>();
  const df: number[] = [];
  const docsCounts: Array<Map<string, number>> = [];
  for (const p of products) {
    const counts = termCounts(productTerms(p));
    docsCounts.push(counts);
    for (const t of counts.keys()) {
      let i = vocabulary.get(t);
      if (i === undefined) {
        i = vocabulary.size;
        vocabulary.set(t, i);
        df.push(0);
      }
      df[i]++;
    }
  }
  const n = products.length;
  const idf = new Float64Array(vocabulary.size);
  for (let i = 0; i < idf.length; i++) idf[i] = Math.log((1 + n) / (1 + df[i])) + 1;
  const docById = new Map<number, SparseVector>();
  const postingLists: Array<{ docs: number[]; vals: number[] }> = Array.from({ length: vocabulary.size }, () => ({
    docs: [],
    vals: [],
  }));
  const ids: number[] = [];
  products.forEach((p, d) => {
    const entries: Array<[number, number]> = [];
    for (const [t, c] of docsCounts[d]) {
      const i = vocabulary.get(t)!;
      entries.push([i, (1 + Math.log(c)) * idf[i]]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    let norm = 0;
    for (const [, w] of entries) norm += w * w;
    norm = Math.sqrt(norm) || 1;
    const vec: SparseVector = {
      idx: Uint32Array.from(entries.map((e) => e[0])),
      val: Float32Array.from(entries.map((e) => e[1] / norm)),
    };
    docById.set(p.id, vec);
    ids.push(p.id);
    for (let j = 0; j < vec.idx.length; j++) {
      postingLists[vec.idx[j]].docs.push(d);
      postingLists[vec.idx[j]].vals.push(vec.val[j]);
    }
  });
  const postings = postingLists.map((l) => ({ docs: Uint32Array.from(l.docs), vals: Float32Array.from(l.vals) }));
  return { vocabulary, idf, ids, docById, postings };
}

/** Dense profile vector over the vocabulary (not normalised) plus its norm. */
export interface ContentProfile {
  weights: Float64Array;
  norm: number;
}

function addSparse(target: Float64Array, v: SparseVector, w: number): void {
  for (let j = 0; j < v.idx.length; j++) target[v.idx[j]] += w * v.val[j];
}

/** TF-IDF vector of a bag of terms (query or quiz), L2-normalised; unknown terms ignored. */
export function termsVector(index: ContentIndex, terms: string[]): SparseVector {
  const counts = termCounts(terms);
  const entries: Array<[number, number]> = [];
  for (const [t, c] of counts) {
    const i = index.vocabulary.get(t);
    if (i !== undefined) entries.push([i, (1 + Math.log(c)) * index.idf[i]]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  let norm = 0;
  for (const [, w] of entries) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return { idx: Uint32Array.from(entries.map((e) => e[0])), val: Float32Array.from(entries.map((e) => e[1] / norm)) };
}

/** Quiz answers as terms: words and attribute tokens of categories, colours, brands, styles. */
export function quizTerms(quiz: QuizAnswers): string[] {
  const out: string[] = [];
  for (const v of [...quiz.categories, ...quiz.colours, ...quiz.brands, ...quiz.styles]) {
    const tok = attributeToken(v);
    if (tok) out.push(tok);
    for (const w of tokenize(v)) if (w !== tok) out.push(w);
  }
  return out;
}

/**
 * Content profile = quiz terms * CONTENT_QUIZ_WEIGHT + sum of liked vectors (superlike x2)
 * - CONTENT_PASS_WEIGHT * sum of passed vectors (each pass counted once per pass).
 * Returns null when it carries no information.
 */
export function buildContentProfile(index: ContentIndex, quiz: QuizAnswers, state: PreferenceState): ContentProfile | null {
  const weights = new Float64Array(index.idf.length);
  let any = false;
  const qv = termsVector(index, quizTerms(quiz));
  if (qv.idx.length) {
    addSparse(weights, qv, CONTENT_QUIZ_WEIGHT);
    any = true;
  }
  for (const id of state.liked) {
    const v = index.docById.get(id);
    if (v) { addSparse(weights, v, 1); any = true; }
  }
  for (const id of state.superliked) {
    const v = index.docById.get(id);
    if (v) { addSparse(weights, v, SUPERLIKE_MULTIPLIER); any = true; }
  }
  for (const [key, count] of Object.entries(state.productPasses)) {
    const v = index.docById.get(Number(key));
    if (v) { addSparse(weights, v, -CONTENT_PASS_WEIGHT * count); any = true; }
  }
  if (!any) return null;
  let norm = 0;
  for (let i = 0; i < weights.length; i++) norm += weights[i] * weights[i];
  norm = Math.sqrt(norm);
  return norm > 0 ? { weights, norm } : null;
}

/** Cosine between a product's document and the profile (0 when the product is not indexed). */
export function contentScore(index: ContentIndex, profile: ContentProfile, productId: number): number {
  const v = index.docById.get(productId);
  if (!v) return 0;
  let s = 0;
  for (let j = 0; j < v.idx.length; j++) s += v.val[j] * profile.weights[v.idx[j]];
  return s / profile.norm;
}

/** Sparse dot product of two sorted sparse vectors. */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i];
    const y = b.idx[j];
    if (x === y) {
      s += a.val[i++] * b.val[j++];
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

/** The most recent liked / superliked documents (at most NEAREST_LIKES). */
export function recentLikedDocs(index: ContentIndex, state: PreferenceState): SparseVector[] {
  const ids = [...state.liked, ...state.superliked].slice(-NEAREST_LIKES);
  const out: SparseVector[] = [];
  for (const id of ids) {
    const v = index.docById.get(id);
    if (v) out.push(v);
  }
  return out;
}

/** Centroid cosine mixed with the best cosine to one recent liked item (multi-modal tastes). */
export function contentScoreMixed(
  index: ContentIndex,
  profile: ContentProfile,
  liked: readonly SparseVector[],
  productId: number,
): number {
  const centroid = contentScore(index, profile, productId);
  const v = index.docById.get(productId);
  if (!v || liked.length === 0 || NEAREST_SHARE === 0) return centroid;
  let best = 0;
  for (const l of liked) {
    const d = sparseDot(v, l);
    if (d > best) best = d;
  }
  return (1 - NEAREST_SHARE) * centroid + NEAREST_SHARE * best;
}

/** Content scores for candidates; null when no profile exists (signal unavailable). */
export function contentScores(
  index: ContentIndex,
  quiz: QuizAnswers,
  state: PreferenceState,
  candidates: readonly Product[],
): Float64Array | null {
  const profile = buildContentProfile(index, quiz, state);
  if (!profile) return null;
  const liked = recentLikedDocs(index, state);
  const out = new Float64Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) out[i] = contentScoreMixed(index, profile, liked, candidates[i].id);
  return out;
}

/** Query terms: words plus adjacent-word joins that exist as attribute tokens ("light blue"). */
function queryTerms(index: ContentIndex, query: string): string[] {
  const words = tokenize(query);
  const out = [...words];
  for (let i = 0; i + 1 < words.length; i++) {
    const joined = `${words[i]}_${words[i + 1]}`;
    if (index.vocabulary.has(joined)) out.push(joined);
  }
  return out;
}

/** Free-text search: TF-IDF cosine of the query with every document, top k, ties by id. */
export function searchText(index: ContentIndex, query: string, k: number): Array<{ productId: number; score: number }> {
  const qv = termsVector(index, queryTerms(index, query));
  if (qv.idx.length === 0 || k <= 0) return [];
  const scores = new Map<number, number>();
  for (let j = 0; j < qv.idx.length; j++) {
    const post = index.postings[qv.idx[j]];
    const w = qv.val[j];
    for (let d = 0; d < post.docs.length; d++) {
      const doc = post.docs[d];
      scores.set(doc, (scores.get(doc) ?? 0) + w * post.vals[d]);
    }
  }
  return Array.from(scores, ([doc, score]) => ({ productId: index.ids[doc], score }))
    .sort((a, b) => b.score - a.score || a.productId - b.productId)
    .slice(0, k);
}
