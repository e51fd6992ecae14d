// Seeded pseudo-random numbers for the catalog generator (mulberry32 + a 32-bit mix).
// Pure: reuses the recommender's seeded PRNG; never use Math.random in catalog code.
import { createRng } from "@/lib/recommender/random";

export type Rng = () => number; // uniform in [0, 1)

/** Mix any number of integers into one 32-bit seed (murmur3 finaliser style). */
export function hashSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p | 0), 0x85ebca6b);
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35);
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for synthetic data (the recommender's PRNG). */
export const mulberry32: (seed: number) => Rng = createRng;

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** Pick a key by weight; zero or negative weights are never picked. */
export function pickWeighted<K extends string>(rng: Rng, weights: Partial<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  let total = 0;
  for (const [, w] of entries) if (w > 0) total += w;
  if (total <= 0) throw new Error("pickWeighted: no positive weight");
  let r = rng() * total;
  for (const [k, w] of entries) {
    if (w <= 0) continue;
    r -= w;
    if (r < 0) return k;
  }
  return entries.filter(([, w]) => w > 0).at(-1)![0];
}

/** Fisher-Yates shuffle of a copy. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Precomputed cumulative weights, for hot loops (100k rows). */
export interface WeightTable<K extends string> {
  keys: K[];
  cumulative: number[];
  total: number;
}

export function weightTable<K extends string>(weights: Partial<Record<K, number>>): WeightTable<K> {
  const keys: K[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [k, w] of Object.entries(weights) as [K, number][]) {
    if (!(w > 0)) continue;
    total += w;
    keys.push(k);
    cumulative.push(total);
  }
  if (total <= 0) throw new Error("weightTable: no positive weight");
  return { keys, cumulative, total };
}

export function draw<K extends string>(rng: Rng, table: WeightTable<K>): K {
  const r = rng() * table.total;
  const { cumulative, keys } = table;
  for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]) return keys[i];
  return keys[keys.length - 1];
}

/** Memoise a table builder by string key. */
export function memoTables<T>(build: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let t = cache.get(key);
    if (t === undefined) {
      t = build(key);
      cache.set(key, t);
    }
    return t;
  };
}
