// Deterministic visual descriptor ("stylenova-pixel-v2") used when no CLIP model is
// installed. It first separates the item from its background, so that where the item sits
// in the frame, how big it is and what it stands on do not dominate, then weighs shape
// with colour:
//   1. a sRGB thumbnail (sharp: EXIF rotation, alpha flattened on white, longest side
//      WORK px, aspect kept) converted to CIELAB;
//   2. background = the median colour of the border ring; the background region is grown
//      (flood fill) from the border through pixels close to that colour and not on an
//      edge, so an outline encloses an item even where it has the background's colour
//      (a white shoe on white); everything not reached is the item (foreground mask);
//   3. the item's bounding box (1% of the mask trimmed on each side), with a margin,
//      padded to a square around it: every following block is computed on that square;
//   4. blocks, each L2-normalised then weighted (WEIGHTS, tuned on the photo benchmark's
//      tuning queries, see lib/eval/search-photo.ts):
//      - colour: a soft (trilinear) Lab histogram of foreground pixels only (Hellinger);
//      - mask: the silhouette as a MASK_GRID x MASK_GRID grid of foreground fractions;
//      - form: aspect ratio and fill ratio of the item, soft-binned;
//      - contour: orientation histograms of the silhouette's outline per coarse cell;
//      - edges: orientation histograms of lightness edges inside the item (texture,
//        seams, soles), per coarse cell;
//   then the whole vector is L2-normalised (cosine = dot).
// No item found (a blank picture, or a busy photo whose border is not one colour): the
// whole frame is the item. Must not import onnxruntime, transformers, lib/db or lib/feed.
import "server-only";
import sharp from "sharp";
import { l2normalize } from "./vectors";

export const FALLBACK_MODEL_ID = "stylenova-pixel-v2";

/** Longest side of the working thumbnail. */
const WORK = 128;
/** Side of the item square every block is computed on. */
const SQ = 60;
const L_BINS = 5;
const AB_BINS = 7;
const AB_RANGE = 60;
const MASK_GRID = 12;
const CELL_GRID = 6;
const ORIENT = 8;
const ASPECT_BINS = 9;
const FILL_BINS = 6;
const SKIN_GRID = 6;
const TINY = 12;

const BLOCKS = {
  colour: L_BINS * AB_BINS * AB_BINS,
  mask: MASK_GRID * MASK_GRID,
  form: ASPECT_BINS + FILL_BINS,
  contour: CELL_GRID * CELL_GRID * ORIENT,
  edges: CELL_GRID * CELL_GRID * ORIENT,
  skin: SKIN_GRID * SKIN_GRID,
  tiny: TINY * TINY,
} as const;
export type BlockName = keyof typeof BLOCKS;
export const BLOCK_NAMES = Object.keys(BLOCKS) as BlockName[];

/**
 * Block weights (relative; the vector is normalised at the end). Chosen by coordinate ascent
 * on the photo benchmark's 300 tuning queries (never its 150 test queries), maximising
 * same-type-in-top-10 + 0.3 x same-colour-in-top-10 under the photo ranking of
 * lib/search/photo-rank.ts: shape (contour, edges, skin layout) carries the article type,
 * colour keeps the matches in the shopper's colour.
 */
export const WEIGHTS: Readonly<Record<BlockName, number>> = { colour: 1.4, mask: 0.2, form: 0.35, contour: 1, edges: 2, skin: 1.4, tiny: 0.2 };

export const FALLBACK_DIM = BLOCK_NAMES.reduce((s, b) => s + BLOCKS[b], 0);

/** Background ring (px of the thumbnail) and the thresholds of the flood fill. */
const RING = 2;
const BG_DE = 14;
const EDGE_STOP = 10;
/** Margin around the item's box, as a fraction of its longer side. */
const MARGIN = 0.04;

/** The item found in a picture: its mask and box in thumbnail pixels. */
export interface ItemRegion {
  width: number;
  height: number;
  /** 1 = item, 0 = background, per thumbnail pixel (row-major) */
  mask: Uint8Array;
  box: { x0: number; y0: number; x1: number; y1: number };
  /** false when no item could be told from the background (the whole frame is used) */
  found: boolean;
}

