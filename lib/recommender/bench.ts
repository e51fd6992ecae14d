// Latency benchmark of `recommend` at catalog scale (default 10,000 products x 512-dim
// vectors, 30 swipes of history, 300 collaborative others), next to a plain brute-force
// scan of the same vectors. The clock is injected (this module stays pure); a runner
// prints the figures. Never used as a timed unit test.
// Pure: must not import anything outside lib/recommender.
import { buildContentIndex } from "./content";
import { applyEvent, initialState } from "./learning";
import { createRng } from "./random";
import { recommend } from "./rank";
import { decide, generateTaste, othersFromSessions, quizFromTaste, type SessionResult } from "./simulate";
import { generateSyntheticCatalog } from "./synthetic";
import type { PreferenceState } from "./types";

export interface BenchOptions {
  clock: () => number; // ms, e.g. performance.now
  products?: number;
  dim?: number;
  swipes?: number;
  others?: number;
  calls?: number;
}

export interface BenchResult {
  products: number;
  dim: number;
  recommend: { median: number; p95: number; mean: number };
  bruteForceScan: { median: number };
}

/** Best dot product of q with every row: the plain JS brute-force reference. */
export function bruteForceScan(rows: readonly Float32Array[], q: Float32Array): number {
  const dim = q.length;
  let best = -Infinity;
  for (let r = 0; r < rows.length; r++) {
    const v = rows[r];
    let s = 0;
    for (let i = 0; i < dim; i++) s += v[i] * q[i];
    if (s > best) best = s;
  }
  return best;
}

function stats(xs: number[]) {
  const s = xs.slice().sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))], mean: s.reduce((a, b) => a + b, 0) / s.length };
}

export function benchRecommend(opts: BenchOptions): BenchResult {
  const size = opts.products ?? 10_000;
  const dim = opts.dim ?? 512;
  const swipes = opts.swipes ?? 30;
  const calls = opts.calls ?? 60;
  const { products, vectors } = generateSyntheticCatalog({ size, seed: 3, dim });
  const contentIndex = buildContentIndex(products);
  const rng = createRng(5);
  // others: random-exposure sessions (40 swipes each)
  const sessions: SessionResult[] = [];
  for (let i = 0; i < (opts.others ?? 300); i++) {
    const taste = generateTaste(products, rng);
    const quiz = quizFromTaste(taste, rng);
    const swiped = Array.from({ length: 40 }, () => products[Math.floor(rng() * size)]);
    sessions.push({ taste, quiz, swipes: swiped.map((product, k) => ({ index: k + 1, product, action: decide(taste, product, rng) })) });
  }
  const others = othersFromSessions(sessions);
  // shoppers with `swipes` events of history
  const shoppers: Array<{ quiz: ReturnType<typeof quizFromTaste>; state: PreferenceState }> = [];
  for (let i = 0; i < 8; i++) {
    const taste = generateTaste(products, rng);
    const quiz = quizFromTaste(taste, rng);
    let state = initialState(quiz);
    for (let k = 0; k < swipes; k++) {
      const p = products[Math.floor(rng() * size)];
      state = applyEvent(state, p, decide(taste, p, rng), { vector: vectors.byId.get(p.id), modelId: vectors.modelId });
    }
    shoppers.push({ quiz, state });
  }
  const times: number[] = [];
  let sink = 0;
  for (let c = 0; c < calls + 5; c++) {
    const s = shoppers[c % shoppers.length];
    const t0 = opts.clock();
    const recs = recommend({
      products, quiz: s.quiz, state: s.state, contentIndex, vectors, quizTextVector: null,
      collaborative: { others, selfId: "bench" }, limit: 10, excludeIds: [], rng: createRng(c), now: 0,
    });
    const ms = opts.clock() - t0;
    sink += recs.length;
    if (c >= 5) times.push(ms); // warm-up calls dropped
  }
  // brute force: one dot product per product with a fixed query, plain loops over Float32Arrays
  const q = vectors.byId.get(products[0].id)!;
  const rows = products.map((p) => vectors.byId.get(p.id)!);
  const scan: number[] = [];
  for (let c = 0; c < 30; c++) {
    const t0 = opts.clock();
    sink += bruteForceScan(rows, q);
    scan.push(opts.clock() - t0);
  }
  if (Number.isNaN(sink)) throw new Error("unreachable");
  return { products: size, dim, recommend: stats(times), bruteForceScan: { median: stats(scan).median } };
}
