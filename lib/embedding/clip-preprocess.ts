// CLIP image preprocessing with sharp, driven by preprocessor_config.json: decode
// (EXIF-rotated, alpha flattened on white, sRGB), resize the shortest side to `size`
// with a bicubic (Catmull-Rom, anti-aliased like PIL's BICUBIC) kernel, centre crop,
// rescale to [0,1], normalise with image_mean/std, CHW float32.
// Must not import onnxruntime or transformers.
import "server-only";
import sharp from "sharp";

export interface ClipPreprocessConfig {
  shortestEdge: number;
  cropWidth: number;
  cropHeight: number;
  mean: [number, number, number];
  std: [number, number, number];
  rescale: number;
  doResize: boolean;
  doCenterCrop: boolean;
  doNormalize: boolean;
}

type Json = Record<string, unknown>;

/** Read the fields CLIP needs from preprocessor_config.json (old and new HF formats). */
export function parsePreprocessorConfig(raw: Json): ClipPreprocessConfig {
  const size = raw.size as number | { shortest_edge?: number } | undefined;
  const shortestEdge = typeof size === "number" ? size : size?.shortest_edge;
  const crop = raw.crop_size as number | { width?: number; height?: number } | undefined;
  const cropWidth = typeof crop === "number" ? crop : crop?.width;
  const cropHeight = typeof crop === "number" ? crop : crop?.height;
  const mean = raw.image_mean as number[] | undefined;
  const std = raw.image_std as number[] | undefined;
  if (!shortestEdge || !cropWidth || !cropHeight || mean?.length !== 3 || std?.length !== 3) {
    throw new Error("expected size (shortest_edge), crop_size, image_mean[3] and image_std[3]");
  }
  return {
    shortestEdge,
    cropWidth,
    cropHeight,
    mean: [mean[0], mean[1], mean[2]],
    std: [std[0], std[1], std[2]],
    rescale: typeof raw.rescale_factor === "number" ? raw.rescale_factor : 1 / 255,
    doResize: raw.do_resize !== false,
    doCenterCrop: raw.do_center_crop !== false,
    doNormalize: raw.do_normalize !== false,
  };
}

/** Target size keeping the aspect ratio, shortest side = edge (transformers' rounding). */
export function resizeTarget(width: number, height: number, edge: number): [number, number] {
  const f = Math.max(edge / width, edge / height);
  return [Math.floor(Number((width * f).toFixed(2))), Math.floor(Number((height * f).toFixed(2)))];
}

/** One image -> CHW float32 of 3 * cropHeight * cropWidth. Errors name the index. */
export async function preprocessImage(buf: Buffer, cfg: ClipPreprocessConfig, index = 0): Promise<Float32Array> {
  let rgb: { data: Buffer; width: number; height: number };
  try {
    rgb = await decodeResizeCrop(buf, cfg);
  } catch (err) {
    const msg = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new Error(`Image ${index}: cannot decode (${msg})`);
  }
  return toChw(rgb.data, rgb.width, rgb.height, cfg);
}

async function decodeResizeCrop(buf: Buffer, cfg: ClipPreprocessConfig): Promise<{ data: Buffer; width: number; height: number }> {
  const meta = await sharp(buf, { failOn: "none" }).metadata();
  if (!meta.width || !meta.height) throw new Error("unknown image size");
  // EXIF orientations 5-8 swap width and height once rotated.
  let [w, h] = (meta.orientation ?? 1) >= 5 ? [meta.height, meta.width] : [meta.width, meta.height];
  let img = sharp(buf, { failOn: "none" }).rotate().flatten({ background: "#ffffff" }).toColourspace("srgb");
  if (cfg.doResize) {
    [w, h] = resizeTarget(w, h, cfg.shortestEdge);
    img = img.resize({ width: w, height: h, fit: "fill", kernel: "cubic" });
  }
  if (cfg.doCenterCrop) {
    const cw = Math.min(cfg.cropWidth, w);
    const ch = Math.min(cfg.cropHeight, h);
    const left = Math.floor((w - cw) / 2);
    const top = Math.floor((h - ch) / 2);
    img = img.extract({ left, top, width: cw, height: ch });
    if (cw < cfg.cropWidth || ch < cfg.cropHeight) img = img.extend(padTo(cw, ch, cfg));
  }
  const { data, info } = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`expected 3 channels after conversion, got ${info.channels}`);
  return { data, width: info.width, height: info.height };
}

/** Pad (black, like transformers' center_crop) when the image is smaller than the crop. */
function padTo(w: number, h: number, cfg: ClipPreprocessConfig): sharp.ExtendOptions {
  const dx = cfg.cropWidth - w;
  const dy = cfg.cropHeight - h;
  return { left: Math.floor(dx / 2), right: Math.ceil(dx / 2), top: Math.floor(dy / 2), bottom: Math.ceil(dy / 2), background: "#000000" };
}

function toChw(data: Buffer, width: number, height: number, cfg: ClipPreprocessConfig): Float32Array {
  const plane = width * height;
  const out = new Float32Array(3 * plane);
  for (let p = 0; p < plane; p++) {
    for (let c = 0; c < 3; c++) {
      const v = data[p * 3 + c] * cfg.rescale;
      out[c * plane + p] = cfg.doNormalize ? (v - cfg.mean[c]) / cfg.std[c] : v;
    }
  }
  return out;
}