/** Descriptor of one encoded image (any format sharp reads). */
export async function pixelDescriptor(image: Buffer, index = 0): Promise<Float32Array> {
  return combineBlocks(await descriptorBlocks(image, index), WEIGHTS);
}

/** The unit-length blocks of one image, before weighting (the benchmark tunes WEIGHTS on these). */
export async function descriptorBlocks(image: Buffer, index = 0): Promise<Record<BlockName, Float32Array>> {
  const { rgb, width, height } = await thumbnail(image, index);
  return blocksOf(labPixels(rgb), width, height);
}

/** Weighted concatenation of unit blocks, L2-normalised. */
export function combineBlocks(blocks: Record<BlockName, Float32Array>, weights: Readonly<Record<BlockName, number>>): Float32Array {
  const out = new Float32Array(FALLBACK_DIM);
  let offset = 0;
  for (const name of BLOCK_NAMES) {
    const b = blocks[name];
    const w = weights[name];
    for (let i = 0; i < b.length; i++) out[offset + i] = b[i] * w;
    offset += BLOCKS[name];
  }
  return l2normalize(out);
}

/** Blocks from Lab pixels of a width x height thumbnail. Pure. */
export function blocksOf(lab: Float32Array, width: number, height: number): Record<BlockName, Float32Array> {
  const region = findItem(lab, width, height);
  const skin = skinMask(lab, region.mask);
  const sq = itemSquare(lab, region, skin);
  return {
    colour: l2normalize(colourHistogram(lab, garmentMask(region.mask, skin))),
    mask: l2normalize(maskGrid(sq.mask)),
    form: l2normalize(formBins(region)),
    contour: l2normalize(orientationCells(sq.mask, null)),
    edges: l2normalize(orientationCells(sq.light, sq.mask)),
    skin: l2normalize(skinGrid(sq.skin, sq.mask)),
    tiny: l2normalize(tinyLightness(sq.light)),
  };
}

async function thumbnail(image: Buffer, index: number): Promise<{ rgb: Buffer; width: number; height: number }> {
  try {
    const { data, info } = await sharp(image, { failOn: "none" })
      .rotate()
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb")
      .resize(WORK, WORK, { fit: "inside" })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { rgb: data, width: info.width, height: info.height };
  } catch (err) {
    const msg = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new Error(`Image ${index}: cannot decode (${msg})`);
  }
}

// ---------------------------------------------------------------- colour space

