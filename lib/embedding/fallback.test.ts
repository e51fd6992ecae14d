import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { pixelDescriptorV1 } from "@/lib/eval/baseline/pixel-v1";
import { datasetDir } from "@/lib/eval/search-photo";
import { FALLBACK_DIM, FALLBACK_MODEL_ID, findItem, labPixels, pixelDescriptor } from "./fallback";
import { productImage } from "./test-helpers";
import { dot, norm, packVectors, topK } from "./vectors";

const svgPng = (svg: string) => sharp(Buffer.from(svg)).png().toBuffer();

/** A shoe-like (wide, low) or dress-like (tall) item drawn at (x, y) with scale s on a background. */
function scene(item: "shoe" | "dress", opts: { bg: string; fill: string; x: number; y: number; s: number; w?: number; h?: number }): string {
  const { bg, fill, x, y, s, w = 400, h = 400 } = opts;
  const shape =
    item === "shoe"
      ? `<path d="M0 60 L0 20 Q20 0 60 10 L110 30 Q160 40 170 60 Z" fill="${fill}" stroke="#333" stroke-width="3"/><rect x="0" y="56" width="172" height="10" fill="#222"/>`
      : `<path d="M40 0 L80 0 L90 40 L120 160 L0 160 L30 40 Z" fill="${fill}" stroke="#333" stroke-width="3"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="${bg}"/><g transform="translate(${x} ${y}) scale(${s})">${shape}</g></svg>`;
}

describe("pixel descriptor v2", () => {
  it("should be a deterministic unit vector of fixed dimension under a new model id", async () => {
    const img = await productImage("#1f4e9c");
    const a = await pixelDescriptor(img);
    const b = await pixelDescriptor(img);
    expect(a.length).toBe(FALLBACK_DIM);
    expect(FALLBACK_MODEL_ID).toBe("stylenova-pixel-v2");
    expect(norm(a)).toBeCloseTo(1, 5);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it("should rank the same colour above another colour of the same shape", async () => {
    const navy = await pixelDescriptor(await productImage("#1f2f5c"));
    const navyAgain = await pixelDescriptor(await productImage("#22325f"));
    const red = await pixelDescriptor(await productImage("#c0392b"));
    expect(dot(navy, navyAgain)).toBeGreaterThan(dot(navy, red));
  });

  it("should separate the item from its background and box it", async () => {
    const { data, info } = await sharp(await svgPng(scene("dress", { bg: "#d9cbb0", fill: "#2e7d32", x: 100, y: 80, s: 1.5 })))
      .resize(128, 128, { fit: "inside" })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const r = findItem(labPixels(data), info.width, info.height);
    expect(r.found).toBe(true);
    // the dress spans x 100..280, y 80..320 of 400: 32..90 and 26..102 of 128
    expect(r.box.x0).toBeGreaterThanOrEqual(28);
    expect(r.box.x1).toBeLessThanOrEqual(94);
    expect(r.box.y0).toBeGreaterThanOrEqual(22);
    expect(r.box.y1).toBeLessThanOrEqual(106);
    expect(r.box.x1 - r.box.x0).toBeGreaterThan(50);
    const corner = r.mask[0] + r.mask[info.width - 1] + r.mask[r.mask.length - 1];
    const centre = r.mask[Math.floor(info.height * 0.6) * info.width + Math.floor(info.width * 0.5)];
    expect(corner).toBe(0);
    expect(centre).toBe(1);
  });

  it("should keep an item of the background's own colour whole when its outline encloses it", async () => {
    const { data, info } = await sharp(await svgPng(scene("dress", { bg: "#ffffff", fill: "#ffffff", x: 120, y: 100, s: 1.2 })))
      .removeAlpha()
      .resize(128, 128, { fit: "inside" })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const r = findItem(labPixels(data), info.width, info.height);
    expect(r.found).toBe(true);
    // the dress interior (white on white) is inside the item, not background
    expect(r.mask[Math.floor(128 * 0.6) * 128 + Math.floor(128 * 0.45)]).toBe(1);
  });

  it("should use the whole frame when no item can be told apart", async () => {
    const { data, info } = await sharp({ create: { width: 90, height: 120, channels: 3, background: "#777777" } }).raw().toBuffer({ resolveWithObject: true });
    const r = findItem(labPixels(data), info.width, info.height);
    expect(r.found).toBe(false);
    expect(r.box).toEqual({ x0: 0, y0: 0, x1: 90, y1: 120 });
  });

  it("should find the same item on another background, position and scale closer than another item on the same background", async () => {
    const shoeOnBeige = await pixelDescriptor(await svgPng(scene("shoe", { bg: "#e8dcc4", fill: "#1565c0", x: 20, y: 40, s: 1 })));
    const shoeOnGreyBig = await pixelDescriptor(await svgPng(scene("shoe", { bg: "#9e9e9e", fill: "#1565c0", x: 60, y: 200, s: 1.8 })));
    const dressOnBeige = await pixelDescriptor(await svgPng(scene("dress", { bg: "#e8dcc4", fill: "#1565c0", x: 20, y: 40, s: 1 })));
    const v1 = await Promise.all(
      [scene("shoe", { bg: "#e8dcc4", fill: "#1565c0", x: 20, y: 40, s: 1 }), scene("shoe", { bg: "#9e9e9e", fill: "#1565c0", x: 60, y: 200, s: 1.8 }), scene("dress", { bg: "#e8dcc4", fill: "#1565c0", x: 20, y: 40, s: 1 })].map(async (svg) => pixelDescriptorV1(await svgPng(svg))),
    );
    expect(dot(shoeOnBeige, shoeOnGreyBig)).toBeGreaterThan(dot(shoeOnBeige, dressOnBeige));
    // the old descriptor (v1) could not tell: position, scale and background dominated it
    expect(dot(v1[0], v1[1])).toBeLessThan(dot(v1[0], v1[2]));
  });

  it("should name an undecodable image", async () => {
    await expect(pixelDescriptor(Buffer.from("nope"), 3)).rejects.toThrow(/Image 3: cannot decode/);
  });
});

const DATASET = datasetDir();

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
