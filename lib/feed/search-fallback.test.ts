// Integration: without a CLIP model, word search reads the query into the catalog's own
// attributes and ranks the rest by BM25 over product text, and photo search uses the pixel
// descriptor.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db/client";
import { getEmbedder } from "@/lib/embedding";
import { FALLBACK_MODEL_ID } from "@/lib/embedding/fallback";
import { env } from "@/lib/env";
import { seedBundledCatalog } from "@/lib/catalog/seed";
import { emptySearchState } from "@/lib/search/url";
import { getCatalog } from "./catalog";
import { searchByPhoto } from "./photo-search";
import { textSearch } from "./text-search";

beforeAll(async () => {
  await seedBundledCatalog({ embedder: await getEmbedder(), count: 160 });
}, 180_000);

afterAll(async () => {
  await closeDb();
});

describe("search in fallback mode", () => {
  it("reads word queries into filters and ranks the rest by BM25", async () => {
    const r = await textSearch(emptySearchState("bohemian flowy dress"));
    expect(r.kind).toBe("text");
    expect(r.understood.map((c) => c.token)).toEqual(expect.arrayContaining(["type:Dresses", "usage:boho"]));
    expect(r.hits.length).toBeGreaterThan(0);
    for (const h of r.hits) {
      expect(h.product.articleType).toBe("Dresses");
      expect(h.product.styles).toContain("boho");
      expect(h.why).not.toMatch(/%/);
    }
    expect(r.ranker).not.toBe("clip+bm25");
  });

  it("matches photos with the pixel descriptor", async () => {
    const catalog = await getCatalog();
    expect(catalog.embedder.modelId).toBe(FALLBACK_MODEL_ID);
    const p = catalog.products[11];
    const r = await searchByPhoto(fs.readFileSync(path.join(env().mediaDir, p.image as string)), 3);
    expect(r.kind).toBe("photo");
    expect(r.hits[0].id).toBe(p.id);
  });
});
