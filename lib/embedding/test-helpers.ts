// Test fixtures for lib/embedding: a tiny CLIP model in a temp folder and synthetic
// product-like images. Used only by *.test.ts; must not import lib/db or lib/feed.
import "server-only";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { generateClipModel } from "./tiny-clip";

export const TEST_MODEL = "Xenova/clip-vit-base-patch32";

/** A models folder holding the tiny random CLIP under TEST_MODEL. */
export async function tinyModelsDir(seed = 42): Promise<{ modelsDir: string; modelDir: string; cleanup: () => Promise<void> }> {
  const modelsDir = await mkdtemp(path.join(os.tmpdir(), "stylenova-clip-"));
  const modelDir = path.join(modelsDir, ...TEST_MODEL.split("/"));
  await generateClipModel(modelDir, { size: "tiny", seed });
  return { modelsDir, modelDir, cleanup: () => rm(modelsDir, { recursive: true, force: true }) };
}

/** A product-like JPEG: a coloured garment shape on a light background. */
export async function productImage(colour: string, shape: "tall" | "wide" = "tall", size = { w: 300, h: 400 }): Promise<Buffer> {
  const [w, h] = shape === "tall" ? [size.w * 0.4, size.h * 0.75] : [size.w * 0.8, size.h * 0.35];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.w}" height="${size.h}">
    <rect width="100%" height="100%" fill="#f4f4f4"/>
    <rect x="${(size.w - w) / 2}" y="${(size.h - h) / 2}" width="${w}" height="${h}" rx="12" fill="${colour}"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}
