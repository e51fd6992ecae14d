// Integration: the real importer against a real SQLite file (temporary data folder).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/lib/db/client";
import { importCatalog } from "./importer";
import { requiredColumns, STYLENOVA_COLUMNS } from "./rows";

const DATASET = path.resolve(process.cwd(), "..", "shared", "datasets", "fashion-products");

afterAll(async () => {
  await closeDb();
});

async function solidPng(file: string, colour: string): Promise<void> {
  await sharp({ create: { width: 60, height: 80, channels: 3, background: colour } }).png().toFile(file);
}

function row(values: Partial<Record<(typeof STYLENOVA_COLUMNS)[number], string>>): string {
  const base: Record<string, string> = {
    id: "X", name: "Plain Tee", brand: "Acme", gender: "Women", category: "Apparel", subcategory: "Topwear", article_type: "Tshirts",
    colours: "red", pattern: "solid", styles: "casual", season: "Summer", year: "2024", price: "19.90", currency: "USD", sizes: "S|M",
    description: "A tee.", image: "images/ok.png",
  };
  const merged = { ...base, ...values };
  return STYLENOVA_COLUMNS.map((c) => merged[c]).join(",");
}

describe("importCatalog with a defect fixture", () => {
  it("reports exactly one error per defective row, with line numbers, and imports the good rows", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sn-defects-"));
    fs.mkdirSync(path.join(dir, "images"));
    await solidPng(path.join(dir, "images", "ok.png"), "#c0392b");
    await solidPng(path.join(dir, "images", "ok2.png"), "#2c3e50");
    fs.writeFileSync(path.join(dir, "images", "fake.png"), "this is not an image at all");
    const lines = [
      STYLENOVA_COLUMNS.join(","), // 1
      row({ id: "GOOD-1" }), // 2
      row({ id: "MISSING-COL" }).split(",").slice(0, -1).join(","), // 3: missing column
      row({ id: "BAD-PRICE", price: "abc" }), // 4: bad number
      row({ id: "BAD-GENDER", gender: "Martian" }), // 5: unknown gender
      row({ id: "GOOD-1", name: "Dup" }), // 6: duplicate id
      row({ id: "NO-IMAGE", image: "images/nope.png" }), // 7: missing image
      row({ id: "FAKE-IMAGE", image: "images/fake.png" }), // 8: non-image file
      row({ id: "GOOD-2", image: "images/ok2.png", name: '"Tee, with comma"' }), // 9
    ];
    const csv = path.join(dir, "catalog.csv");
    fs.writeFileSync(csv, `\uFEFF${lines.join("\r\n")}\r\n`);

    const s = await importCatalog({ csvPath: csv, embedder: null });
    expect(s.rows).toBe(8);
    expect(s.imported).toBe(2);
    expect(s.errors.map((e) => [e.line, e.id])).toEqual([
      [3, "MISSING-COL"], [4, "BAD-PRICE"], [5, "BAD-GENDER"], [6, "GOOD-1"], [7, "NO-IMAGE"], [8, "FAKE-IMAGE"],
    ]);
    const reasons = s.errors.map((e) => e.reason);
    expect(reasons[0]).toMatch(/expected 17 columns, found 16/);
    expect(reasons[1]).toMatch(/price: "abc" is not a price/);
    expect(reasons[2]).toMatch(/unknown gender "Martian"/);
    expect(reasons[3]).toMatch(/duplicate id "GOOD-1" \(first on line 2\)/);
    expect(reasons[4]).toMatch(/image "nope.png" not found/);
    expect(reasons[5]).toMatch(/image "fake.png" could not be decoded/);

    const client = await db();
    const products = await client.product.findMany({ orderBy: { externalId: "asc" } });
    expect(products.map((p) => p.externalId)).toEqual(["GOOD-1", "GOOD-2"]);
    expect(products[1].name).toBe("Tee, with comma");
    expect(products[0].priceCents).toBe(1990);
    // the normalised image is a WebP in the media folder
    const media = path.join(process.env.DATA_DIR as string, "media", products[0].image as string);
    expect((await sharp(media).metadata()).format).toBe("webp");

    // re-running updates in place: no duplicates, same ids
    const again = await importCatalog({ csvPath: csv, embedder: null });
    expect(again.created).toBe(0);
    expect(again.updated).toBe(2);
    const after = await client.product.findMany({ orderBy: { externalId: "asc" } });
    expect(after.map((p) => p.id)).toEqual(products.map((p) => p.id));
  });

  it("imports the optional product_url column and names the line of a bad URL", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sn-urls-"));
    fs.mkdirSync(path.join(dir, "images"));
    await solidPng(path.join(dir, "images", "ok.png"), "#27ae60");
    const lines = [
      `${STYLENOVA_COLUMNS.join(",")},product_url`, // 1
      `${row({ id: "URL-1" })},https://shop.example.com/p/url-1`, // 2
      `${row({ id: "URL-NONE" })},`, // 3: no link
      `${row({ id: "URL-BAD" })},mailto:sales@shop.example.com`, // 4: not a web address
    ];
    const csv = path.join(dir, "catalog.csv");
    fs.writeFileSync(csv, `${lines.join("\n")}\n`);
    const s = await importCatalog({ csvPath: csv, embedder: null });
    expect(s.imported).toBe(2);
    expect(s.errors).toEqual([{ line: 4, id: "URL-BAD", reason: expect.stringMatching(/product_url: "mailto:sales@shop.example.com" is not a web address/) }]);
    const client = await db();
    const stored = await client.product.findMany({ where: { externalId: { startsWith: "URL-" } }, orderBy: { externalId: "asc" }, select: { externalId: true, productUrl: true } });
    expect(stored).toEqual([
      { externalId: "URL-1", productUrl: "https://shop.example.com/p/url-1" },
      { externalId: "URL-NONE", productUrl: null },
    ]);
  });

  it("rejects a file with a missing required header column before touching the database", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sn-header-"));
    const csv = path.join(dir, "bad.csv");
    fs.writeFileSync(csv, "id,name,gender\n1,a,Men\n");
    await expect(importCatalog({ csvPath: csv, embedder: null })).rejects.toThrow(/bad\.csv:1: header is missing column/);
  });
});

