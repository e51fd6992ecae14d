// Integration: with a CLIP model in the models folder the app runs in CLIP mode: text
// queries' words and photos are embedded by the real ONNX path and matched to catalog vectors.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db/client";
import { getEmbedder, resetEmbedderCache } from "@/lib/embedding";
import { generateClipModel } from "@/lib/embedding/tiny-clip";
import { env } from "@/lib/env";
import { seedBundledCatalog } from "@/lib/catalog/seed";
import { getCatalog } from "./catalog";
import { emptySearchState } from "@/lib/search/url";
import { searchByPhoto } from "./photo-search";
import { similarProducts } from "./search";
import { textSearch } from "./text-search";

beforeAll(async () => {
  await generateClipModel(path.join(env().modelsDir, ...env().clipModel.split("/")), { size: "tiny", seed: 1 });
  await seedBundledCatalog({ embedder: await getEmbedder(), count: 48 });
}, 180_000);

afterAll(async () => {
  await resetEmbedderCache();
  await closeDb();
});

describe("search in CLIP mode", () => {
  it("blends the CLIP text tower's similarity with BM25 for the words left after parsing", async () => {
    const catalog = await getCatalog();
    expect(catalog.embedder.mode).toBe("clip");
    expect(catalog.vectors?.byId.size).toBe(48);
    const r = await textSearch(emptySearchState("flowy airy silhouette"));
    expect(r.ranker).toBe("clip+bm25");
    expect(r.rest).toBe("flowy airy silhouette");
    expect(r.hits.length).toBeGreaterThan(0);
    const other = await textSearch(emptySearchState("chunky statement hardware"));
    expect(other.ranker).toBe("clip+bm25");
    expect(other.hits.map((h) => h.product.id)).not.toEqual(r.hits.map((h) => h.product.id));
    // understood words still filter in CLIP mode; with nothing left to rank by, no model runs
    const boots = await textSearch(emptySearchState("boots"));
    expect(boots.ranker).toBe("filters");
    expect(boots.hits.every((h) => h.product.articleType === "Boots")).toBe(true);
  });

  it("finds the product itself first when searching with its own photo", async () => {
    const catalog = await getCatalog();
    const p = catalog.products[7];
    const bytes = fs.readFileSync(path.join(env().mediaDir, p.image as string));
    const r = await searchByPhoto(bytes, 5);
    expect(r.kind).toBe("photo");
    expect(r.hits[0].id).toBe(p.id);
    const similar = await similarProducts(p.id, 5);
    expect(similar.map((h) => h.product.id)).not.toContain(p.id);
    expect(similar).toHaveLength(5);
  });
});
