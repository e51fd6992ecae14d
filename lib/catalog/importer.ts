// The one catalog import path (bundled catalog, CLI, admin upload): parse CSV -> zod
// validation per row -> image normalisation (WebP into the media folder) -> product
// upsert by external id -> image embeddings for products missing one for the current
// model. Each product row is written in one statement after its image file exists, so
// an interrupted import leaves no half-written product and a re-run completes it.
// Server-only; must not import lib/feed or next.
import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db/client";
import { missingEmbeddings, saveEmbeddings } from "@/lib/db/embeddings";
import { bumpCatalogVersion } from "@/lib/db/meta";
import { upsertProducts, type ProductInput } from "@/lib/db/products";
import { env } from "@/lib/env";
import { CsvSyntaxError, parseCsv } from "./csv";
import { brandColourStats, tidyRows, type BrandColourStats } from "./hygiene";
import { ImageError, normaliseImageFile, productImagePath, writeMedia } from "./images";
import type { ProgressSink } from "./progress";
import { detectFormat, validateRow, type CatalogFormat, type CatalogRow } from "./rows";

/** What the importer needs from an embedder (lib/embedding's Embedder satisfies it). */
export interface ImageEmbedder {
  modelId: string;
  embedImages(images: Buffer[], opts?: { batchSize?: number }): Promise<Float32Array[]>;
}

export interface RowError {
  line: number;
  id?: string;
  reason: string;
}

export interface ImportOptions {
  csvPath: string;
  imagesDir?: string;
  source?: string;
  mediaDir?: string;
  embedder?: ImageEmbedder | null;
  onProgress?: ProgressSink;
  chunkSize?: number;
  /** The pictures were written by this process (the bundled catalog): skip their decode check. */
  trustedImages?: boolean;
}

export interface ImportSummary {
  file: string;
  format: CatalogFormat;
  rows: number;
  imported: number;
  created: number;
  updated: number;
  errors: RowError[];
  embedded: number;
  embeddingModel: string | null;
  ms: number;
  /** brands and colours of the valid rows before and after the file-level tidying (lib/catalog/hygiene) */
  hygiene?: { before: BrandColourStats; after: BrandColourStats };
}

/** A problem with the file as a whole (unreadable, bad header, broken quoting). */
export class CatalogFileError extends Error {}

interface ParsedRow {
  line: number;
  row: CatalogRow;
}

async function readCsv(csvPath: string): Promise<string> {
  try {
    return await fs.readFile(csvPath, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CatalogFileError(`${csvPath}: cannot read the file (${code ?? "error"})`);
  }
}

/** Parse and validate every row; bad rows become errors with their line number. */
export function parseCatalog(
  csvPath: string,
  textContent: string,
): { format: CatalogFormat; rows: ParsedRow[]; errors: RowError[]; total: number; hygiene: NonNullable<ImportSummary["hygiene"]> } {
  let records;
  try {
    records = parseCsv(textContent);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new CatalogFileError(`${csvPath}:${e.line}: ${e.message.replace(/^line \d+: /, "")}`);
    throw e;
  }
  if (records.length === 0) throw new CatalogFileError(`${csvPath}: the file is empty (expected a header row)`);
  const header = records[0].fields.map((h) => h.trim());
  const detected = detectFormat(header);
  if ("error" in detected) throw new CatalogFileError(`${csvPath}:1: ${detected.error}`);
  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const rec of records.slice(1)) {
    const id = rec.fields[header.indexOf("id")]?.trim() || undefined;
    if (rec.fields.length !== header.length) {
      const what = rec.fields.length < header.length ? "missing column(s)" : "extra column(s), an unquoted comma?";
      errors.push({ line: rec.line, id, reason: `expected ${header.length} columns, found ${rec.fields.length} (${what})` });
      continue;
    }
    const raw = Object.fromEntries(header.map((h, i) => [h, rec.fields[i]]));
    const result = validateRow(detected.format, raw);
    if ("error" in result) {
      errors.push({ line: rec.line, id, reason: result.error });
      continue;
    }
    const first = seen.get(result.row.externalId);
    if (first !== undefined) {
      errors.push({ line: rec.line, id, reason: `duplicate id "${result.row.externalId}" (first on line ${first})` });
      continue;
    }
    seen.set(result.row.externalId, rec.line);
    rows.push({ line: rec.line, row: result.row });
  }
  const tidy = tidyRows(detected.format, rows.map((r) => r.row));
  const hygiene = { before: brandColourStats(rows.map((r) => r.row)), after: brandColourStats(tidy) };
  return { format: detected.format, rows: rows.map((r, i) => ({ line: r.line, row: tidy[i] })), errors, total: records.length - 1, hygiene };
}

function imageFileFor(row: CatalogRow, csvDir: string, imagesDir: string | undefined): string {
  if (imagesDir) {
    const direct = path.join(imagesDir, row.image);
    return direct;
  }
  return path.join(csvDir, row.image);
}

async function resolveImage(row: CatalogRow, csvDir: string, imagesDir: string | undefined): Promise<string> {
  const primary = imageFileFor(row, csvDir, imagesDir);
  if (!imagesDir) return primary;
  try {
    await fs.access(primary);
    return primary;
  } catch {
    // "images/123.jpg" in the CSV with --images pointing at the images folder itself
    return path.join(imagesDir, path.basename(row.image));
  }
}