describe("importCatalog with optional columns left out", () => {
  it("imports every row of a StyleNova CSV that has only the required columns", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sn-minimal-"));
    await solidPng(path.join(dir, "a.png"), "#c0392b");
    const csv = path.join(dir, "minimal.csv");
    const lines = [
      requiredColumns("stylenova").join(","),
      "MIN-1,Plain Tee,Women,Apparel,Tshirts,Navy Blue,a.png",
      "MIN-2,Wide Jeans,Men,Apparel,Jeans,blue|Off White,a.png",
      "MIN-3,Canvas Shoe,Unisex,Footwear,Casual Shoes,Magenta,a.png",
    ];
    fs.writeFileSync(csv, `${lines.join("\n")}\n`);
    const s = await importCatalog({ csvPath: csv, embedder: null, source: "minimal" });
    expect(s.errors).toEqual([]);
    expect(s.imported).toBe(3);
    const client = await db();
    const products = await client.product.findMany({ where: { source: "minimal" }, orderBy: { externalId: "asc" } });
    expect(products.map((p) => [p.externalId, p.brand, JSON.parse(p.colours)])).toEqual([
      ["MIN-1", "", ["navy"]], ["MIN-2", "", ["blue", "off-white"]], ["MIN-3", "", ["magenta"]],
    ]);
  });

  it("names the missing required column and the file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sn-noimage-"));
    const csv = path.join(dir, "no-image.csv");
    fs.writeFileSync(csv, `${requiredColumns("stylenova").filter((c) => c !== "image").join(",")}\nX,Tee,Men,Apparel,Tshirts,red\n`);
    await expect(importCatalog({ csvPath: csv, embedder: null })).rejects.toThrow(/no-image\.csv:1: header is missing column\(s\) "image" for the stylenova layout/);
  });
});

describe.skipIf(!fs.existsSync(path.join(DATASET, "items.csv")))("importCatalog on ../shared/datasets/fashion-products", () => {
  it("imports all 2,022 rows with the expected counts per category", async () => {
    const s = await importCatalog({ csvPath: path.join(DATASET, "items.csv"), embedder: null, source: "fashion-products" });
    expect(s.format).toBe("items");
    expect(s.errors).toEqual([]);
    expect(s.imported).toBe(2022);
    const client = await db();
    const groups = await client.product.groupBy({ by: ["category"], where: { source: "fashion-products" }, _count: { _all: true } });
    const counts = Object.fromEntries(groups.map((g) => [g.category, g._count._all]));
    expect(counts).toMatchObject({ Apparel: 941, Accessories: 482, Footwear: 474, "Personal Care": 124, "Free Items": 1 });
  }, 240_000);
});

if (!fs.existsSync(path.join(DATASET, "items.csv"))) {
  console.warn(`[skip] ${DATASET} is absent: the real-data import test is skipped.`);
}
