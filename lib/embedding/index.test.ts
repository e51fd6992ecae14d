import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FALLBACK_DIM, FALLBACK_MODEL_ID } from "./fallback";
import { embeddingStatus, getEmbedder, publicEmbeddingNote, resetEmbedderCache } from "./index";
import { productImage, TEST_MODEL, tinyModelsDir } from "./test-helpers";
import { norm } from "./vectors";

let fixture: Awaited<ReturnType<typeof tinyModelsDir>>;
let emptyDir: string;

beforeAll(async () => {
  fixture = await tinyModelsDir();
  emptyDir = await mkdtemp(path.join(os.tmpdir(), "stylenova-nomodel-"));
});

afterAll(async () => {
  await resetEmbedderCache();
  await fixture.cleanup();
  await rm(emptyDir, { recursive: true, force: true });
});

describe("getEmbedder", () => {
  it("should use CLIP when the model files are present", async () => {
    const em = await getEmbedder({ modelsDir: fixture.modelsDir, clipModel: TEST_MODEL, quantized: true, threads: 1 });
    expect(em.mode).toBe("clip");
    expect(em.modelId).toMatch(/^clip:Xenova\/clip-vit-base-patch32:q8:[0-9a-f]{8}$/);
    expect(em.dim).toBe(512);
    const [v] = await em.embedImages([await productImage("#333333")]);
    expect(v.length).toBe(512);
    const t = await em.embedText("a photo of a black tshirt");
    expect(t?.length).toBe(512);
    expect(norm(t!)).toBeCloseTo(1, 5);
  });

  it("should memoize per options", async () => {
    const o = { modelsDir: fixture.modelsDir, clipModel: TEST_MODEL, quantized: true, threads: 1 };
    expect(getEmbedder(o)).toBe(getEmbedder(o));
  });

  it("should fall back to the pixel descriptor when no model is present", async () => {
    const em = await getEmbedder({ modelsDir: emptyDir, clipModel: TEST_MODEL, quantized: true, threads: 1 });
    expect(em.mode).toBe("fallback");
    expect(em.modelId).toBe(FALLBACK_MODEL_ID);
    expect(em.reason).toMatch(/no complete CLIP model/);
    expect(await em.embedText("anything")).toBeNull();
    const progress: number[] = [];
    const vs = await em.embedImages([await productImage("#c0392b"), await productImage("#1f4e9c")], { onProgress: (d) => progress.push(d) });
    expect(vs.map((v) => v.length)).toEqual([em.dim, em.dim]);
    expect(progress).toEqual([1, 2]);
  });

  it("should use the other variant when only it is complete", async () => {
    const other = await tinyModelsDir(9);
    try {
      await rm(path.join(other.modelDir, "onnx", "vision_model.onnx"));
      const em = await getEmbedder({ modelsDir: other.modelsDir, clipModel: TEST_MODEL, quantized: false, threads: 1 });
      expect(em.mode).toBe("clip");
      expect(em.modelId).toContain(":q8:");
      expect(em.reason).toMatch(/preferred fp32 files are missing/);
    } finally {
      await other.cleanup();
    }
  });

  it("should fall back with a reason naming the file when the model is corrupt, and retry later", async () => {
    const other = await tinyModelsDir(11);
    try {
      const o = { modelsDir: other.modelsDir, clipModel: TEST_MODEL, quantized: true, threads: 1 };
      const file = path.join(other.modelDir, "onnx", "text_model_quantized.onnx");
      const good = await import("node:fs/promises").then((fs) => fs.readFile(file));
      await writeFile(file, Buffer.from("garbage"));
      const status = await embeddingStatus(o);
      expect(status.mode).toBe("fallback");
      expect(status.reason).toContain(file);
      const note = publicEmbeddingNote(status) ?? "";
      expect(note).toMatch(/failed to load/);
      expect(note).not.toContain(other.modelsDir);
      await writeFile(file, good);
      expect((await getEmbedder(o)).mode).toBe("clip");
    } finally {
      await other.cleanup();
    }
  });

  it("should report status for /api/health", async () => {
    const s = await embeddingStatus({ modelsDir: fixture.modelsDir, clipModel: TEST_MODEL, quantized: true, threads: 1 });
    expect(s).toMatchObject({ mode: "clip", dim: 512, modelsDir: fixture.modelsDir });
    const f = await embeddingStatus({ modelsDir: emptyDir, clipModel: TEST_MODEL, quantized: true, threads: 1 });
    expect(f).toMatchObject({ mode: "fallback", modelId: FALLBACK_MODEL_ID, dim: FALLBACK_DIM });
    expect(f.reason).toContain(emptyDir); // the log and the admin see where it looked
    expect(publicEmbeddingNote(s)).toBeUndefined();
    expect(publicEmbeddingNote(f)).toMatch(/no CLIP model is installed/);
    expect(publicEmbeddingNote(f)).not.toContain(emptyDir);
  });
});