const SRGB_TO_LINEAR = Float32Array.from({ length: 256 }, (_, v) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

function labF(t: number): number {
  return t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116;
}

/** sRGB bytes (RGBRGB...) -> Lab triples (D65). */
export function labPixels(rgb: Uint8Array): Float32Array {
  const n = rgb.length / 3;
  const out = new Float32Array(n * 3);
  for (let p = 0; p < n; p++) {
    const r = SRGB_TO_LINEAR[rgb[p * 3]];
    const g = SRGB_TO_LINEAR[rgb[p * 3 + 1]];
    const b = SRGB_TO_LINEAR[rgb[p * 3 + 2]];
    const fx = labF((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047);
    const fy = labF(0.2126729 * r + 0.7151522 * g + 0.072175 * b);
    const fz = labF((0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883);
    out[p * 3] = 116 * fy - 16;
    out[p * 3 + 1] = 500 * (fx - fy);
    out[p * 3 + 2] = 200 * (fy - fz);
  }
  return out;
}

// ---------------------------------------------------------------- item separation

/** Find the item: background flood-filled from the border, the rest is the item. Pure. */
export function findItem(lab: Float32Array, width: number, height: number): ItemRegion {
  const n = width * height;
  const bg = borderMedian(lab, width, height);
  const grad = lightnessGradient(lab, width, height);
  const isBgLike = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    const dl = lab[p * 3] - bg[0];
    const da = lab[p * 3 + 1] - bg[1];
    const db = lab[p * 3 + 2] - bg[2];
    const dE = Math.sqrt(dl * dl + da * da + db * db);
    isBgLike[p] = dE < BG_DE && grad[p] < EDGE_STOP ? 1 : 0;
  }
  // flood fill from every background-like border pixel (4-connected)
  const reached = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  const seed = (p: number) => {
    if (isBgLike[p] && !reached[p]) {
      reached[p] = 1;
      queue[tail++] = p;
    }
  };
  for (let x = 0; x < width; x++) {
    seed(x);
    seed((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    seed(y * width);
    seed(y * width + width - 1);
  }
  while (head < tail) {
    const p = queue[head++];
    const x = p % width;
    if (x > 0) seed(p - 1);
    if (x < width - 1) seed(p + 1);
    if (p >= width) seed(p - width);
    if (p < n - width) seed(p + width);
  }
  const mask = new Uint8Array(n);
  let area = 0;
  for (let p = 0; p < n; p++) {
    if (!reached[p]) {
      mask[p] = 1;
      area++;
    }
  }
  // nothing told apart (blank, or a busy border that never matched its own median): whole frame
  if (area < 0.01 * n || area > 0.97 * n) {
    mask.fill(1);
    return { width, height, mask, box: { x0: 0, y0: 0, x1: width, y1: height }, found: false };
  }
  return { width, height, mask, box: trimmedBox(mask, width, height, area), found: true };
}

function borderMedian(lab: Float32Array, width: number, height: number): [number, number, number] {
  const chans: number[][] = [[], [], []];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (x >= RING && x < width - RING && y >= RING && y < height - RING) continue;
      const p = y * width + x;
      for (let c = 0; c < 3; c++) chans[c].push(lab[p * 3 + c]);
    }
  }
  const med = chans.map((a) => a.sort((u, v) => u - v)[a.length >> 1]);
  return [med[0], med[1], med[2]];
}

/** |grad L| by central differences (0 on the frame's edge). */
function lightnessGradient(lab: Float32Array, width: number, height: number): Float32Array {
  const g = new Float32Array(width * height);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const p = y * width + x;
      const gx = lab[(p + 1) * 3] - lab[(p - 1) * 3];
      const gy = lab[(p + width) * 3] - lab[(p - width) * 3];
      g[p] = Math.sqrt(gx * gx + gy * gy) / 2;
    }
  }
  return g;
}

/** The mask's box with 1% of its pixels trimmed from each side (stray specks do not stretch it). */
function trimmedBox(mask: Uint8Array, width: number, height: number, area: number): ItemRegion["box"] {
  const cols = new Float64Array(width);
  const rows = new Float64Array(height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x]) {
        cols[x]++;
        rows[y]++;
      }
    }
  }
  const cut = area * 0.01;
  const range = (h: Float64Array): [number, number] => {
    let lo = 0;
    for (let s = 0; lo < h.length - 1 && s + h[lo] <= cut; lo++) s += h[lo];
    let hi = h.length - 1;
    for (let s = 0; hi > lo && s + h[hi] <= cut; hi--) s += h[hi];
    return [lo, hi + 1];
  };
  const [x0, x1] = range(cols);
  const [y0, y1] = range(rows);
  return { x0, y0, x1, y1 };
}

