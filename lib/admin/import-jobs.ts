// Browser catalog imports: the uploaded CSV (and optional ZIP of images) is checked,
// written to a private temp folder, the images are unzipped safely, and the SAME importer
// as the CLI (importCatalog with the current embedder) runs in the background. Progress
// lives in an in-memory job registry (per process, on globalThis) and the ImportRun row.
// One import at a time. Timestamps come from the injected clock (lib/clock); waiting for
// a job is event-driven (the job's own completion promise), never a timed poll.
// Server-only; must not import lib/feed or next.
import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CatalogFileError, importCatalog, type RowError } from "@/lib/catalog/importer";
import { currentClock } from "@/lib/clock";
import { csvLine } from "@/lib/catalog/csv";
import { importRunBySource, type ImportRunRecord } from "@/lib/db/admin-stats";
import { getEmbedder } from "@/lib/embedding";
import { HttpError } from "@/lib/http/respond";
import { extractImages, listZip, planExtraction, ZIP_LIMITS, ZipError } from "./zip";

export const MAX_CSV_BYTES = 20 * 1024 * 1024;
export const MAX_ZIP_BYTES = ZIP_LIMITS.maxArchiveBytes;
const KEEP_JOBS = 20;

export type JobStatus = "running" | "done" | "failed";

export interface ImportJob {
  id: string;
  source: string;
  fileName: string;
  zipName: string | null;
  status: JobStatus;
  phase: string;
  done: number;
  total: number;
  startedAt: number;
  finishedAt: number | null;
  error: string | null;
  notes: string[];
  summary: { rows: number; imported: number; created: number; updated: number; skipped: number; embedded: number; embeddingModel: string | null; ms: number } | null;
  errors: RowError[];
}

interface Registry {
  jobs: Map<string, ImportJob>;
  /** Per job: settles (never rejects) when the job has finished, done or failed. */
  finished: Map<string, Promise<ImportJob>>;
  active: string | null;
}
const g = globalThis as unknown as { __stylenovaImportJobs?: Registry };
const emptyRegistry = (): Registry => ({ jobs: new Map(), finished: new Map(), active: null });
function registry(): Registry {
  const r = (g.__stylenovaImportJobs ??= emptyRegistry());
  r.finished ??= new Map(); // a registry left on globalThis by an older module version (dev reload)
  return r;
}

export function getJob(id: string): ImportJob | null {
  return registry().jobs.get(id) ?? null;
}

export function activeJob(): ImportJob | null {
  const r = registry();
  return r.active ? (r.jobs.get(r.active) ?? null) : null;
}

export function recentJobs(): ImportJob[] {
  return [...registry().jobs.values()].reverse();
}

/** Tests: forget every job. */
export function resetImportJobs(): void {
  g.__stylenovaImportJobs = emptyRegistry();
}

function safeFileName(name: string, fallback: string): string {
  const base = path.basename(name.replace(/\\/g, "/")).replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 80);
  return base && !base.startsWith(".") ? base : fallback;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Validate the upload, register a job and start it in the background. Throws HttpError on bad input. */
