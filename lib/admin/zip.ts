// A minimal, safe ZIP reader for admin image uploads: reads the central directory,
// supports only "stored" and "deflate" entries (node:zlib inflateRaw), verifies sizes
// and CRC-32, and refuses unsafe archives (path traversal, absolute paths, symlinks,
// encryption, ZIP64, multi-disk, too many or too large entries). Images are extracted
// flat (by file name) into a destination folder; other files are ignored.
// Must not import lib/db, lib/feed or next.
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const inflateRaw = promisify(zlib.inflateRaw);

export interface ZipLimits {
  maxArchiveBytes: number;
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  extensions: readonly string[];
}

export const ZIP_LIMITS: ZipLimits = {
  maxArchiveBytes: 200 * 1024 * 1024,
  maxEntries: 20_000,
  maxEntryBytes: 20 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  extensions: [".jpg", ".jpeg", ".png", ".webp"],
};

export class ZipError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  isDirectory: boolean;
  isSymlink: boolean;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  throw new ZipError("not a ZIP archive (no end of central directory record)");
}

/** Reject names that could escape the destination folder. */
export function assertSafeName(name: string): void {
  const shown = JSON.stringify(name.slice(0, 120));
  if (name.includes("\0")) throw new ZipError(`unsafe entry name ${shown} (NUL byte)`);
  const unified = name.replace(/\\/g, "/");
  if (unified.startsWith("/") || /^[A-Za-z]:/.test(unified)) throw new ZipError(`unsafe entry name ${shown} (absolute path)`);
  if (unified.split("/").some((s) => s === "..")) throw new ZipError(`unsafe entry name ${shown} (path traversal)`);
}

/** Read and validate the central directory. */
export function listZip(buf: Buffer, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  if (buf.length > limits.maxArchiveBytes) throw new ZipError(`archive is larger than ${MB(limits.maxArchiveBytes)}`);
  if (buf.length < 22) throw new ZipError("not a ZIP archive (too short)");
  const eocd = findEocd(buf);
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0) throw new ZipError("multi-part ZIP archives are not supported");
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new ZipError("ZIP64 archives are not supported");
  if (count > limits.maxEntries) throw new ZipError(`archive has ${count} entries, at most ${limits.maxEntries} allowed`);
  if (cdOffset + cdSize > eocd) throw new ZipError("corrupt ZIP archive (central directory out of range)");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CEN_SIG) throw new ZipError("corrupt ZIP archive (bad central directory entry)");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc32 = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const madeBy = buf.readUInt16LE(p + 4) >> 8;
    const extAttr = buf.readUInt32LE(p + 38);
    const localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > eocd) throw new ZipError("corrupt ZIP archive (entry name out of range)");
    const name = buf.toString(flags & 0x800 ? "utf8" : "latin1", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    assertSafeName(name);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new ZipError("ZIP64 archives are not supported");
    const isSymlink = madeBy === 3 && ((extAttr >>> 16) & 0o170000) === 0o120000;
    entries.push({ name, method, flags, crc32, compressedSize, size, localOffset, isDirectory: name.endsWith("/") || name.endsWith("\\"), isSymlink });
  }
  return entries;
}

/** Whether an entry is an image we extract (directories, dot files, __MACOSX and other types are not). */
export function isWantedImage(e: ZipEntry, limits: ZipLimits = ZIP_LIMITS): boolean {
  if (e.isDirectory || e.isSymlink) return false;
  const unified = e.name.replace(/\\/g, "/");
  if (unified.split("/").some((s) => s === "__MACOSX")) return false;
  const base = path.posix.basename(unified);
  if (base.startsWith(".")) return false;
  return limits.extensions.includes(path.posix.extname(base).toLowerCase());
}

/** The wanted entries, with sizes and duplicates checked (before anything is inflated). */
export function planExtraction(entries: ZipEntry[], limits: ZipLimits = ZIP_LIMITS): { images: ZipEntry[]; ignored: string[] } {
  const images: ZipEntry[] = [];
  const ignored: string[] = [];
  const seen = new Map<string, string>();
  let total = 0;
  for (const e of entries) {
    if (!isWantedImage(e, limits)) {
      if (!e.isDirectory) ignored.push(e.name);
      continue;
    }
    if (e.flags & 0x1) throw new ZipError(`entry "${e.name}" is encrypted`);
    if (e.method !== 0 && e.method !== 8) throw new ZipError(`entry "${e.name}" uses compression method ${e.method} (only stored and deflate are supported)`);
    if (e.size > limits.maxEntryBytes) throw new ZipError(`entry "${e.name}" is larger than ${MB(limits.maxEntryBytes)}`);
    total += e.size;
    if (total > limits.maxTotalBytes) throw new ZipError(`images add up to more than ${MB(limits.maxTotalBytes)} uncompressed`);
    const base = path.posix.basename(e.name.replace(/\\/g, "/"));
    const key = base.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) throw new ZipError(`two entries share the file name "${base}" ("${first}" and "${e.name}")`);
    seen.set(key, e.name);
    images.push(e);
  }
  return { images, ignored };
}

/** Inflate one entry, checking its declared size and CRC-32. */
export async function readEntry(buf: Buffer, e: ZipEntry, limits: ZipLimits = ZIP_LIMITS): Promise<Buffer> {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOC_SIG) throw new ZipError(`corrupt ZIP archive (bad local header for "${e.name}")`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw new ZipError(`corrupt ZIP archive ("${e.name}" runs past the end)`);
  const raw = buf.subarray(start, end);
  let out: Buffer;
  if (e.method === 0) {
    out = Buffer.from(raw);
  } else {
    try {
      out = await inflateRaw(raw, { maxOutputLength: Math.min(limits.maxEntryBytes, e.size) + 1 });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ERR_BUFFER_TOO_LARGE") throw new ZipError(`entry "${e.name}" inflates beyond its declared size`);
      throw new ZipError(`entry "${e.name}" could not be inflated (${(err as Error).message})`);
    }
  }
  if (out.length !== e.size) throw new ZipError(`entry "${e.name}" has ${out.length} bytes, ${e.size} declared`);
  if (zlib.crc32(out) >>> 0 !== e.crc32 >>> 0) throw new ZipError(`entry "${e.name}" fails its CRC-32 check`);
  return out;
}

/** Extract the archive's images flat into destDir (created). Returns file names written and ignored entries. */
export async function extractImages(
  buf: Buffer,
  destDir: string,
  opts: { limits?: ZipLimits; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ files: string[]; ignored: string[] }> {
  const limits = opts.limits ?? ZIP_LIMITS;
  const { images, ignored } = planExtraction(listZip(buf, limits), limits);
  await fs.mkdir(destDir, { recursive: true });
  const root = path.resolve(destDir);
  const files: string[] = [];
  opts.onProgress?.(0, images.length);
  for (const e of images) {
    const base = path.posix.basename(e.name.replace(/\\/g, "/"));
    const target = path.resolve(root, base);
    if (path.dirname(target) !== root) throw new ZipError(`unsafe entry name "${e.name}"`);
    await fs.writeFile(target, await readEntry(buf, e, limits), { flag: "wx" });
    files.push(base);
    opts.onProgress?.(files.length, images.length);
  }
  return { files, ignored };
}
