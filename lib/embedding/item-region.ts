// Telling an item from its background in a small picture, shared by the pixel descriptor
// (lib/embedding/fallback.ts) and the browser's crop box (its default is the item found
// here): sRGB -> CIELAB; background = the median colour of the border ring, grown by a flood
// fill from the border through pixels close to that colour and not on an edge, so an
// outline encloses an item even where it has the background's colour (a white shoe on
// white); everything not reached is the item. Pure: no I/O, no sharp, no server-only (it is
// bundled for the browser); imports nothing.

/** The item found in a picture: its mask and box in the picture's pixels. */
export interface ItemRegion {
  width: number;
  height: number;
  /** 1 = item, 0 = background, per pixel (row-major) */
  mask: Uint8Array;
  box: { x0: number; y0: number; x1: number; y1: number };
  /** false when no item could be told from the background (the whole frame is used) */
  found: boolean;
}

/** Background ring (px) and the thresholds of the flood fill (Lab dE, Lab L gradient). */
const RING = 2;
const BG_DE = 14;
const EDGE_STOP = 10;

const SRGB_TO_LINEAR = Float32Array.from({ length: 256 }, (_, v) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

function labF(t: number): number {
  return t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116;
}

/** sRGB bytes (RGBRGB... or RGBARGBA... with `channels` 4) -> Lab triples (D65). */
export function labPixels(rgb: ArrayLike<number>, channels: 3 | 4 = 3): Float32Array {
  const n = Math.floor(rgb.length / channels);
  const out = new Float32Array(n * 3);
  for (let p = 0; p < n; p++) {
    const r = SRGB_TO_LINEAR[rgb[p * channels]];
    const g = SRGB_TO_LINEAR[rgb[p * channels + 1]];
    const b = SRGB_TO_LINEAR[rgb[p * channels + 2]];
    const fx = labF((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047);
    const fy = labF(0.2126729 * r + 0.7151522 * g + 0.072175 * b);
    const fz = labF((0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883);
    out[p * 3] = 116 * fy - 16;
    out[p * 3 + 1] = 500 * (fx - fy);
    out[p * 3 + 2] = 200 * (fy - fz);
  }
  return out;
}


/** Find the item: background flood-filled from the border, the rest is the item. Pure. */
export function findItem(lab: Float32Array, width: number, height: number): ItemRegion {
  const whole = separate(lab, width, height);
  if (whole.found && boxShare(whole) < FILLS_FRAME) return whole;
  // A crop box usually leaves a thin margin of clutter around the item it frames, and the
  // border is then no background: look again inside, a little and then a little more.
  for (const inset of INSETS) {
    const dx = Math.round(width * inset);
    const dy = Math.round(height * inset);
    const w = width - 2 * dx;
    const h = height - 2 * dy;
    if (w < 8 || h < 8) break;
    const sub = new Float32Array(w * h * 3);
    for (let y = 0; y < h; y++) sub.set(lab.subarray(((y + dy) * width + dx) * 3, ((y + dy) * width + dx + w) * 3), y * w * 3);
    const inner = separate(sub, w, h);
    if (!inner.found || boxShare(inner) >= FILLS_FRAME) continue;
    const mask = new Uint8Array(width * height);
    for (let y = 0; y < h; y++) mask.set(inner.mask.subarray(y * w, (y + 1) * w), (y + dy) * width + dx);
    const b = inner.box;
    return { width, height, mask, box: { x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy }, found: true };
  }
  return whole;
}

/** An item box at least this share of the frame is "the whole frame": nothing was told apart. */
const FILLS_FRAME = 0.9;
/** Insets (share of each side) tried when the border is not background. */
const INSETS = [0.06, 0.12];

function boxShare(r: ItemRegion): number {
  return ((r.box.x1 - r.box.x0) * (r.box.y1 - r.box.y0)) / (r.width * r.height);
}

/** One pass: the background flood-filled from this frame's border, the rest is the item. */
function separate(lab: Float32Array, width: number, height: number): ItemRegion {
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

