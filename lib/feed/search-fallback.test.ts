// Integration: without a CLIP model, text search falls back to TF-IDF over product text
// and photo search uses the pixel descriptor.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db/client";
import { getEmbedder } from "@/lib/embedding";
import { FALLBACK_MODEL_ID } from "@/lib/embedding/fallback";
import { env } from "@/lib/env";
import { seedBundledCatalog } from "@/lib/catalog/seed";
import { getCatalog } from "./catalog";
import { searchByImage, searchByText } from "./search";

beforeAll(async () => {
  await seedBundledCatalog({ embedder: await getEmbedder(), count: 160 });
}, 180_000);

afterAll(async () => {
  await closeDb();
});

describe("search in fallback mode", () => {
  it("answers word queries with TF-IDF over product text", async () => {
    const r = await searchByText("bohemian flowy dress", 5);
    expect(r.mode).toBe("text");
    expect(r.hits.length).toBeGreaterThan(0);
    const top = r.hits[0].product;
    expect(top.articleType).toBe("Dresses");
    expect(r.hits.filter((h) => h.product.styles.includes("boho")).length).toBeGreaterThanOrEqual(1);
  });

  it("matches photos with the pixel descriptor", async () => {
    const catalog = await getCatalog();
    expect(catalog.embedder.modelId).toBe(FALLBACK_MODEL_ID);
    const p = catalog.products[11];
    const r = await searchByImage(fs.readFileSync(path.join(env().mediaDir, p.image as string)), 3);
    expect(r.mode).toBe("visual");
    expect(r.hits[0].product.id).toBe(p.id);
  });
});
