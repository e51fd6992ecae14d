// Uploaded photo checks for POST /api/search/photo: size (Content-Length and the real
// bytes), type by magic bytes (JPEG, PNG, WebP only; names and declared types are
// ignored), pixel dimensions from the header, then a full decode with sharp into a
// small normalised PNG that the embedder receives. Failures throw HttpError 413/415/422.
// Server-only; must not import lib/db, lib/feed or lib/recommender.
import "server-only";
import sharp from "sharp";
import { PHOTO_LIMITS } from "@/lib/schemas/products";
import { readBounded } from "./body";
import { HttpError } from "./respond";

export type ImageKind = "jpeg" | "png" | "webp";

const MULTIPART_OVERHEAD = 64 * 1024;
const NORMALISED_SIDE = 512;
const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/** The image type from its first bytes, or null. */
export function sniffImage(b: Uint8Array): ImageKind | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((x, i) => b[i] === x)) return "png";
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return null;
}

/** The `image` field of a multipart body, read with a byte cap. */
export async function readImageField(request: Request): Promise<Buffer> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    throw new HttpError(415, 'Content-Type must be multipart/form-data with an "image" field');
  }
  const bytes = await readBounded(request, PHOTO_LIMITS.maxBytes + MULTIPART_OVERHEAD, `Upload (images up to ${mb(PHOTO_LIMITS.maxBytes)})`);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw new HttpError(400, "Malformed multipart body");
  }
  const field = form.get("image");
  if (field === null) throw new HttpError(400, 'Missing form field "image"');
  if (typeof field === "string") throw new HttpError(400, 'Form field "image" must be a file');
  if (field.size > PHOTO_LIMITS.maxBytes) throw new HttpError(413, `Image too large: at most ${mb(PHOTO_LIMITS.maxBytes)} allowed`);
  if (field.size === 0) throw new HttpError(422, "Image is empty");
  return Buffer.from(await field.arrayBuffer());
}

/** Check type and dimensions, decode fully, and return a normalised PNG (<= 512 px). */
export async function normaliseImage(buf: Buffer): Promise<Buffer> {
  const kind = sniffImage(buf);
  if (!kind) throw new HttpError(415, "Unsupported image type: upload a JPEG, PNG or WebP photo");
  let meta: sharp.Metadata;
  try {
    meta = await sharp(buf, { limitInputPixels: false }).metadata();
  } catch {
    throw new HttpError(422, `Could not read the ${kind.toUpperCase()} image: the file is damaged or incomplete`);
  }
  const { width = 0, height = 0 } = meta;
  if (meta.format !== kind) {
    throw new HttpError(415, "Unsupported image type: upload a JPEG, PNG or WebP photo");
  }
  if (width < 1 || height < 1) throw new HttpError(422, "Image has no pixels");
  if (width > PHOTO_LIMITS.maxSide || height > PHOTO_LIMITS.maxSide || width * height > PHOTO_LIMITS.maxPixels) {
    throw new HttpError(
      422,
      `Image dimensions ${width}x${height} are too large: at most ${PHOTO_LIMITS.maxSide} px per side and ${PHOTO_LIMITS.maxPixels / 1_000_000} megapixels`,
    );
  }
  try {
    return await sharp(buf, { limitInputPixels: PHOTO_LIMITS.maxPixels, failOn: "error" })
      .rotate()
      .resize(NORMALISED_SIDE, NORMALISED_SIDE, { fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .png()
      .toBuffer();
  } catch {
    throw new HttpError(422, `Could not decode the ${kind.toUpperCase()} image: the file is damaged or incomplete`);
  }
}
