// Per-product drawing parameters: every product gets its own shade, proportions, pattern
// scale and angle, trim and background, derived deterministically from its id and name,
// so no two products of the bundled catalog share a drawing.
// Pure: imports only ./prng (no sharp, no node:*, no lib/*).

import { hashSeed, mulberry32 } from "./prng";

export interface DrawingSpec {
  shade: number; // -0.08..0.08: < 0 darkens the base colour, > 0 lightens it
  width: number; // horizontal scale of the item, 0.9..1.1
  length: number; // vertical scale of the item, 0.92..1.08
  patternScale: number; // 0.7..1.4
  patternAngle: number; // degrees, 0 for most, slanted for some
  trim: "none" | "contrast" | "tonal"; // a band along the item's edges
  trimWidth: number; // px on the 480x640 drawing canvas
  background: number; // index salt for the neutral background
}

const steps = (lo: number, hi: number, n: number, r: number) => lo + ((hi - lo) * Math.floor(r * n)) / (n - 1);

function hashText(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const ANGLES = [0, 0, 0, 45, -45, 30, -30, 90];
const TRIMS: DrawingSpec["trim"][] = ["none", "none", "contrast", "tonal"];

/** The drawing parameters of one product (same id and name -> same spec). */
export function drawingSpec(id: string, name = ""): DrawingSpec {
  const rng = mulberry32(hashSeed(hashText(id), hashText(name), 0xd7a3));
  const lowered = name.toLowerCase();
  let width = steps(0.9, 1.1, 21, rng());
  let length = steps(0.92, 1.08, 17, rng());
  if (/oversized|relaxed|wide/.test(lowered)) width = Math.max(width, 1.06);
  if (/slim|skinny|fitted/.test(lowered)) width = Math.min(width, 0.94);
  if (/cropped|short/.test(lowered)) length = Math.min(length, 0.95);
  if (/long|maxi/.test(lowered)) length = Math.max(length, 1.04);
  return {
    shade: steps(-0.08, 0.08, 17, rng()),
    width,
    length,
    patternScale: steps(0.7, 1.4, 8, rng()),
    patternAngle: ANGLES[Math.floor(rng() * ANGLES.length)],
    trim: TRIMS[Math.floor(rng() * TRIMS.length)],
    trimWidth: steps(6, 14, 5, rng()),
    background: Math.floor(rng() * 1024),
  };
}

/** A short stable key of the spec (for tests and cache keys). */
export function drawingKey(s: DrawingSpec): string {
  return [s.shade, s.width, s.length, s.patternScale, s.patternAngle, s.trim, s.trimWidth, s.background % 6]
    .map((v) => (typeof v === "number" ? v.toFixed(3) : v))
    .join("|");
}
