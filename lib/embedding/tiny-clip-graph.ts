// ONNX graphs of a CLIP vision tower (ViT) and text tower with the same input/output
// names as the transformers.js export (pixel_values -> image_embeds; input_ids,
// attention_mask -> text_embeds), random weights from a seeded PRNG. The quantized
// variant replaces every Linear by DynamicQuantizeLinear + MatMulInteger on uint8
// weights (what onnxruntime's quantize_dynamic produces for the real export).
// Must not import onnxruntime or transformers.
import "server-only";
import { DT, GraphBuilder } from "./onnx-builder";

export interface TowerArch {
  width: number;
  layers: number;
  heads: number;
}
export interface ClipArch {
  vision: TowerArch & { patch: number; imageSize: number };
  text: TowerArch & { maxPositions: number };
  projectionDim: number;
}

export const TINY_ARCH: ClipArch = {
  vision: { width: 48, layers: 2, heads: 4, patch: 32, imageSize: 224 },
  text: { width: 64, layers: 2, heads: 4, maxPositions: 77 },
  projectionDim: 512,
};

export const VIT_B32_ARCH: ClipArch = {
  vision: { width: 768, layers: 12, heads: 12, patch: 32, imageSize: 224 },
  text: { width: 512, layers: 12, heads: 8, maxPositions: 77 },
  projectionDim: 512,
};

/** mulberry32 + Box-Muller: deterministic normal samples. */
export class SeededRandom {
  private state: number;
  private spare: number | null = null;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  uniform(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    const u = Math.max(this.uniform(), 1e-12);
    const r = Math.sqrt(-2 * Math.log(u));
    const a = 2 * Math.PI * this.uniform();
    this.spare = r * Math.sin(a);
    return r * Math.cos(a);
  }
}

/** Weights by name: drawn once, in request order, so fp32 and quantized graphs share them. */
export class WeightStore {
  private readonly cache = new Map<string, Float32Array>();
  constructor(private readonly rng: SeededRandom) {}
  get(name: string, size: number, init: "normal" | "ones" | "zeros", std = 1): Float32Array {
    const hit = this.cache.get(name);
    if (hit) return hit;
    const a = new Float32Array(size);
    if (init === "ones") a.fill(1);
    if (init === "normal") for (let i = 0; i < size; i++) a[i] = this.rng.normal() * std;
    this.cache.set(name, a);
    return a;
  }
}

/** Graph construction context shared by both towers. */
class Ctx {
  constructor(
    readonly g: GraphBuilder,
    readonly w: WeightStore,
    readonly quantized: boolean,
  ) {}

  param(name: string, dims: number[], init: "normal" | "ones" | "zeros", std = 1): string {
    const size = dims.reduce((a, b) => a * b, 1);
    return this.g.floatInit(name, dims, this.w.get(name, size, init, std));
  }

  linear(x: string, name: string, inDim: number, outDim: number, bias = true): string {
    const wData = this.w.get(`${name}.weight`, inDim * outDim, "normal", 1 / Math.sqrt(inDim));
    const y = this.quantized ? this.qMatMul(x, name, wData, [inDim, outDim]) : this.g.op("MatMul", [x, this.g.floatInit(`${name}.weight`, [inDim, outDim], wData)]);
    if (!bias) return y;
    return this.g.op("Add", [y, this.param(`${name}.bias`, [outDim], "normal", 0.02)]);
  }

  private qMatMul(x: string, name: string, w: Float32Array, dims: number[]): string {
    const { q, scale, zero } = quantizeUint8(w);
    const g = this.g;
    const wq = g.uint8Init(`${name}.weight_quantized`, dims, q);
    const wzp = g.uint8Init(`${name}.weight_zero_point`, [], Uint8Array.of(zero));
    const ws = g.floatScalar(scale);
    const [xq, xs, xzp] = g.opMulti("DynamicQuantizeLinear", [x], 3);
    const acc = g.op("MatMulInteger", [xq, wq, xzp, wzp]);
    const accF = g.op("Cast", [acc], { to: DT.FLOAT });
    return g.op("Mul", [accF, g.op("Mul", [xs, ws])]);
  }

