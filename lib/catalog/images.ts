// Product image normalisation: decode with sharp, resize to fit 600x800, encode WebP,
// write atomically (temp file + rename) into the served media folder. Server-only.
import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;
export const MEDIA_WIDTH = 600;
export const MEDIA_HEIGHT = 800;

export class ImageError extends Error {}

/** Media-relative path for a product image. */
export function productImagePath(externalId: string): string {
  return `products/${externalId.replace(/[^A-Za-z0-9._-]/g, "_")}.webp`;
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
