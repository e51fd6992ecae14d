// Approximate nearest-neighbour candidate stage for large catalogs. Above ANN_THRESHOLD
// visible products with vectors (default 20,000), nextCards no longer scans the whole
// catalog: stage 1 of the recommender runs on
//   - the ANN_CANDIDATES nearest neighbours of the shopper's visual profile in a usearch
//     HNSW index (inner product on L2-normalised vectors = cosine), filtered by the quiz's
//     hard filters (searched again wider when too few pass),
//   - attribute samples: up to PER_VALUE eligible products for each quiz value and each of
//     the shopper's top learned values (article type, category, colour, style, brand), in
//     a stable pseudo-random order,
//   - a stratified sample of PER_TYPE_SAMPLE products per article type (exploration),
// plus the collaborative candidates that recommend() adds itself.
// The index is per process and per embedding model, shared by catalog snapshots: a new
// snapshot only adds products that are new or whose vector changed (hidden products stay
// indexed and are filtered at query time, so hiding never waits for the index). It is
// built in small chunks that yield to the event loop; until it covers the snapshot, the
// exact candidate stage is used. Server-only.
import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import type { Index } from "usearch";
import { topK } from "@/lib/embedding/vectors";
import { productKeys } from "@/lib/recommender/attributes";
import { hardFilter } from "@/lib/recommender/rules";
import type { AttributeKind, PreferenceState, Product, QuizAnswers } from "@/lib/recommender/types";
import { visualProfile, type VectorSet } from "@/lib/recommender/visual";

export const ANN_DEFAULT_THRESHOLD = 20_000;
export const ANN_PARAMS = { connectivity: 16, expansionAdd: 64, expansionSearch: 256, addChunk: 256 } as const;
/** neighbours fetched from the index per request (before filters and exclusions) */
export const ANN_CANDIDATES = 1000;
const PER_VALUE = 300;
const PER_TYPE_SAMPLE = 24;
const TOP_LEARNED = 3;
const CANDIDATE_KINDS: AttributeKind[] = ["articleType", "category", "colour", "style", "brand"];

/** ANN_THRESHOLD from the environment (read per call so CLIs can set it); default 20,000. */
export function annThreshold(): number {
  const raw = process.env.ANN_THRESHOLD;
  const n = raw === undefined || raw === "" ? ANN_DEFAULT_THRESHOLD : Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`ANN_THRESHOLD must be a non-negative number (got "${raw}")`);
  return n;
}

export interface AnnHandle {
  /** true once the index holds every vector of this snapshot */
  ready(): boolean;
  /** resolves when ready (rejects if building failed) */
  whenReady: Promise<void>;
  /** product ids of the k nearest indexed vectors (may include hidden or deleted products) */
  search(query: Float32Array, k: number): number[];
}

interface AnnState {
  modelId: string;
  dim: number;
  index: Index;
  /** product id -> fingerprint of the indexed vector (detects re-embedded products) */
  indexed: Map<number, number>;
  queue: Promise<void>;
}

const g = globalThis as unknown as { __stylenovaAnn?: AnnState };

function fingerprint(v: Float32Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * (1 + (i % 7) * 0.37);
  return s;
}

/**
 * usearch, loaded by Node at run time (a native addon: the specifier is built at run time
 * so that bundlers leave it alone even where next.config.ts does not list it external).
 */
function usearch(): typeof import("usearch") {
  const req = createRequire(path.join(process.cwd(), "package.json"));
  return req(["usearch"].join("")) as typeof import("usearch");
}