  layerNorm(x: string, name: string, dim: number): string {
    const scale = this.param(`${name}.weight`, [dim], "ones");
    const bias = this.param(`${name}.bias`, [dim], "zeros");
    return this.g.op("LayerNormalization", [x, scale, bias], { axis: -1, epsilon: { float: 1e-5 } });
  }

  /** Pre-LN transformer block (CLIPEncoderLayer) with QuickGELU MLP. */
  block(h: string, name: string, arch: TowerArch, mask?: string): string {
    const attn = this.attention(this.layerNorm(h, `${name}.layer_norm1`, arch.width), name, arch, mask);
    const h1 = this.g.op("Add", [h, attn]);
    const x = this.layerNorm(h1, `${name}.layer_norm2`, arch.width);
    const f1 = this.linear(x, `${name}.mlp.fc1`, arch.width, arch.width * 4);
    const act = this.g.op("Mul", [f1, this.g.op("Sigmoid", [this.g.op("Mul", [f1, this.g.floatScalar(1.702)])])]);
    const f2 = this.linear(act, `${name}.mlp.fc2`, arch.width * 4, arch.width);
    return this.g.op("Add", [h1, f2]);
  }

  private attention(x: string, name: string, arch: TowerArch, mask?: string): string {
    const g = this.g;
    const dh = arch.width / arch.heads;
    const split = g.int64Const([0, 0, arch.heads, dh]);
    const heads = (proj: string, perm: number[]) =>
      g.op("Transpose", [g.op("Reshape", [this.linear(x, `${name}.self_attn.${proj}`, arch.width, arch.width), split])], { perm });
    const q = heads("q_proj", [0, 2, 1, 3]);
    const k = heads("k_proj", [0, 2, 3, 1]);
    const v = heads("v_proj", [0, 2, 1, 3]);
    let scores = g.op("Mul", [g.op("MatMul", [q, k]), g.floatScalar(1 / Math.sqrt(dh))]);
    if (mask) scores = g.op("Add", [scores, mask]);
    const probs = g.op("Softmax", [scores], { axis: -1 });
    const ctx = g.op("Transpose", [g.op("MatMul", [probs, v])], { perm: [0, 2, 1, 3] });
    const merged = g.op("Reshape", [ctx, g.int64Const([0, 0, arch.width])]);
    return this.linear(merged, `${name}.self_attn.out_proj`, arch.width, arch.width);
  }
}

/** Per-tensor asymmetric uint8 quantisation (range always includes 0). */
export function quantizeUint8(w: Float32Array): { q: Uint8Array; scale: number; zero: number } {
  let lo = 0;
  let hi = 0;
  for (const v of w) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const scale = (hi - lo) / 255 || 1;
  const zero = Math.round(-lo / scale);
  const q = new Uint8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.min(255, Math.max(0, Math.round(w[i] / scale) + zero));
  return { q, scale, zero };
}

