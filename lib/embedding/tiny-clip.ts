// Writes a random-weight CLIP model in the transformers.js layout of
// Xenova/clip-vit-base-patch32 (config.json, preprocessor_config.json, tokenizer.json,
// tokenizer_config.json, onnx/{vision,text}_model[_quantized].onnx). "tiny" is for
// tests (~1-2 MB, < 1 s); "vit-b32" has the real ViT-B/32 shapes for benchmarks.
// Must not import onnxruntime or transformers (the generated files are loaded by clip.ts).
import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildTextModel, buildVisionModel, ClipArch, SeededRandom, TINY_ARCH, VIT_B32_ARCH, WeightStore } from "./tiny-clip-graph";
import { buildTinyTokenizer } from "./tiny-clip-tokenizer";

export type ClipSize = "tiny" | "vit-b32";

export interface GenerateOptions {
  size?: ClipSize;
  seed?: number;
  /** Also write the *_quantized.onnx files (uint8 MatMulInteger graphs). Default true. */
  quantized?: boolean;
}

export interface GenerateResult {
  dir: string;
  files: { name: string; bytes: number }[];
  totalBytes: number;
  ms: number;
}

export const CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073];
export const CLIP_STD = [0.26862954, 0.26130258, 0.27577711];

/** Generate the full model folder into `dir` (created if needed). Deterministic per seed. */
export async function generateClipModel(dir: string, opts: GenerateOptions = {}): Promise<GenerateResult> {
  const started = performance.now();
  const arch = (opts.size ?? "tiny") === "vit-b32" ? VIT_B32_ARCH : TINY_ARCH;
  const seed = opts.seed ?? 42;
  const withQuantized = opts.quantized ?? true;
  const tok = buildTinyTokenizer();
  await mkdir(path.join(dir, "onnx"), { recursive: true });
  const files: GenerateResult["files"] = [];
  const put = async (name: string, data: string | Uint8Array) => {
    await writeFile(path.join(dir, name), data);
    files.push({ name, bytes: typeof data === "string" ? Buffer.byteLength(data) : data.byteLength });
  };
  await put("config.json", json(clipConfig(arch, tok.vocabSize, tok.bosId, tok.eosId)));
  await put("preprocessor_config.json", json(preprocessorConfig(arch.vision.imageSize)));
  await put("tokenizer.json", json(tok.tokenizerJson));
  await put("tokenizer_config.json", json(tok.tokenizerConfig));
  await put("special_tokens_map.json", json(specialTokensMap()));

  const visionWeights = new WeightStore(new SeededRandom(seed));
  await put("onnx/vision_model.onnx", buildVisionModel(arch, visionWeights, false));
  if (withQuantized) await put("onnx/vision_model_quantized.onnx", buildVisionModel(arch, visionWeights, true));
  const textWeights = new WeightStore(new SeededRandom(seed + 1));
  await put("onnx/text_model.onnx", buildTextModel(arch, tok.vocabSize, textWeights, false));
  if (withQuantized) await put("onnx/text_model_quantized.onnx", buildTextModel(arch, tok.vocabSize, textWeights, true));

  const totalBytes = files.reduce((s, f) => s + f.bytes, 0);
  return { dir, files, totalBytes, ms: performance.now() - started };
}

function json(o: object): string {
  return `${JSON.stringify(o, null, 2)}\n`;
}

function clipConfig(arch: ClipArch, vocabSize: number, bos: number, eos: number): object {
  const { vision: v, text: t } = arch;
  return {
    _name_or_path: "stylenova/random-clip",
    architectures: ["CLIPModel"],
    model_type: "clip",
    projection_dim: arch.projectionDim,
    logit_scale_init_value: 2.6592,
    initializer_factor: 1.0,
    text_config: {
      model_type: "clip_text_model",
      hidden_size: t.width,
      intermediate_size: t.width * 4,
      num_hidden_layers: t.layers,
      num_attention_heads: t.heads,
      max_position_embeddings: t.maxPositions,
      vocab_size: vocabSize,
      hidden_act: "quick_gelu",
      layer_norm_eps: 1e-5,
      projection_dim: arch.projectionDim,
      bos_token_id: bos,
      eos_token_id: eos,
      pad_token_id: eos,
    },
    vision_config: {
      model_type: "clip_vision_model",
      hidden_size: v.width,
      intermediate_size: v.width * 4,
      num_hidden_layers: v.layers,
      num_attention_heads: v.heads,
      image_size: v.imageSize,
      patch_size: v.patch,
      num_channels: 3,
      hidden_act: "quick_gelu",
      layer_norm_eps: 1e-5,
      projection_dim: arch.projectionDim,
    },
  };
}

/** Same content as the real export's preprocessor_config.json. */
function preprocessorConfig(size: number): object {
  return {
    crop_size: { height: size, width: size },
    do_center_crop: true,
    do_convert_rgb: true,
    do_normalize: true,
    do_rescale: true,
    do_resize: true,
    feature_extractor_type: "CLIPFeatureExtractor",
    image_mean: CLIP_MEAN,
    image_processor_type: "CLIPImageProcessor",
    image_std: CLIP_STD,
    resample: 3,
    rescale_factor: 1 / 255,
    size: { shortest_edge: size },
  };
}

function specialTokensMap(): object {
  return { bos_token: "<|startoftext|>", eos_token: "<|endoftext|>", pad_token: "<|endoftext|>", unk_token: "<|endoftext|>" };
}
