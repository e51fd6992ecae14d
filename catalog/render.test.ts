import { createHash } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { generateCatalog } from "./generate";
import { hexToRgb, pickBackground, rgbDistance, type Rgb } from "./paint";
import { IMAGE_HEIGHT, IMAGE_WIDTH, renderProductImage, renderProductSvg, type RenderInput } from "./render";
import { drawingKey, drawingSpec } from "./variation";
import { ARTICLE_TYPES, COLOURS, colourByName } from "./source";

interface Decoded { data: Buffer; width: number; height: number; channels: number }

/** Decoded at the 480x640 drawing-canvas size: the pixel checks below need shapes and colours, not 2x detail. */
async function decode(image: Buffer): Promise<Decoded> {
  const { data, info } = await sharp(image).resize(480, 640, { fit: "fill" }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** The flat background colour, read from the SVG (first full-canvas rect), as a degenerate segment. */
function backgroundStops(svg: string): [Rgb, Rgb] {
  const bg = hexToRgb(svg.match(/<rect width="480" height="640" fill="(#[0-9a-f]{6})"\/>/)![1]);
  return [bg, bg];
}

/** Distance from p to the segment a-b in RGB space (the background gradient lies on it). */
function distToSegment(p: Rgb, a: Rgb, b: Rgb): number {
  const ab = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const ap = [p[0] - a[0], p[1] - a[1], p[2] - a[2]];
  const len2 = ab[0] ** 2 + ab[1] ** 2 + ab[2] ** 2 || 1;
  const t = Math.max(0, Math.min(1, (ap[0] * ab[0] + ap[1] * ab[1] + ap[2] * ab[2]) / len2));
  return Math.hypot(ap[0] - ab[0] * t, ap[1] - ab[1] * t, ap[2] - ab[2] * t);
}

/** Foreground mask (pixels that are not background) and the per-channel median colour of it. */
async function foreground(row: RenderInput): Promise<{ mask: Uint8Array; median: Rgb; share: number; img: Decoded }> {
  const img = await decode(await renderProductImage(row));
  const [a, b] = backgroundStops(renderProductSvg(row));
  const mask = new Uint8Array(img.width * img.height);
  const chans: number[][] = [[], [], []];
  for (let i = 0; i < mask.length; i++) {
    const p: Rgb = [img.data[i * 3], img.data[i * 3 + 1], img.data[i * 3 + 2]];
    if (distToSegment(p, a, b) > 30) {
      mask[i] = 1;
      for (let c = 0; c < 3; c++) chans[c].push(p[c]);
    }
  }
  const med = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
  return { mask, median: [med(chans[0]), med(chans[1]), med(chans[2])], share: chans[0].length / mask.length, img };
}

const iou = (a: Uint8Array, b: Uint8Array) => {
  let inter = 0;
  let union = 0;
  for (let i = 0; i < a.length; i++) {
    inter += a[i] & b[i];
    union += a[i] | b[i];
  }
  return inter / union;
};

/** Share of the combined foreground where the two images differ (shape or drawn detail). */
function difference(a: { mask: Uint8Array; img: Decoded }, b: { mask: Uint8Array; img: Decoded }): number {
  let differ = 0;
  let union = 0;
  for (let i = 0; i < a.mask.length; i++) {
    if (!(a.mask[i] | b.mask[i])) continue;
    union++;
    const k = i * 3;
    const lum = (d: Buffer) => 0.2126 * d[k] + 0.7152 * d[k + 1] + 0.0722 * d[k + 2];
    if (a.mask[i] !== b.mask[i] || Math.abs(lum(a.img.data) - lum(b.img.data)) > 30) differ++;
  }
  return differ / union;
}

const solid = (articleType: string, colour: string, id = `T-${articleType}-${colour}`): RenderInput => ({ id, articleType, colours: [colour], pattern: "solid" });

describe("renderProductImage", () => {
  it("renders a 1024x1365 JPEG", async () => {
    const jpeg = await renderProductImage(generateCatalog({ count: 1 })[0]);
    const meta = await sharp(jpeg).metadata();
    expect(meta.format).toBe("jpeg");
    expect([meta.width, meta.height]).toEqual([IMAGE_WIDTH, IMAGE_HEIGHT]);
    expect([IMAGE_WIDTH, IMAGE_HEIGHT]).toEqual([1024, 1365]);
  });

  it("draws each of the 720 bundled products differently", async () => {
    const rows = generateCatalog();
    expect(rows.length).toBe(720);
    const keys = new Set(rows.map((r) => drawingKey(drawingSpec(r.id, r.name))));
    expect(keys.size).toBe(rows.length);
    const svgs = new Set(rows.map((r) => createHash("sha1").update(renderProductSvg(r)).digest("hex")));
    expect(svgs.size).toBe(rows.length);
    // rendered pixels differ too: the products that shared one drawing before (same type, colours, pattern)
    const byLook = new Map<string, typeof rows>();
    for (const r of rows) {
      const look = `${r.articleType}|${r.colours.join("+")}|${r.pattern}`;
      byLook.set(look, [...(byLook.get(look) ?? []), r]);
    }
    const group = [...byLook.values()].sort((a, b) => b.length - a.length)[0].slice(0, 4);
    expect(group.length).toBeGreaterThanOrEqual(3);
    const pixels = await Promise.all(group.map(async (r) => createHash("sha1").update((await decode(await renderProductImage(r))).data).digest("hex")));
    expect(new Set(pixels).size).toBe(group.length);
  });

  it("draws no text", () => {
    for (const row of generateCatalog({ count: 32 })) expect(renderProductSvg(row)).not.toMatch(/<text|<tspan/);
  });

  const cases: [string, string][] = [
    ["Tshirts", "red"], ["Sweaters", "white"], ["Dresses", "burgundy"], ["Hoodies", "olive"], ["Coats", "navy"],
    ["Jeans", "blue"], ["Skirts", "pink"], ["Shirts", "light blue"], ["Trousers", "beige"], ["Jackets", "black"],
    ["Handbags", "orange"], ["Hats", "purple"], ["Shorts", "yellow"], ["Boots", "brown"],
  ];
  it.each(cases)("paints a solid %s in %s", async (type, colour) => {
    const { median, share } = await foreground(solid(type, colour));
    expect(share).toBeGreaterThan(0.08); // the item fills a good part of the frame
    expect(rgbDistance(`#${median.map((v) => v.toString(16).padStart(2, "0")).join("")}`, colourByName(colour)!.hex)).toBeLessThan(45);
  });

  it("shows both colours of a striped item", async () => {
    const row: RenderInput = { id: "T-stripes", articleType: "Tshirts", colours: ["navy", "yellow"], pattern: "stripes" };
    const { mask, img } = await foreground(row);
    const navy = hexToRgb(colourByName("navy")!.hex);
    const second = hexToRgb(colourByName("yellow")!.hex);
    let nNavy = 0;
    let nSecond = 0;
    let n = 0;
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      n++;
      const p: Rgb = [img.data[i * 3], img.data[i * 3 + 1], img.data[i * 3 + 2]];
      if (Math.hypot(p[0] - navy[0], p[1] - navy[1], p[2] - navy[2]) < 50) nNavy++;
      if (Math.hypot(p[0] - second[0], p[1] - second[1], p[2] - second[2]) < 50) nSecond++;
    }
    expect(nNavy / n).toBeGreaterThan(0.25);
    expect(nSecond / n).toBeGreaterThan(0.15);
  });

  it("draws a different silhouette for every article type", async () => {
    const shots = await Promise.all(ARTICLE_TYPES.map((a) => foreground(solid(a.articleType, "red", "T-shape"))));
    const at = (key: string) => shots[ARTICLE_TYPES.findIndex((a) => a.key === key)];
    expect(iou(at("tshirt").mask, at("jeans").mask)).toBeLessThan(0.65);
    expect(iou(at("dress").mask, at("coat").mask)).toBeLessThan(0.8);
    expect(iou(at("sneakers").mask, at("boots").mask)).toBeLessThan(0.75);
    for (let i = 0; i < shots.length; i++) {
      for (let j = i + 1; j < shots.length; j++) {
        const pair = `${ARTICLE_TYPES[i].articleType} vs ${ARTICLE_TYPES[j].articleType}`;
        expect(iou(shots[i].mask, shots[j].mask), pair).toBeLessThan(0.97);
        expect(difference(shots[i], shots[j]), pair).toBeGreaterThan(0.08);
      }
    }
  });

  it("never puts an item on a background of its own colour", () => {
    for (const c of COLOURS) for (let salt = 0; salt < 12; salt++) expect(rgbDistance(pickBackground(c.hex, salt), c.hex), c.name).toBeGreaterThan(55);
  });

  it("is deterministic", async () => {
    const rows = generateCatalog({ count: 24, seed: 5 });
    expect(renderProductSvg(rows[3])).toBe(renderProductSvg({ ...rows[3] }));
    const [a, b] = await Promise.all([renderProductImage(rows[3]), renderProductImage(rows[3])]);
    expect(a.equals(b)).toBe(true);
  });
});