function toInput(row: CatalogRow, image: string): ProductInput {
  const { image: _src, ...rest } = row;
  return { ...rest, image };
}

async function processChunk(
  chunk: ParsedRow[],
  ctx: { csvDir: string; imagesDir?: string; mediaDir: string; source: string; trustedImages: boolean },
): Promise<{ created: number; updated: number; errors: RowError[] }> {
  const errors: RowError[] = [];
  const ready: ProductInput[] = [];
  await Promise.all(
    chunk.map(async ({ line, row }) => {
      try {
        const file = await resolveImage(row, ctx.csvDir, ctx.imagesDir);
        const { bytes, format } = await normaliseImageFile(file, { trusted: ctx.trustedImages });
        const rel = productImagePath(row.externalId, format);
        await writeMedia(ctx.mediaDir, rel, bytes);
        ready.push(toInput(row, rel));
      } catch (e) {
        if (!(e instanceof ImageError)) throw e;
        errors.push({ line, id: row.externalId, reason: e.message });
      }
    }),
  );
  ready.sort((a, b) => a.externalId.localeCompare(b.externalId));
  const { created, updated } = ready.length ? await upsertProducts(ready, ctx.source) : { created: 0, updated: 0 };
  return { created, updated, errors };
}

/** Embed every product that has no vector for the embedder's model (resumable). */
export async function embedMissingProducts(
  embedder: ImageEmbedder,
  opts: { mediaDir?: string; onProgress?: ProgressSink; batchSize?: number } = {},
): Promise<number> {
  const mediaDir = opts.mediaDir ?? env().mediaDir;
  const client = await db();
  const products = await client.product.findMany({ where: { image: { not: null } }, select: { id: true, image: true } });
  const imageOf = new Map(products.map((p) => [p.id, p.image as string]));
  const todo = await missingEmbeddings(embedder.modelId, products.map((p) => p.id));
  const batch = opts.batchSize ?? 16;
  let done = 0;
  opts.onProgress?.("Embedding", 0, todo.length);
  for (let i = 0; i < todo.length; i += batch) {
    const ids = todo.slice(i, i + batch);
    const loaded: { id: number; bytes: Buffer }[] = [];
    for (const id of ids) {
      try {
        loaded.push({ id, bytes: await fs.readFile(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ mediaDir, imageOf.get(id) as string)) });
      } catch {
        // image vanished from the media folder: leave it unembedded, it is re-tried next run
      }
    }
    const vectors = await embedder.embedImages(
      loaded.map((l) => l.bytes),
      { batchSize: Math.min(8, batch) },
    );
    await saveEmbeddings(embedder.modelId, loaded.map((l, k) => ({ productId: l.id, vector: vectors[k] })));
    done += ids.length;
    opts.onProgress?.("Embedding", done, todo.length);
  }
  return todo.length;
}

/** Import a catalog CSV. Bad rows are reported and skipped; good rows always land. */
export async function importCatalog(opts: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const csvPath = path.resolve(opts.csvPath);
  const parsed = parseCatalog(csvPath, await readCsv(csvPath));
  const imagesDir = opts.imagesDir ? path.resolve(opts.imagesDir) : undefined;
  if (imagesDir) {
    const st = await fs.stat(imagesDir).catch(() => null);
    if (!st?.isDirectory()) throw new CatalogFileError(`${imagesDir}: the images folder does not exist`);
  }
  const ctx = { csvDir: path.dirname(csvPath), imagesDir, mediaDir: opts.mediaDir ?? env().mediaDir, source: opts.source ?? path.basename(csvPath), trustedImages: opts.trustedImages === true };
  const client = await db();
  const run = await client.importRun.create({ data: { source: ctx.source, status: "running", total: parsed.total } });
  const errors = [...parsed.errors];
  let created = 0;
  let updated = 0;
  const chunkSize = opts.chunkSize ?? 32;
  opts.onProgress?.("Importing", 0, parsed.rows.length);
  try {
    for (let i = 0; i < parsed.rows.length; i += chunkSize) {
      const r = await processChunk(parsed.rows.slice(i, i + chunkSize), ctx);
      created += r.created;
      updated += r.updated;
      errors.push(...r.errors);
      opts.onProgress?.("Importing", Math.min(parsed.rows.length, i + chunkSize), parsed.rows.length);
    }
    const embedded = opts.embedder ? await embedMissingProducts(opts.embedder, { mediaDir: ctx.mediaDir, onProgress: opts.onProgress }) : 0;
    await bumpCatalogVersion();
    errors.sort((a, b) => a.line - b.line);
    await client.importRun.update({
      where: { id: run.id },
      data: { status: "done", imported: created + updated, skipped: errors.length, errors: JSON.stringify(errors), finishedAt: new Date() },
    });
    return {
      file: csvPath, format: parsed.format, rows: parsed.total, imported: created + updated, created, updated,
      errors, embedded, embeddingModel: opts.embedder?.modelId ?? null, ms: Date.now() - started, hygiene: parsed.hygiene,
    };
  } catch (e) {
    await client.importRun.update({ where: { id: run.id }, data: { status: "failed", finishedAt: new Date() } }).catch(() => undefined);
    throw e;
  }
}
