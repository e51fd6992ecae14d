// BM25 (Okapi; k1 = 1.2, b = 0.75) over product text for word search: each document is a
// product's name, description, brand, article type and subcategory, tokenised with
// lib/search/text.ts's normaliser (so query plurals meet catalog singulars). Built once per
// catalog version; scoring walks only the postings of the query's terms. Pure.
import type { Product } from "@/lib/recommender/types";
import { terms } from "./text";

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

export interface Bm25Index {
  /** term -> position in postings */
  terms: Map<string, number>;
  /** per term: documents containing it (ascending) and the term's count in each */
  postings: Array<{ docs: Uint32Array; tf: Uint16Array }>;
  docLength: Float32Array;
  avgLength: number;
  docs: number;
}

/** The text BM25 reads of a product. */
export function productText(p: Product): string {
  return [p.name, p.description, p.brand, p.articleType, p.subcategory].join(" ");
}

/** Index documents given as term lists (document i = position i). */
export function buildBm25(documents: readonly (readonly string[])[]): Bm25Index {
  const termIds = new Map<string, number>();
  const lists: Array<{ docs: number[]; tf: number[] }> = [];
  const docLength = new Float32Array(documents.length);
  let total = 0;
  documents.forEach((doc, d) => {
    docLength[d] = doc.length;
    total += doc.length;
    const counts = new Map<string, number>();
    for (const t of doc) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, c] of counts) {
      let id = termIds.get(t);
      if (id === undefined) {
        id = lists.length;
        termIds.set(t, id);
        lists.push({ docs: [], tf: [] });
      }
      lists[id].docs.push(d);
      lists[id].tf.push(Math.min(c, 65535));
    }
  });
  return {
    terms: termIds,
    postings: lists.map((l) => ({ docs: Uint32Array.from(l.docs), tf: Uint16Array.from(l.tf) })),
    docLength,
    avgLength: documents.length ? total / documents.length : 0,
    docs: documents.length,
  };
}

/** BM25 index of products (document i = products[i]). */
export function buildProductBm25(products: readonly Product[]): Bm25Index {
  return buildBm25(products.map((p) => terms(productText(p))));
}

/** Inverse document frequency of a term (BM25's, always positive). */
export function idf(index: Bm25Index, term: string): number {
  const id = index.terms.get(term);
  const df = id === undefined ? 0 : index.postings[id].docs.length;
  return Math.log(1 + (index.docs - df + 0.5) / (df + 0.5));
}

/** BM25 score of every document for the query terms (repeated terms count once); 0 where none occurs. */
export function bm25Scores(index: Bm25Index, queryTerms: readonly string[]): Float64Array {
  const scores = new Float64Array(index.docs);
  const avg = index.avgLength || 1;
  for (const term of new Set(queryTerms)) {
    const id = index.terms.get(term);
    if (id === undefined) continue;
    const w = idf(index, term);
    const { docs, tf } = index.postings[id];
    for (let j = 0; j < docs.length; j++) {
      const d = docs[j];
      const f = tf[j];
      scores[d] += (w * f * (BM25_K1 + 1)) / (f + BM25_K1 * (1 - BM25_B + (BM25_B * index.docLength[d]) / avg));
    }
  }
  return scores;
}

/** Whether a document contains a term (binary search in its postings). */
export function hasTerm(index: Bm25Index, term: string, doc: number): boolean {
  const id = index.terms.get(term);
  if (id === undefined) return false;
  const docs = index.postings[id].docs;
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid] === doc) return true;
    if (docs[mid] < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
