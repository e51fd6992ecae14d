import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as ortNs from "onnxruntime-node";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { clipModelId, loadClip, resetClipCache, type ClipModel } from "./clip";
import { parsePreprocessorConfig, preprocessImage } from "./clip-preprocess";
import { productImage, TEST_MODEL, tinyModelsDir } from "./test-helpers";
import { dot, norm } from "./vectors";

let fixture: Awaited<ReturnType<typeof tinyModelsDir>>;
let images: Buffer[];
const opts = (quantized: boolean, threads = 1) => ({ modelsDir: fixture.modelsDir, model: TEST_MODEL, quantized, threads });
// The same module object lib/embedding/clip.ts uses (CommonJS default or namespace).
const ort = ((ortNs as unknown as { default?: typeof ortNs }).default ?? ortNs) as typeof ortNs;
const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);

beforeAll(async () => {
  fixture = await tinyModelsDir();
  images = await Promise.all([
    productImage("#111111"),
    productImage("#c0392b"),
    productImage("#1f4e9c", "wide"),
    productImage("#2e8b57", "tall", { w: 500, h: 260 }),
  ]);
});

afterAll(async () => {
  await resetClipCache();
  await fixture.cleanup();
});

describe.each([false, true])("CLIP tiny model (quantized=%s)", (quantized) => {
  let model: ClipModel;
  beforeAll(async () => {
    model = await loadClip(opts(quantized));
  });

  it("should embed images as unit vectors of dimension 512", async () => {
    const vs = await model.embedImages(images);
    expect(vs).toHaveLength(images.length);
    for (const v of vs) {
      expect(v.length).toBe(512);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(model.dim).toBe(512);
  });

  it("should give the same vector in a batch as alone", async () => {
    const batched = await model.embedImages(images, { batchSize: 8 });
    for (let i = 0; i < images.length; i++) {
      const [single] = await model.embedImages([images[i]]);
      expect(maxAbsDiff(batched[i], single)).toBeLessThan(1e-5);
    }
  });

  it("should give different vectors for different images", async () => {
    const [a, b, c] = await model.embedImages(images.slice(0, 3));
    expect(dot(a, b)).toBeLessThan(0.999);
    expect(dot(a, c)).toBeLessThan(0.999);
  });

  it("should report progress per batch", async () => {
    const seen: [number, number][] = [];
    await model.embedImages(images, { batchSize: 3, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([[3, 4], [4, 4]]);
  });

  it("should embed text as unit vectors that differ by text", async () => {
    const [a, b, a2] = await model.embedTexts(["a photo of a black dress", "red casual shoes", "a photo of a black dress"]);
    expect(a.length).toBe(512);
    expect(norm(a)).toBeCloseTo(1, 5);
    expect(maxAbsDiff(a, a2)).toBeLessThan(1e-6);
    expect(dot(a, b)).toBeLessThan(0.99);
    const [single] = await model.embedTexts(["red casual shoes"]);
    expect(maxAbsDiff(single, b)).toBeLessThan(1e-5);
  });

  it("should keep the EOS token for texts longer than 77 tokens", async () => {
    const long = Array.from({ length: 120 }, (_, i) => (i % 2 ? "black" : "dress")).join(" ");
    const [v, w] = await model.embedTexts([long, `${long} summer`]);
    expect(norm(v)).toBeCloseTo(1, 5);
    expect(maxAbsDiff(v, w)).toBeLessThan(1e-6); // identical after truncation
  });
});

describe("CLIP loading", () => {
  it("should be deterministic across two independent loads and generations", async () => {
    const first = await (await loadClip(opts(false))).embedImages(images.slice(0, 2));
    await resetClipCache();
    const again = await (await loadClip(opts(false))).embedImages(images.slice(0, 2));
    expect(maxAbsDiff(first[0], again[0])).toBe(0);
    const other = await tinyModelsDir(42);
    try {
      const m = await loadClip({ ...opts(false), modelsDir: other.modelsDir });
      const regenerated = await m.embedImages(images.slice(0, 2));
      expect(maxAbsDiff(first[1], regenerated[1])).toBe(0);
      expect(await clipModelId({ ...opts(false), modelsDir: other.modelsDir })).toBe(await clipModelId(opts(false)));
    } finally {
      await other.cleanup();
    }
  });

  it("should memoize the loading promise", () => {
    expect(loadClip(opts(false))).toBe(loadClip(opts(false)));
  });

  it("should name the model id by model, variant and content hash", async () => {
    const id = await clipModelId(opts(true));
    expect(id).toMatch(/^clip:Xenova\/clip-vit-base-patch32:q8:[0-9a-f]{8}$/);
    expect(await clipModelId(opts(false))).not.toBe(id);
    const other = await tinyModelsDir(7);
    try {
      expect(await clipModelId({ ...opts(true), modelsDir: other.modelsDir })).not.toBe(id);
    } finally {
      await other.cleanup();
    }
  });

  it("should tokenize like CLIP: <|startoftext|> ... <|endoftext|>, lowercased, </w> word ends", async () => {
    const tok = JSON.parse(await readFile(path.join(fixture.modelDir, "tokenizer.json"), "utf8"));
    const { AutoTokenizer, env: tfEnv } = await import("@xenova/transformers");
    tfEnv.allowRemoteModels = false;
    tfEnv.localModelPath = fixture.modelsDir + path.sep;
    const t = await AutoTokenizer.from_pretrained(TEST_MODEL);
    const ids = t("A  Black DRESS!", { return_tensor: false }).input_ids as number[];
    const vocab = tok.model.vocab as Record<string, number>;
    expect(ids).toEqual([vocab["<|startoftext|>"], vocab["a</w>"], vocab["black</w>"], vocab["dress</w>"], vocab["!</w>"], vocab["<|endoftext|>"]]);
    expect(Math.max(...Object.values(vocab))).toBe(vocab["<|endoftext|>"]);
  });

  it("should fail clearly when the model folder is missing", async () => {
    await expect(loadClip({ ...opts(false), modelsDir: path.join(fixture.modelsDir, "nope") })).rejects.toThrow(
      /CLIP model folder not found: .*nope.*model:fetch/,
    );
  });

  it("should fail clearly when a model file is missing, and load after it is restored", async () => {
    const other = await tinyModelsDir(3);
    try {
      const file = path.join(other.modelDir, "onnx", "text_model.onnx");
      const bytes = await readFile(file);
      await rm(file);
      const o = { ...opts(false), modelsDir: other.modelsDir };
      await expect(loadClip(o)).rejects.toThrow(/incomplete: missing onnx\/text_model\.onnx/);
      await writeFile(file, bytes);
      await expect(loadClip(o)).resolves.toBeDefined();
    } finally {
      await other.cleanup();
    }
  });

  it("should fail clearly on a corrupt .onnx file", async () => {
    const other = await tinyModelsDir(4);
    try {
      const file = path.join(other.modelDir, "onnx", "vision_model_quantized.onnx");
      await writeFile(file, Buffer.from("this is not a protobuf \u0000\u00ff garbage".repeat(50)));
      const err = await loadClip({ ...opts(true), modelsDir: other.modelsDir }).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toContain(file);
      expect((err as Error).message).toMatch(/corrupt or not an ONNX model/);
      expect((err as Error).message).not.toContain("\n");
    } finally {
      await other.cleanup();
    }
  });

  it("should name the image that cannot be decoded", async () => {
    const m = await loadClip(opts(false));
    await expect(m.embedImages([images[0], Buffer.from("not an image")])).rejects.toThrow(/Image 1: cannot decode/);
  });

  it("should cap ORT threads per session: every session is created with the configured intra-op count, one inter-op thread", async () => {
    // Asserts the options handed to onnxruntime-node (not a thread count in /proc, which
    // unrelated threads disturb). Fails if the cap is dropped or not passed through.
    const create = vi.spyOn(ort.InferenceSession, "create");
    const other = await tinyModelsDir(5);
    try {
      for (const threads of [1, 4]) {
        create.mockClear();
        await loadClip({ ...opts(false, threads), modelsDir: other.modelsDir });
        const calls = create.mock.calls.map(([file, options]) => ({ file: path.basename(String(file)), options }));
        expect(calls.map((c) => c.file).sort()).toEqual(["text_model.onnx", "vision_model.onnx"]);
        for (const c of calls) {
          expect(c.options, `${c.file} with ${threads} thread(s)`).toMatchObject({ intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: "sequential" });
        }
      }
    } finally {
      create.mockRestore();
      await other.cleanup();
    }
  });
});

describe("CLIP preprocessing", () => {
  const cfg = parsePreprocessorConfig({
    size: { shortest_edge: 224 },
    crop_size: { height: 224, width: 224 },
    image_mean: [0.48145466, 0.4578275, 0.40821073],
    image_std: [0.26862954, 0.26130258, 0.27577711],
    rescale_factor: 1 / 255,
  });

  it("should normalise a solid colour with the CLIP mean and std, CHW", async () => {
    const img = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 255, g: 0, b: 128 } } }).png().toBuffer();
    const px = await preprocessImage(img, cfg);
    expect(px.length).toBe(3 * 224 * 224);
    const plane = 224 * 224;
    expect(px[100]).toBeCloseTo((1 - 0.48145466) / 0.26862954, 4);
    expect(px[plane + 100]).toBeCloseTo((0 - 0.4578275) / 0.26130258, 4);
    expect(px[2 * plane + 100]).toBeCloseTo((128 / 255 - 0.40821073) / 0.27577711, 4);
  });

  it("should resize the shortest side and crop the centre", async () => {
    // 448x224: left quarter red, middle half green, right quarter blue -> crop is all green.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="896" height="448"><rect width="224" height="448" fill="#f00"/><rect x="224" width="448" height="448" fill="#0f0"/><rect x="672" width="224" height="448" fill="#00f"/></svg>`;
    const px = await preprocessImage(await sharp(Buffer.from(svg)).png().toBuffer(), cfg);
    const plane = 224 * 224;
    const green = (1 - 0.4578275) / 0.26130258;
    for (const x of [3, 112, 220]) expect(px[plane + 112 * 224 + x]).toBeCloseTo(green, 1);
  });
});
