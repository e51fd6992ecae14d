// Integration: with a CLIP model in the models folder the app runs in CLIP mode: text
// queries and photos are embedded by the real ONNX path and matched to catalog vectors.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db/client";
import { getEmbedder, resetEmbedderCache } from "@/lib/embedding";
import { generateClipModel } from "@/lib/embedding/tiny-clip";
import { env } from "@/lib/env";
import { seedBundledCatalog } from "@/lib/catalog/seed";
import { getCatalog } from "./catalog";
import { searchByImage, searchByText, similarProducts } from "./search";

beforeAll(async () => {
  await generateClipModel(path.join(env().modelsDir, ...env().clipModel.split("/")), { size: "tiny", seed: 1 });
  await seedBundledCatalog({ embedder: await getEmbedder(), count: 48 });
}, 180_000);

afterAll(async () => {
  await resetEmbedderCache();
  await closeDb();
});

describe("search in CLIP mode", () => {
  it("embeds a text query with the CLIP text tower and ranks catalog images by cosine", async () => {
    const catalog = await getCatalog();
    expect(catalog.embedder.mode).toBe("clip");
    expect(catalog.vectors?.byId.size).toBe(48);
    const r = await searchByText("bohemian flowy dress", 10);
    expect(r.mode).toBe("clip");
    expect(r.modelId).toBe(catalog.embedder.modelId);
    expect(r.hits).toHaveLength(10);
    const scores = r.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const other = await searchByText("black leather boots", 10);
    expect(other.hits.map((h) => h.product.id)).not.toEqual(r.hits.map((h) => h.product.id));
  });

  it("finds the product itself first when searching with its own photo", async () => {
    const catalog = await getCatalog();
    const p = catalog.products[7];
    const bytes = fs.readFileSync(path.join(env().mediaDir, p.image as string));
    const r = await searchByImage(bytes, 5);
    expect(r.mode).toBe("visual");
    expect(r.hits[0].product.id).toBe(p.id);
    expect(r.hits[0].score).toBeGreaterThan(0.999);
    const similar = await similarProducts(p.id, 5);
    expect(similar.map((h) => h.product.id)).not.toContain(p.id);
    expect(similar).toHaveLength(5);
  });
});
