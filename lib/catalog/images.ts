// Product image normalisation: decode with sharp, resize to fit 1024x1366 (2x for a phone
// screen; the app serves smaller AVIF/WebP copies through next/image), encode WebP, write
// atomically (temp file + rename) into the served media folder. A baseline sRGB JPEG or WebP
// that already fits, with no alpha and no rotation, is kept as it is (no second lossy
// encode; this keeps seeding the bundled catalog fast). Server-only.
import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;
export const MEDIA_WIDTH = 1024;
export const MEDIA_HEIGHT = 1366;

export class ImageError extends Error {}

export type MediaFormat = "webp" | "jpg";

/** Media-relative path for a product image. */
export function productImagePath(externalId: string, format: MediaFormat = "webp"): string {
  return `products/${externalId.replace(/[^A-Za-z0-9._-]/g, "_")}.${format}`;
}

/** The source's format when its bytes can be served as they are, else null. */
async function servableAsIs(file: string, decodeCheck: boolean): Promise<MediaFormat | null> {
  const m = await sharp(file).metadata();
  if (m.format !== "jpeg" && m.format !== "webp") return null;
  if (m.hasAlpha || (m.orientation ?? 1) !== 1 || (m.space !== "srgb" && m.space !== "b-w") || m.pages && m.pages > 1) return null;
  if (!m.width || !m.height || m.width > MEDIA_WIDTH || m.height > MEDIA_HEIGHT) return null;
  // a full (shrink-on-load) decode, so a truncated or corrupt file is not kept; skipped only
  // for pictures this process has just written itself (the bundled catalog's renders)
  if (decodeCheck) await sharp(file, { failOn: "error" }).resize(16, 16, { fit: "fill" }).raw().toBuffer();
  return m.format === "jpeg" ? "jpg" : "webp";
}

/** Read and decode a source image, returning normalised bytes and their format. Throws ImageError. */
export async function normaliseImageFile(file: string, opts: { trusted?: boolean } = {}): Promise<{ bytes: Buffer; format: MediaFormat }> {
  const keep = await servableAsIs(file, !opts.trusted).catch(() => null);
  if (keep) {
    const bytes = await fs.readFile(file);
    if (bytes.length <= MAX_SOURCE_BYTES) return { bytes, format: keep };
  }
  return { bytes: await normaliseImage(file), format: "webp" };
}

/** Read and decode a source image, returning normalised WebP bytes. Throws ImageError. */
export async function normaliseImage(file: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new ImageError(`image "${path.basename(file)}" not found`);
  }
  if (!stat.isFile()) throw new ImageError(`image "${path.basename(file)}" is not a file`);
  if (stat.size > MAX_SOURCE_BYTES) throw new ImageError(`image "${path.basename(file)}" is larger than 20 MB`);
  if (stat.size === 0) throw new ImageError(`image "${path.basename(file)}" is empty`);
  try {
    return await sharp(file, { failOn: "error", limitInputPixels: 40_000_000 })
      .rotate()
      .flatten({ background: "#ffffff" })
      .resize(MEDIA_WIDTH, MEDIA_HEIGHT, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer();
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : "unknown error";
    throw new ImageError(`image "${path.basename(file)}" could not be decoded (${reason})`);
  }
}

/** Write bytes to mediaDir/rel atomically. */
export async function writeMedia(mediaDir: string, rel: string, bytes: Buffer): Promise<void> {
  const target = path.join(mediaDir, rel);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await fs.writeFile(tmp, bytes);
  await fs.rename(tmp, target);
}
