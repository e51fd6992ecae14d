// CLIP image/text embedder over the transformers.js layout of a model folder
// (<modelsDir>/<model>/{config,preprocessor_config,tokenizer,tokenizer_config}.json +
// onnx/{vision,text}_model[_quantized].onnx), fully offline. The ONLY module that
// imports @xenova/transformers and onnxruntime-node. Must not import lib/db or lib/feed.
//
// Why not transformers.js' CLIP model/processor classes: in 2.17 they wrap results in
// its own Tensor, built with Object.assign(this, new ort.Tensor(...)); onnxruntime
// 1.30's Tensor keeps its data behind a getter, so every such Tensor has data ===
// undefined (processor and model outputs break). 2.17 also creates sessions without
// options (no thread cap). So: the CLIP tokenizer comes from transformers.js (loaded
// from the local folder, remote models disabled, plain arrays out); preprocessing
// follows preprocessor_config.json with sharp; sessions are onnxruntime-node's.
import "server-only";
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { open, readFile } from "node:fs/promises";
import path from "node:path";
import * as ortNs from "onnxruntime-node";
import { AutoTokenizer, env as transformersEnv } from "@xenova/transformers";
import { parsePreprocessorConfig, preprocessImage, type ClipPreprocessConfig } from "./clip-preprocess";
import { l2normalize } from "./vectors";

type Ort = typeof ortNs;
const ort: Ort = ((ortNs as unknown as { default?: Ort }).default ?? ortNs) as Ort;

export interface ClipOptions {
  modelsDir: string;
  /** Model id, also the sub-folder of modelsDir, e.g. "Xenova/clip-vit-base-patch32". */
  model: string;
  quantized: boolean;
  /** ORT intra-op threads per session. */
  threads: number;
}

export interface ClipModel {
  readonly options: ClipOptions;
  readonly modelDir: string;
  /** Embedding dimension (config.json projection_dim, checked on every run). */
  readonly dim: number;
  /** One ORT run per item (quantized graphs quantize activations per run, see LoadedClip). */
  readonly runPerItem: boolean;
  embedImages(images: Buffer[], opts?: EmbedImagesOptions): Promise<Float32Array[]>;
  embedTexts(texts: string[]): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

export interface EmbedImagesOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

const JSON_FILES = ["config.json", "preprocessor_config.json", "tokenizer.json", "tokenizer_config.json"];

/** Relative paths of the files a CLIP model folder must hold for this variant. */
export function requiredClipFiles(quantized: boolean): string[] {
  const suffix = quantized ? "_quantized" : "";
  return [...JSON_FILES, `onnx/vision_model${suffix}.onnx`, `onnx/text_model${suffix}.onnx`];
}

export function clipModelDir(opts: Pick<ClipOptions, "modelsDir" | "model">): string {
  return path.join(opts.modelsDir, ...opts.model.split("/"));
}

/** Which required files are missing (empty when the model is usable). */
export function missingClipFiles(opts: Pick<ClipOptions, "modelsDir" | "model" | "quantized">): string[] {
  const dir = clipModelDir(opts);
  return requiredClipFiles(opts.quantized).filter((f) => !existsSync(path.join(dir, f)));
}

/**
 * Identity of the model variant: "clip:<model>:<q8|fp32>:<hash8>", the hash over the
 * size and the first/last MiB of both ONNX files (content-based, cheap, stable across
 * copies) so vectors of different weights are never compared.
 */
export async function clipModelId(opts: Pick<ClipOptions, "modelsDir" | "model" | "quantized">): Promise<string> {
  const dir = clipModelDir(opts);
  const hash = createHash("sha256");
  for (const rel of requiredClipFiles(opts.quantized).filter((f) => f.endsWith(".onnx"))) {
    await hashFileSample(path.join(dir, rel), hash);
  }
  return `clip:${opts.model}:${opts.quantized ? "q8" : "fp32"}:${hash.digest("hex").slice(0, 8)}`;
}

async function hashFileSample(file: string, hash: ReturnType<typeof createHash>): Promise<void> {
  const size = statSync(file).size;
  const chunk = Math.min(size, 1 << 20);
  const fh = await open(file, "r");
  try {
    const head = Buffer.alloc(chunk);
    const tail = Buffer.alloc(chunk);
    await fh.read(head, 0, chunk, 0);
    await fh.read(tail, 0, chunk, size - chunk);
    hash.update(`${path.basename(file)}:${size}:`).update(head).update(tail);
  } finally {
    await fh.close();
  }
}

// ---------------------------------------------------------------- loading (memoized)

const CACHE_KEY = Symbol.for("stylenova.embedding.clip");
type ClipCache = Map<string, Promise<ClipModel>>;

function cache(): ClipCache {
  const g = globalThis as unknown as Record<symbol, ClipCache | undefined>;
  g[CACHE_KEY] ??= new Map();
  return g[CACHE_KEY]!;
}

/** Load (once per options) the CLIP towers; a failed load is forgotten so a retry works. */
export function loadClip(opts: ClipOptions): Promise<ClipModel> {
  const key = JSON.stringify([opts.modelsDir, opts.model, opts.quantized, opts.threads]);
  const hit = cache().get(key);
  if (hit) return hit;
  const p = loadClipUncached(opts);
  cache().set(key, p);
  p.catch(() => cache().delete(key));
  return p;
}

/** Forget loaded sessions (tests; after replacing model files). Sessions are released. */
export async function resetClipCache(): Promise<void> {
  const loaded = [...cache().values()];
  cache().clear();
  for (const p of loaded) await p.then((m) => m.dispose()).catch(() => undefined);
}

async function loadClipUncached(opts: ClipOptions): Promise<ClipModel> {
  const dir = clipModelDir(opts);
  if (!existsSync(dir)) {
    throw new Error(`CLIP model folder not found: ${dir}. Run "npm run model:fetch" or place the ${opts.model} files there.`);
  }
  const missing = missingClipFiles(opts);
  if (missing.length > 0) {
    throw new Error(`CLIP model in ${dir} is incomplete: missing ${missing.join(", ")}. Run "npm run model:fetch" or copy the files there.`);
  }
  const config = await readJson(path.join(dir, "config.json"));
  const pre = await readJson(path.join(dir, "preprocessor_config.json"));
  const preprocess = step(path.join(dir, "preprocessor_config.json"), () => parsePreprocessorConfig(pre));
  const tokenizer = await loadTokenizer(opts, dir);
  const [visionFile, textFile] = requiredClipFiles(opts.quantized).slice(-2).map((f) => path.join(dir, f));
  const vision = await createSession(visionFile, opts.threads, ["pixel_values"], "image_embeds");
  const text = await createSession(textFile, opts.threads, ["input_ids"], "text_embeds");
  const textConfig = (config.text_config ?? {}) as { max_position_embeddings?: number };
  const dim = typeof config.projection_dim === "number" ? config.projection_dim : 512;
  return new LoadedClip(opts, dir, { vision, text, preprocess, tokenizer, maxLen: textConfig.max_position_embeddings ?? 77, dim });
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, "utf8");
  return step(file, () => JSON.parse(text) as Record<string, unknown>);
}

