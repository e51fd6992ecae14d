// Bundled catalog entry point: generates the fictional catalog, writes <outDir>/catalog.csv
// in the project's own format and renders <outDir>/images/<id>.jpg. Used by the seeding
// step and by lib/cli/catalog-generate.ts.
// Server-side only (node:fs, sharp via ./render); must not import lib/db, lib/feed or next.

import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { toCsv } from "./csv";
import { DEFAULT_COUNT, DEFAULT_SEED, generateCatalog, type CatalogRow } from "./generate";
import { RENDER_VERSION, renderProductImage, renderProductSvg } from "./render";

export { generateCatalog, generateRow, DEFAULT_COUNT, DEFAULT_SEED, type CatalogRow, type GenerateOptions } from "./generate";
export { renderProductImage, renderProductSvg, IMAGE_WIDTH, IMAGE_HEIGHT, type RenderInput } from "./render";
export { CSV_HEADER, escapeCsvField, parseCsv, toCsv } from "./csv";

/** Progress callback: rows written (phase "csv") or images done (phase "images"). */
export type CatalogProgress = (done: number, total: number, phase: "csv" | "images") => void;

export interface WriteCatalogOptions {
  outDir: string;
  count?: number;
  seed?: number;
  images: boolean;
  onProgress?: CatalogProgress;
}

export interface WriteCatalogResult {
  csvPath: string;
  count: number;
  imagesRendered: number;
  imagesSkipped: number; // already on disk with the same drawing (content hash)
}

const MANIFEST = ".manifest.json";

export async function writeBundledCatalog(opts: WriteCatalogOptions): Promise<WriteCatalogResult> {
  const { outDir, count = DEFAULT_COUNT, seed = DEFAULT_SEED, images, onProgress } = opts;
  await mkdir(outDir, { recursive: true });
  const rows = generateCatalog({ count, seed });
  const csvPath = path.join(outDir, "catalog.csv");
  await writeAtomic(csvPath, toCsv(rows));
  if (!images) onProgress?.(rows.length, rows.length, "csv");
  let imagesRendered = 0;
  let imagesSkipped = 0;
  if (images) ({ rendered: imagesRendered, skipped: imagesSkipped } = await writeImages(outDir, rows, onProgress));
  return { csvPath, count: rows.length, imagesRendered, imagesSkipped };
}

async function writeImages(outDir: string, rows: readonly CatalogRow[], onProgress?: CatalogProgress) {
  const imageDir = path.join(outDir, "images");
  await mkdir(imageDir, { recursive: true });
  const manifestPath = path.join(imageDir, MANIFEST);
  const manifest = await readManifest(manifestPath);
  let next = 0;
  let done = 0;
  let rendered = 0;
  let skipped = 0;
  const step = Math.max(1, Math.floor(rows.length / 20));
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      const file = path.join(outDir, row.image);
      const hash = createHash("sha1").update(`v${RENDER_VERSION}\n${renderProductSvg(row)}`).digest("hex");
      if (manifest[row.id] === hash && existsSync(file)) skipped++;
      else {
        await writeFile(file, await renderProductImage(row));
        manifest[row.id] = hash;
        rendered++;
      }
      done++;
      if (done % step === 0 || done === rows.length) onProgress?.(done, rows.length, "images");
    }
  };
  const workers = Math.max(2, Math.min(8, os.availableParallelism?.() ?? os.cpus().length));
  await Promise.all(Array.from({ length: workers }, worker));
  await writeAtomic(manifestPath, JSON.stringify(manifest));
  return { rendered, skipped };
}

async function readManifest(file: string): Promise<Record<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
    return parsed && typeof parsed === "object" ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

async function writeAtomic(file: string, content: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, content, "utf8");
  await rename(tmp, file);
}