function newIndex(dim: number): Index {
  const { Index: UsearchIndex, MetricKind, ScalarKind } = usearch();
  return new UsearchIndex({
    dimensions: dim,
    metric: MetricKind.IP,
    quantization: ScalarKind.F32,
    connectivity: ANN_PARAMS.connectivity,
    expansion_add: ANN_PARAMS.expansionAdd,
    expansion_search: ANN_PARAMS.expansionSearch,
    multi: false,
  });
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Bring the shared index in line with these vectors (chunked, yielding between chunks). */
async function sync(state: AnnState, ids: readonly number[], byId: ReadonlyMap<number, Float32Array>): Promise<void> {
  const want = new Set(ids);
  const stale: number[] = [];
  for (const id of state.indexed.keys()) if (!byId.has(id)) stale.push(id);
  const toAdd: number[] = [];
  for (const id of want) {
    const fp = fingerprint(byId.get(id)!);
    const have = state.indexed.get(id);
    if (have === fp) continue;
    if (have !== undefined) stale.push(id);
    toAdd.push(id);
  }
  if (stale.length) {
    state.index.remove(BigUint64Array.from(stale.map(BigInt)));
    for (const id of stale) state.indexed.delete(id);
  }
  const dim = state.dim;
  for (let s = 0; s < toAdd.length; s += ANN_PARAMS.addChunk) {
    const chunk = toAdd.slice(s, s + ANN_PARAMS.addChunk);
    const matrix = new Float32Array(chunk.length * dim);
    chunk.forEach((id, j) => matrix.set(byId.get(id)!, j * dim));
    state.index.add(BigUint64Array.from(chunk.map(BigInt)), matrix, 0);
    for (const id of chunk) state.indexed.set(id, fingerprint(byId.get(id)!));
    await yieldToLoop();
  }
}

/**
 * The ANN handle of a catalog snapshot: `ids` are the visible products with a vector of
 * `modelId`. Starts (or queues) the index update and returns at once.
 */
export function annHandle(modelId: string, dim: number, ids: readonly number[], byId: ReadonlyMap<number, Float32Array>): AnnHandle {
  let state = g.__stylenovaAnn;
  if (!state || state.modelId !== modelId || state.dim !== dim) {
    state = { modelId, dim, index: newIndex(dim), indexed: new Map(), queue: Promise.resolve() };
    g.__stylenovaAnn = state;
  }
  const s = state;
  let done = false;
  const whenReady = s.queue.then(() => sync(s, ids, byId)).then(() => {
    done = true;
  });
  s.queue = whenReady.catch(() => undefined);
  whenReady.catch(() => undefined); // a failed build leaves the snapshot on the exact path
  return {
    ready: () => done && g.__stylenovaAnn === s,
    whenReady,
    search(query, k) {
      const m = s.index.search(query, k, 1);
      const out: number[] = [];
      for (let i = 0; i < m.keys.length; i++) {
        const id = Number(m.keys[i]);
        if (Number.isSafeInteger(id)) out.push(id);
      }
      return out;
    },
  };
}

/** Drop the shared index (tests). */
export function resetAnn(): void {
  g.__stylenovaAnn = undefined;
}

// ---------------------------------------------------------------- candidates

interface Postings {
  /** `${kind}\u0000${value}` -> product ids in a stable pseudo-random order */
  byValue: Map<string, number[]>;
  types: string[];
  byIdProduct: Map<number, Product>;
}

const postingsCache = new WeakMap<readonly Product[], Postings>();

function scramble(id: number): number {
  let h = Math.imul(id ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function postings(products: readonly Product[]): Postings {
  const hit = postingsCache.get(products);
  if (hit) return hit;
  const byValue = new Map<string, number[]>();
  const order = products.map((p) => p.id).sort((a, b) => scramble(a) - scramble(b) || a - b);
  const byIdProduct = new Map(products.map((p) => [p.id, p]));
  for (const id of order) {
    const keys = productKeys(byIdProduct.get(id)!);
    for (const kind of CANDIDATE_KINDS)
      for (const v of keys[kind]) {
        const key = `${kind}\u0000${v}`;
        let list = byValue.get(key);
        if (!list) byValue.set(key, (list = []));
        list.push(id);
      }
  }
  const types = [...byValue.keys()].filter((k) => k.startsWith("articleType\u0000")).sort();
  const out = { byValue, types, byIdProduct };
  postingsCache.set(products, out);
  return out;
}

export interface CandidateInput {
  products: readonly Product[];
  vectors: VectorSet | null;
  ann: AnnHandle | null;
  quiz: QuizAnswers;
  state: PreferenceState;
  quizTextVector: Float32Array | null;
}

/**
 * The candidate ids for recommend() (its `candidateIds`), or undefined for the exact
 * stage (small catalog, no index yet, or no visual profile to query with).
 */
export function annCandidates(input: CandidateInput): Set<number> | undefined {
  const { products, ann, state } = input;
  if (!ann || !ann.ready() || products.length < annThreshold()) return undefined;
  const profile = visualProfile(state, input.vectors, input.quizTextVector);
  if (!profile) return undefined;
  const P = postings(products);
  const filter = hardFilter(input.quiz);
  const eligible = (id: number) => {
    const p = P.byIdProduct.get(id);
    return p !== undefined && filter(p);
  };
  const out = new Set<number>();
  // nearest neighbours of the visual profile, widened when the filters drop most of them
  for (let k = ANN_CANDIDATES; k <= ANN_CANDIDATES * 16; k *= 4) {
    let kept = 0;
    for (const id of ann.search(profile, k)) if (eligible(id)) {
      out.add(id);
      kept++;
    }
    if (kept >= ANN_CANDIDATES / 2 || k >= products.length) break;
  }
  const take = (key: string, n: number) => {
    const list = P.byValue.get(key);
    if (!list) return;
    let added = 0;
    for (let i = 0; i < list.length && added < n; i++)
      if (eligible(list[i])) {
        out.add(list[i]);
        added++;
      }
  };
  for (const kind of CANDIDATE_KINDS) {
    const values = new Set(Object.keys(state.quizValues[kind]));
    Object.entries(state.prefs[kind])
      .filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOP_LEARNED)
      .forEach(([v]) => values.add(v));
    for (const v of values) take(`${kind}\u0000${v}`, PER_VALUE);
  }
  for (const key of P.types) take(key, PER_TYPE_SAMPLE);
  return out;
}

/** recall@k of the index against exact search, averaged over the queries (bench, tests). */
export function measureRecall(ann: AnnHandle, matrix: Float32Array, ids: readonly number[], dim: number, queries: Float32Array[], k: number): { recall: number; annMs: number; exactMs: number } {
  let hits = 0;
  let annMs = 0;
  let exactMs = 0;
  for (const q of queries) {
    let t = performance.now();
    const got = new Set(ann.search(q, k));
    annMs += performance.now() - t;
    t = performance.now();
    const exact = topK(q, matrix, dim, k).indices;
    exactMs += performance.now() - t;
    for (const r of exact) if (got.has(ids[r])) hits++;
  }
  return { recall: hits / (queries.length * k), annMs: annMs / queries.length, exactMs: exactMs / queries.length };
}