function step<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new Error(`Cannot read ${file}: ${shortMessage(err)}`);
  }
}

/** The CLIP tokenizer via transformers.js from the local folder; downloads are disabled. */
async function loadTokenizer(opts: ClipOptions, dir: string): Promise<TokenizerFn> {
  transformersEnv.allowRemoteModels = false;
  transformersEnv.allowLocalModels = true;
  transformersEnv.localModelPath = opts.modelsDir.endsWith(path.sep) ? opts.modelsDir : opts.modelsDir + path.sep;
  transformersEnv.useBrowserCache = false;
  transformersEnv.useFSCache = false;
  try {
    return (await AutoTokenizer.from_pretrained(opts.model)) as unknown as TokenizerFn;
  } catch (err) {
    throw new Error(`Cannot load the tokenizer from ${dir} (tokenizer.json, tokenizer_config.json): ${shortMessage(err)}`);
  }
}

/** ORT session with an intra-op thread cap; a corrupt file gives an error naming it. */
export async function createSession(file: string, threads: number, inputs: string[], output: string): Promise<ortNs.InferenceSession> {
  let session: ortNs.InferenceSession;
  try {
    session = await ort.InferenceSession.create(file, {
      executionProviders: ["cpu"],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: "sequential",
      graphOptimizationLevel: "all",
    });
  } catch (err) {
    throw new Error(`Cannot load ONNX model ${file}: ${shortMessage(err)}. The file is corrupt or not an ONNX model; delete it and run "npm run model:fetch".`);
  }
  const missingIn = inputs.filter((n) => !session.inputNames.includes(n));
  if (missingIn.length > 0 || !session.outputNames.includes(output)) {
    await session.release();
    throw new Error(
      `ONNX model ${file} has inputs [${session.inputNames.join(", ")}] and outputs [${session.outputNames.join(", ")}]; expected inputs [${inputs.join(", ")}] and output ${output}.`,
    );
  }
  return session;
}

function shortMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split("\n")[0].slice(0, 300);
}

// ---------------------------------------------------------------- inference

