// Deterministic visual descriptor ("stylenova-pixel-v2") used when no CLIP model is
// installed. It first separates the item from its background, so that where the item sits
// in the frame, how big it is and what it stands on do not dominate, then weighs shape
// with colour:
//   1. a sRGB thumbnail (sharp: EXIF rotation, alpha flattened on white, longest side
//      WORK px, aspect kept) converted to CIELAB;
//   2. the item's mask (./item-region.ts, shared with the browser's crop box): background =
//      the median colour of the border ring, grown by a flood fill from the border through
//      pixels close to that colour and not on an edge, so an outline encloses an item even
//      where it has the background's colour (a white shoe on white); the rest is the item;
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
import { findItem, labPixels, type ItemRegion } from "./item-region";
import { l2normalize } from "./vectors";

export { findItem, labPixels, type ItemRegion };

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

/** Margin around the item's box, as a fraction of its longer side. */
const MARGIN = 0.04;

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
