import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { ImageError, MEDIA_HEIGHT, MEDIA_WIDTH, normaliseImageFile, productImagePath } from "./images";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sn-images-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function write(name: string, width: number, height: number, format: "jpeg" | "png"): Promise<string> {
  const file = path.join(dir, name);
  const img = sharp({ create: { width, height, channels: 3, background: "#2f5fb3" } });
  await (format === "jpeg" ? img.jpeg({ quality: 90 }) : img.png()).toFile(file);
  return file;
}

describe("normaliseImageFile", () => {
  it("keeps a JPEG that already fits byte for byte, under a .jpg media path", async () => {
    const file = await write("fits.jpg", 1024, 1365, "jpeg");
    const { bytes, format } = await normaliseImageFile(file);
    expect(format).toBe("jpg");
    expect(bytes.equals(fs.readFileSync(file))).toBe(true);
    expect(productImagePath("SN-00001", format)).toBe("products/SN-00001.jpg");
  });

  it("re-encodes a larger JPEG and a PNG as WebP that fits the media box", async () => {
    for (const file of [await write("big.jpg", 1500, 2000, "jpeg"), await write("flat.png", 300, 400, "png")]) {
      const { bytes, format } = await normaliseImageFile(file);
      expect(format).toBe("webp");
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.width!).toBeLessThanOrEqual(MEDIA_WIDTH);
      expect(meta.height!).toBeLessThanOrEqual(MEDIA_HEIGHT);
    }
  });

  it("does not keep a truncated JPEG", async () => {
    const good = fs.readFileSync(await write("whole.jpg", 400, 400, "jpeg"));
    const file = path.join(dir, "cut.jpg");
    fs.writeFileSync(file, good.subarray(0, Math.floor(good.length / 2)));
    await expect(normaliseImageFile(file)).rejects.toBeInstanceOf(ImageError);
  });
});
