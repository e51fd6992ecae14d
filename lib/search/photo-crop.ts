// Crop-box maths of the photo search (app/_components/photo-search.tsx): the default box
// (the item found in a thumbnail, with a margin, else the whole photo), a percent box to
// whole source pixels, the size the cropped area is uploaded at, and the check of the
// upload against PHOTO_LIMITS before it leaves the browser. Pure; imports only constants.
import { PHOTO_LIMITS } from "@/lib/schemas/photo-limits";

/** A box in percent of the photo (0..100), as react-image-crop's PercentCrop. */
export interface PercentBox {
  unit: "%";
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Longest side of the uploaded crop: enough for the 512 px the server keeps, small to send. */
export const UPLOAD_SIDE = 1024;
/** Margin added around a detected item, as a fraction of its box's sides. */
export const ITEM_MARGIN = 0.08;
export const WHOLE_PHOTO: PercentBox = { unit: "%", x: 0, y: 0, width: 100, height: 100 };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The default crop: the item's box in a `width` x `height` thumbnail grown by ITEM_MARGIN on
 * each side, in percent; the whole photo when no item was found or the box is nearly all of it.
 */
export function defaultCrop(item: { found: boolean; width: number; height: number; box: { x0: number; y0: number; x1: number; y1: number } }): PercentBox {
  if (!item.found || item.width <= 0 || item.height <= 0) return WHOLE_PHOTO;
  const { x0, y0, x1, y1 } = item.box;
  const mx = (x1 - x0) * ITEM_MARGIN;
  const my = (y1 - y0) * ITEM_MARGIN;
  const left = clamp((x0 - mx) / item.width, 0, 1);
  const top = clamp((y0 - my) / item.height, 0, 1);
  const right = clamp((x1 + mx) / item.width, 0, 1);
  const bottom = clamp((y1 + my) / item.height, 0, 1);
  if ((right - left) * (bottom - top) > 0.9) return WHOLE_PHOTO;
  return { unit: "%", x: left * 100, y: top * 100, width: (right - left) * 100, height: (bottom - top) * 100 };
}

/** A percent box as whole pixels of a `width` x `height` photo: inside it, at least 1 x 1. */
export function cropPixels(box: PercentBox, width: number, height: number): PixelRect {
  const x = clamp(Math.floor((box.x / 100) * width), 0, width - 1);
  const y = clamp(Math.floor((box.y / 100) * height), 0, height - 1);
  const x1 = clamp(Math.ceil(((box.x + box.width) / 100) * width), x + 1, width);
  const y1 = clamp(Math.ceil(((box.y + box.height) / 100) * height), y + 1, height);
  return { x, y, width: x1 - x, height: y1 - y };
}

/** The upload's size: the crop scaled down (never up) to at most `maxSide` px per side and within PHOTO_LIMITS. */
export function uploadSize(rect: { width: number; height: number }, maxSide = UPLOAD_SIDE): { width: number; height: number } {
  const side = Math.min(maxSide, PHOTO_LIMITS.maxSide);
  let scale = Math.min(1, side / Math.max(rect.width, rect.height));
  const pixels = rect.width * rect.height * scale * scale;
  if (pixels > PHOTO_LIMITS.maxPixels) scale *= Math.sqrt(PHOTO_LIMITS.maxPixels / pixels);
  return { width: Math.max(1, Math.floor(rect.width * scale)), height: Math.max(1, Math.floor(rect.height * scale)) };
}

/** Why an upload would be refused (the route's own limits), or null when it may be sent. */
export function uploadProblem(upload: { bytes: number; type: string; width: number; height: number }): string | null {
  const mb = Math.round(PHOTO_LIMITS.maxBytes / (1024 * 1024));
  if (!(PHOTO_LIMITS.types as readonly string[]).includes(upload.type)) return "That file is not a JPEG, PNG or WebP photo.";
  if (upload.bytes === 0 || upload.width < 1 || upload.height < 1) return "That photo is empty.";
  if (upload.bytes > PHOTO_LIMITS.maxBytes) return `The cropped photo is larger than ${mb} MB: choose a smaller area.`;
  if (upload.width > PHOTO_LIMITS.maxSide || upload.height > PHOTO_LIMITS.maxSide || upload.width * upload.height > PHOTO_LIMITS.maxPixels) {
    return `The cropped photo is larger than ${PHOTO_LIMITS.maxSide} px per side or ${PHOTO_LIMITS.maxPixels / 1_000_000} megapixels.`;
  }
  return null;
}
