// FROZEN COPY of the pixel descriptor "stylenova-pixel-v1" (lib/embedding/fallback.ts before
// issue 15), kept ONLY as the "old" baseline of the photo relevance benchmark
// (lib/eval/search-photo.ts). The app no longer uses it: lib/embedding/fallback.ts is v2.
// Do not edit or tune it (that would move the baseline); never import it from app code.
// From a 64x64 sRGB thumbnail (sharp) it builds:
//   - colour: a soft (trilinear) CIELAB histogram, L 6 x a 8 x b 8 = 384 bins, each
//     pixel weighted by how far it is from the background colour (estimated as the
//     median of the border pixels), square-rooted (Hellinger);
//   - shape: an 8x8 grid of that foreground weight (64);
//   - edges: a 4x4 grid of 8-bin gradient-orientation histograms of L (128).
// Each block is L2-normalised and weighted, then the whole vector L2-normalised.
import sharp from "sharp";
import { labPixels } from "@/lib/embedding/item-region";
import { l2normalize } from "@/lib/embedding/vectors";

export const PIXEL_V1_MODEL_ID = "stylenova-pixel-v1";
const SIDE = 64;
const L_BINS = 6;
const AB_BINS = 8;
const AB_RANGE = 64;
const MASK_GRID = 8;
const EDGE_GRID = 4;
const EDGE_ORIENT = 8;
const WEIGHTS = { colour: 0.8, shape: 0.35, edges: 0.45 };
export const PIXEL_V1_DIM = L_BINS * AB_BINS * AB_BINS + MASK_GRID * MASK_GRID + EDGE_GRID * EDGE_GRID * EDGE_ORIENT;

/** Descriptor of one encoded image (any format sharp reads). */
export async function pixelDescriptorV1(image: Buffer, index = 0): Promise<Float32Array> {
  const lab = labPixels(await thumbnail(image, index));
  const weight = foregroundWeights(lab);
  const blocks: [Float32Array, number][] = [
    [colourHistogram(lab, weight), WEIGHTS.colour],
    [maskGrid(weight), WEIGHTS.shape],
    [edgeHistogram(lab), WEIGHTS.edges],
  ];
  const out = new Float32Array(PIXEL_V1_DIM);
  let offset = 0;
  for (const [block, w] of blocks) {
    const unit = l2normalize(block);
    for (let i = 0; i < unit.length; i++) out[offset + i] = unit[i] * w;
    offset += unit.length;
  }
  return l2normalize(out);
}

async function thumbnail(image: Buffer, index: number): Promise<Buffer> {
  try {
    return await sharp(image, { failOn: "none" })
      .rotate()
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb")
      .resize(SIDE, SIDE, { fit: "fill" })
      .removeAlpha()
      .raw()
      .toBuffer();
  } catch (err) {
    const msg = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new Error(`Image ${index}: cannot decode (${msg})`);
  }
}

// ---------------------------------------------------------------- foreground

/** Per-pixel weight in [0.02, 1]: 0 near the border's median colour, 1 beyond dE 25. */
function foregroundWeights(lab: Float32Array): Float32Array {
  const bg = borderMedian(lab);
  const n = lab.length / 3;
  const w = new Float32Array(n);
  let total = 0;
  for (let p = 0; p < n; p++) {
    const dE = Math.hypot(lab[p * 3] - bg[0], lab[p * 3 + 1] - bg[1], lab[p * 3 + 2] - bg[2]);
    const t = Math.min(1, Math.max(0, (dE - 6) / 19));
    w[p] = 0.02 + 0.98 * t * t * (3 - 2 * t);
    total += w[p];
  }
  // No distinct object (e.g. a white item on white): weigh every pixel alike.
  if (total < 0.03 * n) w.fill(1);
  return w;
}

function borderMedian(lab: Float32Array): [number, number, number] {
  const chans: number[][] = [[], [], []];
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      if (x > 1 && x < SIDE - 2 && y > 1 && y < SIDE - 2) continue;
      const p = y * SIDE + x;
      for (let c = 0; c < 3; c++) chans[c].push(lab[p * 3 + c]);
    }
  }
  const med = chans.map((a) => a.sort((u, v) => u - v)[a.length >> 1]);
  return [med[0], med[1], med[2]];
}

// ---------------------------------------------------------------- blocks

/** Soft position of v on n bin centres spanning [lo, hi]: [lower bin, fraction to the next]. */
function softBin(v: number, lo: number, hi: number, n: number): [number, number] {
  const t = Math.min(n - 1, Math.max(0, ((v - lo) / (hi - lo)) * (n - 1)));
  const i = Math.min(n - 2, Math.floor(t));
  return [i, t - i];
}

function colourHistogram(lab: Float32Array, weight: Float32Array): Float32Array {
  const h = new Float32Array(L_BINS * AB_BINS * AB_BINS);
  for (let p = 0; p < weight.length; p++) {
    const [li, lf] = softBin(lab[p * 3], 0, 100, L_BINS);
    const [ai, af] = softBin(lab[p * 3 + 1], -AB_RANGE, AB_RANGE, AB_BINS);
    const [bi, bf] = softBin(lab[p * 3 + 2], -AB_RANGE, AB_RANGE, AB_BINS);
    for (let dl = 0; dl < 2; dl++) {
      const wl = dl ? lf : 1 - lf;
      for (let da = 0; da < 2; da++) {
        const wa = da ? af : 1 - af;
        for (let db = 0; db < 2; db++) {
          const wb = db ? bf : 1 - bf;
          h[((li + dl) * AB_BINS + ai + da) * AB_BINS + bi + db] += weight[p] * wl * wa * wb;
        }
      }
    }
  }
  for (let i = 0; i < h.length; i++) h[i] = Math.sqrt(h[i]);
  return h;
}

function maskGrid(weight: Float32Array): Float32Array {
  const g = new Float32Array(MASK_GRID * MASK_GRID);
  const cell = SIDE / MASK_GRID;
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) g[Math.floor(y / cell) * MASK_GRID + Math.floor(x / cell)] += weight[y * SIDE + x];
  }
  return g;
}

/** HOG-lite on L: magnitude-weighted, unsigned orientation, per coarse cell. */
function edgeHistogram(lab: Float32Array): Float32Array {
  const hist = new Float32Array(EDGE_GRID * EDGE_GRID * EDGE_ORIENT);
  const cell = SIDE / EDGE_GRID;
  const L = (x: number, y: number) => lab[(y * SIDE + x) * 3];
  for (let y = 1; y < SIDE - 1; y++) {
    for (let x = 1; x < SIDE - 1; x++) {
      const gx = L(x + 1, y) - L(x - 1, y);
      const gy = L(x, y + 1) - L(x, y - 1);
      const mag = Math.hypot(gx, gy);
      if (mag === 0) continue;
      const angle = (Math.atan2(gy, gx) + Math.PI) % Math.PI;
      const o = Math.min(EDGE_ORIENT - 1, Math.floor((angle / Math.PI) * EDGE_ORIENT));
      const c = Math.floor(y / cell) * EDGE_GRID + Math.floor(x / cell);
      hist[c * EDGE_ORIENT + o] += Math.sqrt(mag);
    }
  }
  return hist;
}
