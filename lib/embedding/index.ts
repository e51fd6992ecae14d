// Embedding facade: getEmbedder() returns the CLIP embedder when a complete model is
// in the models folder, otherwise the deterministic pixel descriptor; each under its
// own model id so vectors of different models are never compared. Memoized on
// globalThis (a failed CLIP load is not memoized, so fixing the files and retrying
// works). Must not import lib/db, lib/feed or next.
import "server-only";
import { env } from "../env";
import { clipModelDir, clipModelId, loadClip, missingClipFiles, requiredClipFiles, resetClipCache } from "./clip";
import { FALLBACK_DIM, FALLBACK_MODEL_ID, pixelDescriptor } from "./fallback";

export type EmbeddingMode = "clip" | "fallback";

export interface EmbedImagesOpts {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface Embedder {
  mode: EmbeddingMode;
  /** "clip:<model>:<q8|fp32>:<hash8>" or the pixel descriptor's FALLBACK_MODEL_ID ("stylenova-pixel-v2"). */
  modelId: string;
  dim: number;
  /** Why this mode was chosen (e.g. no model files, or the CLIP load error). */
  reason?: string;
  /** Unit-length vectors, one per image, same order. Throws naming the image index on undecodable input. */
  embedImages(images: Buffer[], opts?: EmbedImagesOpts): Promise<Float32Array[]>;
  /** Unit-length text vector comparable with image vectors; null in fallback mode. */
  embedText(text: string): Promise<Float32Array | null>;
}

export interface EmbeddingStatus {
  mode: EmbeddingMode;
  modelId: string;
  dim: number;
  modelsDir: string;
  reason?: string;
}

export interface EmbedderOptions {
  modelsDir?: string;
  clipModel?: string;
  quantized?: boolean;
  threads?: number;
}

const CACHE_KEY = Symbol.for("stylenova.embedding.embedder");
type Cache = Map<string, Promise<Embedder>>;

function cache(): Cache {
  const g = globalThis as unknown as Record<symbol, Cache | undefined>;
  g[CACHE_KEY] ??= new Map();
  return g[CACHE_KEY]!;
}

function resolveOptions(opts: EmbedderOptions): Required<EmbedderOptions> {
  const e = env();
  return {
    modelsDir: opts.modelsDir ?? e.modelsDir,
    clipModel: opts.clipModel ?? e.clipModel,
    quantized: opts.quantized ?? e.clipQuantized,
    threads: opts.threads ?? e.ortThreads,
  };
}

const OVERRIDE_KEY = Symbol.for("stylenova.embedding.override");

/**
 * Replace the default embedder of this process (benchmarks with synthetic vectors).
 * Pass null to go back to the model folder. Explicit options still bypass it.
 */
export function setEmbedderOverride(embedder: Embedder | null): void {
  (globalThis as unknown as Record<symbol, Embedder | null>)[OVERRIDE_KEY] = embedder;
}

/** The process-wide embedder (defaults from env()); options are for tests and benchmarks. */
export function getEmbedder(opts: EmbedderOptions = {}): Promise<Embedder> {
  const override = (globalThis as unknown as Record<symbol, Embedder | null | undefined>)[OVERRIDE_KEY];
  if (override && Object.keys(opts).length === 0) return Promise.resolve(override);
  const o = resolveOptions(opts);
  const key = JSON.stringify(o);
  const hit = cache().get(key);
  if (hit) return hit;
  const p = createEmbedder(o);
  cache().set(key, p);
  // Only a CLIP embedder, or a fallback chosen because no model is installed, is kept.
  p.then(
    (em) => {
      if (em.mode === "fallback" && em.reason?.startsWith("CLIP model failed")) cache().delete(key);
    },
    () => cache().delete(key),
  );
  return p;
}

/** Mode, model id and dimension for /api/health; never throws. */
export async function embeddingStatus(opts: EmbedderOptions = {}): Promise<EmbeddingStatus> {
  const o = resolveOptions(opts);
  try {
    const em = await getEmbedder(opts);
    return { mode: em.mode, modelId: em.modelId, dim: em.dim, modelsDir: o.modelsDir, ...(em.reason ? { reason: em.reason } : {}) };
  } catch (err) {
    return { mode: "fallback", modelId: FALLBACK_MODEL_ID, dim: FALLBACK_DIM, modelsDir: o.modelsDir, reason: String(err) };
  }
}

/** Forget the memoized embedders and release CLIP sessions (tests). */
export async function resetEmbedderCache(): Promise<void> {
  cache().clear();
  await resetClipCache();
}

/** Preferred variant if complete, else the other complete one, else none. */
function pickVariant(o: Required<EmbedderOptions>): boolean | null {
  for (const quantized of [o.quantized, !o.quantized]) {
    if (missingClipFiles({ modelsDir: o.modelsDir, model: o.clipModel, quantized }).length === 0) return quantized;
  }
  return null;
}

async function createEmbedder(o: Required<EmbedderOptions>): Promise<Embedder> {
  const quantized = pickVariant(o);
  const dir = clipModelDir({ modelsDir: o.modelsDir, model: o.clipModel });
  if (quantized === null) {
    const missing = missingClipFiles({ modelsDir: o.modelsDir, model: o.clipModel, quantized: o.quantized });
    return fallbackEmbedder(`no complete CLIP model in ${dir} (missing ${missing.join(", ")}); run "npm run model:fetch"`);
  }
  try {
    return await clipEmbedder({ ...o, quantized }, quantized !== o.quantized);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    console.warn(`[stylenova] CLIP model failed to load, using the pixel descriptor: ${msg}`);
    return fallbackEmbedder(`CLIP model failed to load: ${msg}`);
  }
}

async function clipEmbedder(o: Required<EmbedderOptions>, otherVariant: boolean): Promise<Embedder> {
  const clipOpts = { modelsDir: o.modelsDir, model: o.clipModel, quantized: o.quantized, threads: o.threads };
  const model = await loadClip(clipOpts);
  const modelId = await clipModelId(clipOpts);
  const variantNote = otherVariant
    ? `using ${requiredClipFiles(o.quantized).slice(-2).join(", ")} (the preferred ${o.quantized ? "fp32" : "quantized"} files are missing)`
    : undefined;
  return {
    mode: "clip",
    modelId,
    dim: model.dim,
    ...(variantNote ? { reason: variantNote } : {}),
    embedImages: (images, opts) => model.embedImages(images, opts),
    embedText: async (text) => (await model.embedTexts([text]))[0],
  };
}

function fallbackEmbedder(reason: string): Embedder {
  return {
    mode: "fallback",
    modelId: FALLBACK_MODEL_ID,
    dim: FALLBACK_DIM,
    reason,
    // all at once: sharp decodes in its thread pool while the descriptor maths of the
    // previous image runs here (callers pass batches of at most a few dozen)
    embedImages: async (images, opts) => {
      let done = 0;
      return Promise.all(
        images.map(async (image, i) => {
          const v = await pixelDescriptor(image, i);
          opts?.onProgress?.(++done, images.length);
          return v;
        }),
      );
    },
    embedText: async () => null,
  };
}

/** What /api/health may tell anyone about the mode: no server paths and no error text (the
 *  full reason is in the server log and on the admin dashboard). */
export function publicEmbeddingNote(s: Pick<EmbeddingStatus, "mode" | "reason">): string | undefined {
  if (!s.reason) return undefined;
  if (s.mode === "clip") return "CLIP runs from its other file variant (the preferred files are missing)";
  if (s.reason.startsWith("CLIP model failed")) return "the CLIP model failed to load, so the pixel descriptor is used";
  return "no CLIP model is installed, so the pixel descriptor is used (npm run model:fetch adds one)";
}