/** The item's box plus margin, padded to a square, resampled to SQ x SQ: mask fraction and lightness. */
function itemSquare(lab: Float32Array, r: ItemRegion, skin: Uint8Array): { mask: Float32Array; light: Float32Array; skin: Float32Array } {
  const { x0, y0, x1, y1 } = r.box;
  const side = Math.max(x1 - x0, y1 - y0) * (1 + 2 * MARGIN);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const left = cx - side / 2;
  const top = cy - side / 2;
  const scale = side / SQ;
  const mask = new Float32Array(SQ * SQ);
  const light = new Float32Array(SQ * SQ);
  const skinSq = new Float32Array(SQ * SQ);
  // area sampling: SUB x SUB nearest samples per output pixel (scale is at most WORK / SQ * 1.08)
  const SUB = 3;
  for (let v = 0; v < SQ; v++) {
    for (let u = 0; u < SQ; u++) {
      let m = 0;
      let l = 0;
      let k = 0;
      for (let sy = 0; sy < SUB; sy++) {
        const y = Math.floor(top + (v + (sy + 0.5) / SUB) * scale);
        for (let sx = 0; sx < SUB; sx++) {
          const x = Math.floor(left + (u + (sx + 0.5) / SUB) * scale);
          if (x < 0 || y < 0 || x >= r.width || y >= r.height) {
            l += 100;
            continue;
          }
          const p = y * r.width + x;
          if (r.mask[p]) {
            m++;
            k += skin[p];
            l += lab[p * 3];
          } else l += 100;
        }
      }
      mask[v * SQ + u] = m / (SUB * SUB);
      light[v * SQ + u] = l / (SUB * SUB);
      skinSq[v * SQ + u] = k / (SUB * SUB);
    }
  }
  return { mask, light, skin: skinSq };
}

/** Skin-coloured item pixels (a person wearing the item): Lab hue between orange and yellow-red, moderate chroma. */
function skinMask(lab: Float32Array, mask: Uint8Array): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let p = 0; p < mask.length; p++) {
    if (!mask[p]) continue;
    const L = lab[p * 3];
    const a = lab[p * 3 + 1];
    const b = lab[p * 3 + 2];
    if (L < 25 || L > 92 || a < 5 || a > 35 || b < 7 || b > 40) continue;
    const hue = Math.atan2(b, a);
    if (hue > 0.55 && hue < 1.3) out[p] = 1;
  }
  return out;
}

/** The item without skin, unless skin is most of it (then it is probably the item's own colour, e.g. tan leather). */
function garmentMask(mask: Uint8Array, skin: Uint8Array): Uint8Array {
  let area = 0;
  let skinArea = 0;
  for (let p = 0; p < mask.length; p++) {
    area += mask[p];
    skinArea += skin[p];
  }
  if (skinArea > 0.4 * area) return mask;
  const out = new Uint8Array(mask.length);
  for (let p = 0; p < mask.length; p++) out[p] = mask[p] && !skin[p] ? 1 : 0;
  return out;
}

// ---------------------------------------------------------------- blocks

/** Soft position of v on n bin centres spanning [lo, hi]: [lower bin, fraction to the next]. */
function softBin(v: number, lo: number, hi: number, n: number): [number, number] {
  const t = Math.min(n - 1, Math.max(0, ((v - lo) / (hi - lo)) * (n - 1)));
  const i = Math.min(n - 2, Math.floor(t));
  return [i, t - i];
}

/** Soft Lab histogram of the item's pixels, square-rooted (Hellinger). */
export function colourHistogram(lab: Float32Array, mask: Uint8Array): Float32Array {
  const h = new Float32Array(L_BINS * AB_BINS * AB_BINS);
  for (let p = 0; p < mask.length; p++) {
    if (!mask[p]) continue;
    const [li, lf] = softBin(lab[p * 3], 0, 100, L_BINS);
    const [ai, af] = softBin(lab[p * 3 + 1], -AB_RANGE, AB_RANGE, AB_BINS);
    const [bi, bf] = softBin(lab[p * 3 + 2], -AB_RANGE, AB_RANGE, AB_BINS);
    for (let dl = 0; dl < 2; dl++) {
      const wl = dl ? lf : 1 - lf;
      for (let da = 0; da < 2; da++) {
        const wa = da ? af : 1 - af;
        for (let db = 0; db < 2; db++) {
          const wb = db ? bf : 1 - bf;
          h[((li + dl) * AB_BINS + ai + da) * AB_BINS + bi + db] += wl * wa * wb;
        }
      }
    }
  }
  for (let i = 0; i < h.length; i++) h[i] = Math.sqrt(h[i]);
  return h;
}

function maskGrid(mask: Float32Array): Float32Array {
  const g = new Float32Array(MASK_GRID * MASK_GRID);
  const cell = SQ / MASK_GRID;
  for (let y = 0; y < SQ; y++) {
    for (let x = 0; x < SQ; x++) g[Math.floor(y / cell) * MASK_GRID + Math.floor(x / cell)] += mask[y * SQ + x];
  }
  return g;
}

