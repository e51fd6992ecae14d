// Seeded randomness for the recommender, simulation and evaluation.
// Pure: must not import anything outside lib/recommender (never Math.random).

export type Rng = () => number;

/** mulberry32: small, fast, deterministic PRNG returning floats in [0, 1). */
export function createRng(seed: number): Rng {
  // the state lives in a typed array: a captured `let` above 2^30 would be re-boxed as a
  // heap number on every call (tens of thousands per recommend call)
  const state = new Uint32Array(1);
  state[0] = seed >>> 0;
  return () => {
    const a = (state[0] + 0x6d2b79f5) >>> 0;
    state[0] = a;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, e.g. to derive a seed from a session id. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function randInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[randInt(rng, items.length)];
}

/** Fisher-Yates shuffle into a new array. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randInt(rng, i + 1);
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

/** k distinct items, random order. */
export function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  return shuffled(rng, items).slice(0, Math.max(0, Math.min(k, items.length)));
}

/** Index drawn with probability proportional to weights (all >= 0); -1 when all are 0. */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w > 0 ? w : 0;
  if (total <= 0) return -1;
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] > 0 ? weights[i] : 0;
    if (r < w) return i;
    r -= w;
  }
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return -1;
}

/** Standard normal via Box-Muller. */
export function gaussian(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
