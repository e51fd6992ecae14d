import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FALLBACK_DIM, pixelDescriptor } from "./fallback";
import { productImage } from "./test-helpers";
import { dot, norm, packVectors, topK } from "./vectors";

describe("pixel descriptor", () => {
  it("should be a deterministic unit vector of fixed dimension", async () => {
    const img = await productImage("#1f4e9c");
    const a = await pixelDescriptor(img);
    const b = await pixelDescriptor(img);
    expect(a.length).toBe(FALLBACK_DIM);
    expect(FALLBACK_DIM).toBe(576);
    expect(norm(a)).toBeCloseTo(1, 5);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it("should rank the same colour above another colour of the same shape", async () => {
    const navy = await pixelDescriptor(await productImage("#1f2f5c"));
    const navyWide = await pixelDescriptor(await productImage("#22325f", "wide"));
    const red = await pixelDescriptor(await productImage("#c0392b"));
    expect(dot(navy, navyWide)).toBeGreaterThan(dot(navy, red));
  });

  it("should ignore the background colour (foreground weighting)", async () => {
    const onGrey = await pixelDescriptor(await productImage("#c0392b"));
    const svg = (bg: string) =>
      Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="400"><rect width="100%" height="100%" fill="${bg}"/><rect x="90" y="50" width="120" height="300" rx="12" fill="#c0392b"/></svg>`);
    const sharp = (await import("sharp")).default;
    const onBeige = await pixelDescriptor(await sharp(svg("#efe3c8")).png().toBuffer());
    const blueOnGrey = await pixelDescriptor(await productImage("#1f4e9c"));
    expect(dot(onGrey, onBeige)).toBeGreaterThan(0.8);
    expect(dot(onGrey, onBeige)).toBeGreaterThan(dot(onGrey, blueOnGrey));
  });

  it("should name an undecodable image", async () => {
    await expect(pixelDescriptor(Buffer.from("nope"), 3)).rejects.toThrow(/Image 3: cannot decode/);
  });
});

const DATASET = path.resolve(__dirname, "../../../shared/datasets/fashion-products");

interface Item {
  id: string;
  articleType: string;
  colour: string;
  image: string;
}

function readItems(): Item[] {
  const lines = readFileSync(path.join(DATASET, "items.csv"), "utf8").trim().split("\n");
  const header = lines[0].split(",");
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const cells = splitCsv(line);
    return { id: cells[col("id")], articleType: cells[col("article_type")], colour: cells[col("colour")], image: cells[col("image")] };
  });
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"' && quoted && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

describe.skipIf(!existsSync(path.join(DATASET, "items.csv")))("pixel descriptor on the fashion-products dataset", () => {
  it.each(["Tshirts", "Casual Shoes"])("should find same-colour neighbours among %s far above chance", async (type) => {
    const items = readItems().filter((it) => it.articleType === type && existsSync(path.join(DATASET, it.image)));
    const vectors: Float32Array[] = [];
    for (const it of items) vectors.push(await pixelDescriptor(readFileSync(path.join(DATASET, it.image))));
    const matrix = packVectors(vectors, FALLBACK_DIM);
    const k = 5;
    let hits = 0;
    items.forEach((it, i) => {
      const nn = topK(vectors[i], matrix, FALLBACK_DIM, k, new Set([i]));
      hits += nn.indices.filter((j) => items[j].colour === it.colour).length;
    });
    const precision = hits / (items.length * k);
    const freq = new Map<string, number>();
    for (const it of items) freq.set(it.colour, (freq.get(it.colour) ?? 0) + 1);
    const chance = [...freq.values()].reduce((s, c) => s + (c / items.length) ** 2, 0);
    console.log(`[fallback] ${type}: n=${items.length} same-colour precision@${k} = ${precision.toFixed(3)}, chance = ${chance.toFixed(3)} (x${(precision / chance).toFixed(2)})`);
    expect(precision).toBeGreaterThanOrEqual(2 * chance);
  });
});

if (!existsSync(path.join(DATASET, "items.csv"))) {
  console.log(`[fallback] skipping the dataset test: ${DATASET} is absent`);
}