/** Where skin shows in the item square (arms, legs, a face), plus a constant so no-skin items compare equal. */
function skinGrid(skin: Float32Array, mask: Float32Array): Float32Array {
  const g = new Float32Array(SKIN_GRID * SKIN_GRID);
  const cell = SQ / SKIN_GRID;
  for (let y = 0; y < SQ; y++) {
    for (let x = 0; x < SQ; x++) g[Math.floor(y / cell) * SKIN_GRID + Math.floor(x / cell)] += skin[y * SQ + x];
  }
  let m = 0;
  for (let i = 0; i < mask.length; i++) m += mask[i];
  const floor = 0.02 * (m / (SKIN_GRID * SKIN_GRID));
  for (let i = 0; i < g.length; i++) g[i] += floor;
  return g;
}

/** The item square's lightness at TINY x TINY, mean removed (a thumbnail of the item's shading and parts). */
function tinyLightness(light: Float32Array): Float32Array {
  const g = new Float32Array(TINY * TINY);
  const cell = SQ / TINY;
  for (let y = 0; y < SQ; y++) {
    for (let x = 0; x < SQ; x++) g[Math.floor(y / cell) * TINY + Math.floor(x / cell)] += light[y * SQ + x];
  }
  let mean = 0;
  for (let i = 0; i < g.length; i++) mean += g[i] / g.length;
  for (let i = 0; i < g.length; i++) g[i] -= mean;
  return g;
}

/** Aspect ratio (log height/width) and fill ratio (item pixels / box area), soft-binned. */
function formBins(r: ItemRegion): Float32Array {
  const out = new Float32Array(ASPECT_BINS + FILL_BINS);
  const { x0, y0, x1, y1 } = r.box;
  const w = Math.max(1, x1 - x0);
  const h = Math.max(1, y1 - y0);
  let inBox = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) inBox += r.mask[y * r.width + x];
  const [ai, af] = softBin(Math.log(h / w), -1.4, 1.4, ASPECT_BINS);
  out[ai] += 1 - af;
  out[ai + 1] += af;
  const [fi, ff] = softBin(inBox / (w * h), 0.2, 1, FILL_BINS);
  out[ASPECT_BINS + fi] += 1 - ff;
  out[ASPECT_BINS + fi + 1] += ff;
  return out;
}

/**
 * Gradient-orientation histograms (unsigned, ORIENT bins, magnitude-weighted, soft between
 * the two nearest bins) per CELL_GRID x CELL_GRID cell of an SQ x SQ channel. With `within`,
 * only gradients inside the item count (lightness edges); without, the channel is the mask
 * itself and its gradients are the silhouette's outline.
 */
function orientationCells(ch: Float32Array, within: Float32Array | null): Float32Array {
  const hist = new Float32Array(CELL_GRID * CELL_GRID * ORIENT);
  const cell = SQ / CELL_GRID;
  for (let y = 1; y < SQ - 1; y++) {
    for (let x = 1; x < SQ - 1; x++) {
      const p = y * SQ + x;
      if (within && within[p] < 0.5) continue;
      const gx = ch[p + 1] - ch[p - 1];
      const gy = ch[p + SQ] - ch[p - SQ];
      const mag = Math.sqrt(gx * gx + gy * gy);
      if (mag < 1e-6) continue;
      const t = ((Math.atan2(gy, gx) + Math.PI) % Math.PI) / Math.PI * ORIENT - 0.5;
      const o0 = Math.floor(t);
      const f = t - o0;
      const base = (Math.floor(y / cell) * CELL_GRID + Math.floor(x / cell)) * ORIENT;
      const w = within ? Math.sqrt(mag) : mag;
      hist[base + ((o0 + ORIENT) % ORIENT)] += w * (1 - f);
      hist[base + ((o0 + 1) % ORIENT)] += w * f;
    }
  }
  return hist;
}
