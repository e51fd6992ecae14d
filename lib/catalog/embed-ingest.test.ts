// Integration: import computes image embeddings, stores them as float32 BLOBs under the
// model id, skips products already embedded with the current model, and embeds again
// (under the new id, never mixed) when the model changes. Real ONNX inference (tiny CLIP).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/lib/db/client";
import { embeddingCounts, loadEmbeddings } from "@/lib/db/embeddings";
import { getEmbedder, resetEmbedderCache } from "@/lib/embedding";
import { FALLBACK_DIM, FALLBACK_MODEL_ID } from "@/lib/embedding/fallback";
import { productImage, tinyModelsDir } from "@/lib/embedding/test-helpers";
import { norm } from "@/lib/embedding/vectors";
import { csvLine } from "./csv";
import { embedMissingProducts, importCatalog } from "./importer";
import { STYLENOVA_COLUMNS } from "./rows";

const COLOURS = ["#c0392b", "#2c3e50", "#27ae60", "#f1c40f", "#8e44ad", "#e67e22"];

async function fixture(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sn-embed-"));
  fs.mkdirSync(path.join(dir, "images"));
  const lines = [STYLENOVA_COLUMNS.join(",")];
  for (let i = 0; i < 12; i++) {
    fs.writeFileSync(path.join(dir, "images", `E${i}.jpg`), await productImage(COLOURS[i % COLOURS.length], i % 2 ? "tall" : "wide"));
    lines.push(csvLine([`E${i}`, `Item ${i}`, "Acme", "Women", "Apparel", "Topwear", "Tops", "red", "solid", "casual", "", "", "20.00", "USD", "", "", `images/E${i}.jpg`]));
  }
  fs.writeFileSync(path.join(dir, "catalog.csv"), lines.join("\n"));
  return path.join(dir, "catalog.csv");
}

afterAll(async () => {
  await resetEmbedderCache();
  await closeDb();
});

describe("embedding ingest", () => {
  it("embeds new products once per model and re-embeds under a new model id", async () => {
    const csv = await fixture();
    const fallback = await getEmbedder({ modelsDir: path.join(os.tmpdir(), "sn-no-models") });
    expect(fallback.mode).toBe("fallback");
    const progress: number[] = [];
    const first = await importCatalog({ csvPath: csv, embedder: fallback, onProgress: (phase, done) => phase === "Embedding" && progress.push(done) });
    expect(first.embedded).toBe(12);
    expect(progress.at(-1)).toBe(12);
    const again = await importCatalog({ csvPath: csv, embedder: fallback });
    expect(again.embedded).toBe(0); // already embedded with this model

    const stored = await loadEmbeddings(FALLBACK_MODEL_ID);
    expect(stored.byId.size).toBe(12);
    for (const v of stored.byId.values()) {
      expect(v.length).toBe(FALLBACK_DIM);
      expect(norm(v)).toBeCloseTo(1, 4);
    }

    const tiny = await tinyModelsDir();
    try {
      const clip = await getEmbedder({ modelsDir: tiny.modelsDir });
      expect(clip.mode).toBe("clip");
      expect(await embedMissingProducts(clip, { batchSize: 5 })).toBe(12);
      expect(await embedMissingProducts(clip)).toBe(0);
      const counts = await embeddingCounts();
      expect(counts).toEqual({ [FALLBACK_MODEL_ID]: 12, [clip.modelId]: 12 });
      const clipVecs = await loadEmbeddings(clip.modelId);
      const client = await db();
      const rows = await client.productEmbedding.findMany({ where: { modelId: clip.modelId } });
      expect(rows.every((r) => r.dim === 512 && r.vector.byteLength === 512 * 4)).toBe(true);
      // the stored BLOB is exactly what the model computes for the stored image
      const product = await client.product.findFirstOrThrow({ where: { externalId: "E3" } });
      const bytes = fs.readFileSync(path.join(process.env.DATA_DIR as string, "media", product.image as string));
      const [fresh] = await clip.embedImages([bytes]);
      const saved = clipVecs.byId.get(product.id)!;
      for (let i = 0; i < 512; i++) expect(saved[i]).toBeCloseTo(fresh[i], 5);
    } finally {
      await tiny.cleanup();
    }
  }, 120_000);
});
