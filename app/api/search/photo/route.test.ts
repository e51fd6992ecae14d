// Integration: POST /api/search/photo against a real SQLite catalog embedded with the pixel
// descriptor v2 and real sharp: a catalog picture put on a busy background and cropped to
// the item (as the browser's crop box does) finds that product and its article type; the
// answer is the PhotoSearchResponse contract (ordered hits, no score, a types facet); old
// "stylenova-pixel-v1" rows in the database are ignored and do not stop re-embedding.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { call, newShopper, photoForm, seedCatalog, type Shopper } from "@/app/api/_testing/api";
import { embedMissingProducts } from "@/lib/catalog/importer";
import { db } from "@/lib/db/client";
import { saveEmbeddings } from "@/lib/db/embeddings";
import { getEmbedder } from "@/lib/embedding";
import { FALLBACK_DIM, FALLBACK_MODEL_ID } from "@/lib/embedding/fallback";
import { env } from "@/lib/env";
import { getCatalog, resetCatalogCache } from "@/lib/feed/catalog";
import { PHOTO_HITS } from "@/lib/feed/photo-search";
import type { PublicProduct } from "@/lib/feed/cards";
import type { PhotoSearchResponse } from "@/lib/search/contract";
import { POST as postPhoto } from "./route";

let s: Shopper;

beforeAll(async () => {
  await seedCatalog(120);
  s = newShopper();
}, 180_000);

/** A busy scene (stripes and blobs in many colours) with the product's picture pasted at (left, top). */
async function busyScene(picture: Buffer, o: { left: number; top: number; width: number }): Promise<{ jpeg: Buffer; item: { left: number; top: number; width: number; height: number } }> {
  const item = await sharp(picture).resize({ width: o.width }).jpeg().toBuffer();
  const { height = 0 } = await sharp(item).metadata();
  const stripes = Array.from({ length: 24 }, (_, i) => `<rect x="${i * 50}" y="0" width="26" height="1000" fill="hsl(${(i * 47) % 360} 70% 50%)" transform="rotate(${(i % 5) * 9} 600 500)"/>`).join("");
  const blobs = Array.from({ length: 30 }, (_, i) => `<circle cx="${(i * 137) % 1200}" cy="${(i * 211) % 900}" r="${20 + ((i * 13) % 50)}" fill="hsl(${(i * 83) % 360} 60% ${30 + (i % 4) * 12}%)"/>`).join("");
  const bg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><rect width="100%" height="100%" fill="#6b4f2a"/>${stripes}${blobs}</svg>`);
  const jpeg = await sharp(bg).composite([{ input: item, left: o.left, top: o.top }]).jpeg({ quality: 88 }).toBuffer();
  return { jpeg, item: { left: o.left, top: o.top, width: o.width, height } };
}

async function search(bytes: Buffer, type = "image/jpeg"): Promise<PhotoSearchResponse> {
  const r = await call<PhotoSearchResponse>(postPhoto, "/api/search/photo", { method: "POST", rawBody: photoForm(bytes, "photo.jpg", type), shopper: s });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

describe("POST /api/search/photo", () => {
  it("should find the product in a busy photo cropped to it, with its article type first, in order and without a score", async () => {
    const catalog = await getCatalog();
    const p = catalog.products.find((x) => x.image && x.articleType === "Dresses") ?? catalog.products[5];
    const picture = fs.readFileSync(path.join(env().mediaDir, p.image as string));
    const { jpeg, item } = await busyScene(picture, { left: 620, top: 180, width: 420 });
    // the crop box dragged onto the item, with a little of the busy background around it
    const m = 12;
    const cropped = await sharp(jpeg).extract({ left: item.left - m, top: item.top - m, width: item.width + 2 * m, height: Math.min(900 - item.top + m, item.height + 2 * m) }).jpeg().toBuffer();
    const r = await search(cropped);
    expect(r.kind).toBe("photo");
    expect(r.modelId).toBe(FALLBACK_MODEL_ID);
    expect(r.hits.length).toBe(PHOTO_HITS);
    expect(r.hits.slice(0, 3).map((h) => h.id)).toContain(p.id);
    expect(r.hits[0].articleType).toBe(p.articleType);
    expect(JSON.stringify(r)).not.toMatch(/score/i);
    expect(new Set(r.hits.map((h) => h.id)).size).toBe(r.hits.length);
    // the types facet counts the hits' article types, most frequent first
    const counts = new Map<string, number>();
    r.hits.forEach((h: PublicProduct) => counts.set(h.articleType, (counts.get(h.articleType) ?? 0) + 1));
    expect(Object.fromEntries(r.types.map((t) => [t.value, t.count]))).toEqual(Object.fromEntries(counts));
    expect(r.types.map((t) => t.count)).toEqual([...r.types.map((t) => t.count)].sort((a, b) => b - a));
  });

  it("should answer the whole busy photo too (the crop is the shopper's choice)", async () => {
    const catalog = await getCatalog();
    const picture = fs.readFileSync(path.join(env().mediaDir, catalog.products[0].image as string));
    const { jpeg } = await busyScene(picture, { left: 100, top: 100, width: 300 });
    const r = await search(jpeg);
    expect(r.hits.length).toBe(PHOTO_HITS);
  });

  it("should ignore old stylenova-pixel-v1 rows and re-embed only what v2 lacks", async () => {
    const client = await db();
    const products = await client.product.findMany({ select: { id: true } });
    // a database embedded by the old descriptor: 576-dim v1 rows next to the v2 ones
    await saveEmbeddings("stylenova-pixel-v1", products.map((p) => ({ productId: p.id, vector: new Float32Array(576).fill(1 / 24) })));
    const gone = products.slice(0, 5).map((p) => p.id);
    await client.productEmbedding.deleteMany({ where: { modelId: FALLBACK_MODEL_ID, productId: { in: gone } } });
    expect(await embedMissingProducts(await getEmbedder())).toBe(5);
    expect(await embedMissingProducts(await getEmbedder())).toBe(0);
    resetCatalogCache();
    const catalog = await getCatalog();
    expect(catalog.packed?.dim).toBe(FALLBACK_DIM);
    expect(catalog.packed?.ids.length).toBe(catalog.products.filter((x) => x.image).length);
    const picture = fs.readFileSync(path.join(env().mediaDir, catalog.products[3].image as string));
    const r = await search(await sharp(picture).png().toBuffer(), "image/png");
    expect(r.hits[0].id).toBe(catalog.products[3].id);
  });
});