export function startImport(csv: UploadedFile, zip: UploadedFile | null): ImportJob {
  const r = registry();
  if (r.active) throw new HttpError(409, "Another import is still running: wait for it to finish");
  if (csv.bytes.byteLength === 0) throw new HttpError(400, "csv: the file is empty");
  if (csv.bytes.byteLength > MAX_CSV_BYTES) throw new HttpError(413, "csv: larger than 20 MB");
  const zipBuf = zip ? Buffer.from(zip.bytes.buffer, zip.bytes.byteOffset, zip.bytes.byteLength) : null;
  const notes: string[] = [];
  if (zipBuf) {
    if (zipBuf.length > MAX_ZIP_BYTES) throw new HttpError(413, "images: the ZIP is larger than 200 MB");
    try {
      const { images, ignored } = planExtraction(listZip(zipBuf));
      notes.push(`${images.length} image(s) in ${zip!.name}`);
      if (ignored.length) notes.push(`${ignored.length} non-image entr${ignored.length === 1 ? "y" : "ies"} ignored`);
    } catch (e) {
      if (e instanceof ZipError) throw new HttpError(400, `images: ${e.message}`);
      throw e;
    }
  }
  const id = randomBytes(6).toString("hex");
  const fileName = safeFileName(csv.name, "catalog.csv");
  const job: ImportJob = {
    id, source: `admin:${fileName}#${id}`, fileName, zipName: zip ? safeFileName(zip.name, "images.zip") : null,
    status: "running", phase: "Queued", done: 0, total: 0, startedAt: currentClock().now(), finishedAt: null, error: null, notes, summary: null, errors: [],
  };
  r.jobs.set(id, job);
  r.active = id;
  r.finished.set(id, runJob(job, Buffer.from(csv.bytes), zipBuf).then(() => job, () => job));
  while (r.jobs.size > KEEP_JOBS) {
    const oldest = r.jobs.keys().next().value as string;
    r.jobs.delete(oldest);
    r.finished.delete(oldest);
  }
  return job;
}

async function runJob(job: ImportJob, csv: Buffer, zip: Buffer | null): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "stylenova-import-"));
  const progress = (phase: string, done: number, total: number) => Object.assign(job, { phase, done, total });
  try {
    const csvPath = path.join(dir, job.fileName.endsWith(".csv") ? job.fileName : `${job.fileName}.csv`);
    await fs.writeFile(csvPath, csv);
    let imagesDir: string | undefined;
    if (zip) {
      imagesDir = path.join(dir, "images");
      await extractImages(zip, imagesDir, { onProgress: (d, t) => progress("Unpacking", d, t) });
    }
    const embedder = await getEmbedder();
    const summary = await importCatalog({ csvPath, imagesDir, source: job.source, embedder, onProgress: progress });
    job.summary = {
      rows: summary.rows, imported: summary.imported, created: summary.created, updated: summary.updated, skipped: summary.errors.length,
      embedded: summary.embedded, embeddingModel: summary.embeddingModel, ms: summary.ms,
    };
    job.errors = summary.errors;
    job.status = "done";
    job.phase = "Done";
  } catch (e) {
    job.status = "failed";
    job.phase = "Failed";
    job.error = e instanceof CatalogFileError || e instanceof ZipError
      ? e.message.replace(dir + path.sep, "").replace(dir, "")
      : "the import failed unexpectedly (see the server log)";
    if (!(e instanceof CatalogFileError || e instanceof ZipError)) console.error("[stylenova] admin import failed:", e);
  } finally {
    job.finishedAt = currentClock().now();
    const r = registry();
    if (r.active === job.id) r.active = null;
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Resolves with the job once it has finished (done or failed); event-driven, no polling or timeout of its own. */
export async function waitForJob(id: string): Promise<ImportJob> {
  const finished = registry().finished.get(id);
  if (!finished) throw new Error(`no import job ${id}`);
  return finished;
}

export interface JobView extends Omit<ImportJob, "errors" | "source"> {
  errorCount: number;
  errorsPreview: RowError[];
  run: { id: number; status: string; total: number; imported: number; skipped: number } | null;
  errorReportUrl: string | null;
}

/** A job as the progress endpoint returns it (with its ImportRun row when it exists). */
export async function jobView(job: ImportJob): Promise<JobView> {
  const run: ImportRunRecord | null = await importRunBySource(job.source);
  const { errors, source: _source, ...rest } = job;
  return {
    ...rest,
    errorCount: errors.length,
    errorsPreview: errors.slice(0, 20),
    run: run ? { id: run.id, status: run.status, total: run.total, imported: run.imported, skipped: run.skipped } : null,
    errorReportUrl: run && run.status === "done" && run.errors.length ? `/api/admin/import-runs/${run.id}/errors` : null,
  };
}

/** The row-level error report as CSV (line,id,reason). */
export function errorReportCsv(errors: readonly RowError[]): string {
  return ["line,id,reason", ...errors.map((e) => csvLine([e.line, e.id ?? "", e.reason]))].join("\n") + "\n";
}