type TokenizerFn = ((texts: string[], opts: object) => { input_ids: number[][]; attention_mask: number[][] }) & {
  model: { tokens_to_ids: Map<string, number> };
};

interface Parts {
  vision: ortNs.InferenceSession;
  text: ortNs.InferenceSession;
  preprocess: ClipPreprocessConfig;
  tokenizer: TokenizerFn;
  maxLen: number;
  dim: number;
}

class LoadedClip implements ClipModel {
  readonly runPerItem: boolean;
  readonly dim: number;

  constructor(
    readonly options: ClipOptions,
    readonly modelDir: string,
    private readonly p: Parts,
  ) {
    // Dynamic quantization (DynamicQuantizeLinear) picks one activation scale per
    // run over the whole batch, so a batched run would make an item's vector depend
    // on its batch-mates. Quantized graphs are therefore run one item at a time.
    this.runPerItem = options.quantized;
    this.dim = p.dim;
  }

  async embedImages(images: Buffer[], opts: EmbedImagesOptions = {}): Promise<Float32Array[]> {
    const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 8));
    const out: Float32Array[] = [];
    for (let start = 0; start < images.length; start += batchSize) {
      const chunk = images.slice(start, start + batchSize);
      const pixels = await Promise.all(chunk.map((b, i) => preprocessImage(b, this.p.preprocess, start + i)));
      out.push(...(await this.runVision(pixels)));
      opts.onProgress?.(out.length, images.length);
    }
    return out;
  }

  private async runVision(pixels: Float32Array[]): Promise<Float32Array[]> {
    const { cropHeight: h, cropWidth: w } = this.p.preprocess;
    const groups = this.runPerItem ? pixels.map((px) => [px]) : [pixels];
    const res: Float32Array[] = [];
    for (const g of groups) {
      const data = new Float32Array(g.length * 3 * h * w);
      g.forEach((px, i) => data.set(px, i * px.length));
      const feeds = { pixel_values: new ort.Tensor("float32", data, [g.length, 3, h, w]) };
      res.push(...this.rows(await this.p.vision.run(feeds), "image_embeds", g.length));
    }
    return res;
  }

  async embedTexts(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    // Per-item mode tokenizes each text alone so padding never enters a run.
    const groups = this.runPerItem ? texts.map((t) => [t]) : [texts];
    const res: Float32Array[] = [];
    for (const g of groups) res.push(...(await this.runText(g)));
    return res;
  }

  private async runText(texts: string[]): Promise<Float32Array[]> {
    // Pad to the longest text only (not to 77): pads follow the EOS and the causal
    // mask keeps them out of the EOS state, so vectors are unchanged and short
    // queries run several times faster.
    const enc = this.p.tokenizer(texts, { padding: true, truncation: true, max_length: this.p.maxLen, return_tensor: false });
    const eos = this.p.tokenizer.model.tokens_to_ids.get("<|endoftext|>");
    const ids = enc.input_ids.map((row) => ensureEos(row, eos));
    return this.rows(await this.p.text.run(this.textFeeds(ids, enc.attention_mask)), "text_embeds", texts.length);
  }

  private textFeeds(ids: number[][], mask: number[][]): Record<string, ortNs.Tensor> {
    const len = ids[0].length;
    const toT = (rows: number[][]) => new ort.Tensor("int64", BigInt64Array.from(rows.flat(), (v) => BigInt(v)), [rows.length, len]);
    const feeds: Record<string, ortNs.Tensor> = { input_ids: toT(ids) };
    if (this.p.text.inputNames.includes("attention_mask")) feeds.attention_mask = toT(mask);
    return feeds;
  }

  private rows(out: ortNs.InferenceSession.OnnxValueMapType, name: string, n: number): Float32Array[] {
    const t = out[name] as ortNs.Tensor;
    const dim = t.dims[t.dims.length - 1];
    if (t.dims[0] !== n || dim !== this.dim) {
      throw new Error(`CLIP returned ${name} of shape [${t.dims.join(", ")}]; expected [${n}, ${this.dim}] (config.json projection_dim)`);
    }
    const data = t.data as Float32Array;
    return Array.from({ length: n }, (_, i) => l2normalize(data.subarray(i * dim, (i + 1) * dim)));
  }

  async dispose(): Promise<void> {
    await this.p.vision.release();
    await this.p.text.release();
  }
}

/**
 * transformers.js 2.17 truncates after adding special tokens, which drops the EOS of
 * a long text; CLIP pools at argmax(input_ids) = EOS, so put it back in the last slot.
 */
function ensureEos(row: number[], eos: number | undefined): number[] {
  if (eos === undefined || row.includes(eos)) return row;
  const fixed = [...row];
  fixed[fixed.length - 1] = eos;
  return fixed;
}