/** Vision tower: Conv patch embedding, class token, positions, pre-LN, blocks, post-LN on CLS, projection. */
export function buildVisionModel(arch: ClipArch, w: WeightStore, quantized: boolean): Uint8Array {
  const g = new GraphBuilder("clip_vision");
  const c = new Ctx(g, w, quantized);
  const { width: d, patch: p, imageSize } = arch.vision;
  const nPatches = (imageSize / p) ** 2;
  const x = g.input("pixel_values", DT.FLOAT, ["batch_size", 3, imageSize, imageSize]);
  const convW = c.param("vision.patch_embedding.weight", [d, 3, p, p], "normal", 1 / Math.sqrt(3 * p * p));
  const conv = g.op("Conv", [x, convW], { kernel_shape: [p, p], strides: [p, p] });
  const patches = g.op("Transpose", [g.op("Reshape", [conv, g.int64Const([0, d, -1])])], { perm: [0, 2, 1] });
  const batch = g.op("Shape", [x], { start: 0, end: 1 });
  const clsShape = g.op("Concat", [batch, g.int64Const([1, d])], { axis: 0 });
  const cls = g.op("Expand", [c.param("vision.class_embedding", [1, 1, d], "normal", 1), clsShape]);
  const seq = g.op("Concat", [cls, patches], { axis: 1 });
  let h = g.op("Add", [seq, c.param("vision.position_embedding", [1, nPatches + 1, d], "normal", 0.5)]);
  h = c.layerNorm(h, "vision.pre_layrnorm", d);
  for (let i = 0; i < arch.vision.layers; i++) h = c.block(h, `vision.layers.${i}`, arch.vision);
  const pooled = c.layerNorm(g.op("Gather", [h, g.int64Const([0], true)], { axis: 1 }), "vision.post_layernorm", d);
  c.linear(pooled, "visual_projection", d, arch.projectionDim, false);
  g.renameLastOutput("image_embeds");
  g.output("image_embeds", DT.FLOAT, ["batch_size", arch.projectionDim]);
  return g.encode();
}

/** Text tower: token + position embeddings, causal+padding mask, blocks, final LN, EOS pooling (argmax), projection. */
export function buildTextModel(arch: ClipArch, vocabSize: number, w: WeightStore, quantized: boolean): Uint8Array {
  const g = new GraphBuilder("clip_text");
  const c = new Ctx(g, w, quantized);
  const { width: d, maxPositions: maxPos } = arch.text;
  const ids = g.input("input_ids", DT.INT64, ["batch_size", "sequence_length"]);
  const am = g.input("attention_mask", DT.INT64, ["batch_size", "sequence_length"]);
  const tok = g.op("Gather", [c.param("text.token_embedding", [vocabSize, d], "normal", 1), ids], { axis: 0 });
  const seqLen = g.op("Shape", [ids], { start: 1, end: 2 });
  const pos = g.op("Slice", [c.param("text.position_embedding", [maxPos, d], "normal", 0.5), g.int64Const([0]), seqLen, g.int64Const([0])]);
  let h = g.op("Add", [tok, pos]);
  const mask = g.op("Add", [causalMask(g, maxPos, seqLen), paddingMask(g, am)]);
  for (let i = 0; i < arch.text.layers; i++) h = c.block(h, `text.layers.${i}`, arch.text, mask);
  h = c.layerNorm(h, "text.final_layer_norm", d);
  const eos = g.op("ArgMax", [g.op("Cast", [ids], { to: DT.INT32 })], { axis: 1, keepdims: 0 });
  const pooled = g.op("GatherND", [h, g.op("Unsqueeze", [eos, g.int64Const([1])])], { batch_dims: 1 });
  c.linear(pooled, "text_projection", d, arch.projectionDim, false);
  g.renameLastOutput("text_embeds");
  g.output("text_embeds", DT.FLOAT, ["batch_size", arch.projectionDim]);
  return g.encode();
}

function causalMask(g: GraphBuilder, maxPos: number, seqLen: string): string {
  const m = new Float32Array(maxPos * maxPos);
  for (let i = 0; i < maxPos; i++) for (let j = i + 1; j < maxPos; j++) m[i * maxPos + j] = -1e9;
  const full = g.floatInit("text.causal_mask", [maxPos, maxPos], m);
  const ends = g.op("Concat", [seqLen, seqLen], { axis: 0 });
  return g.op("Slice", [full, g.int64Const([0, 0]), ends, g.int64Const([0, 1])]);
}

function paddingMask(g: GraphBuilder, am: string): string {
  const f = g.op("Cast", [am], { to: DT.FLOAT });
  const neg = g.op("Mul", [g.op("Sub", [g.floatScalar(1), f]), g.floatScalar(-1e9)]);
  return g.op("Unsqueeze", [neg, g.int64Const([1, 2])]);
}
