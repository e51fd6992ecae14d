import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PHOTO_LIMITS } from "@/lib/schemas/photo-limits";
import { cropPixels, defaultCrop, ITEM_MARGIN, uploadProblem, uploadSize, WHOLE_PHOTO } from "./photo-crop";

describe("crop maths", () => {
  it("should default to the found item's box plus a margin, in percent", () => {
    const c = defaultCrop({ found: true, width: 100, height: 200, box: { x0: 50, y0: 100, x1: 90, y1: 180 } });
    expect(c.unit).toBe("%");
    expect(c.x).toBeCloseTo(50 - 40 * ITEM_MARGIN, 6);
    expect(c.y).toBeCloseTo((100 - 80 * ITEM_MARGIN) / 2, 6);
    expect(c.x + c.width).toBeCloseTo(90 + 40 * ITEM_MARGIN, 6);
    expect(c.y + c.height).toBeCloseTo((180 + 80 * ITEM_MARGIN) / 2, 6);
  });

  it("should default to the whole photo when no item was found or it fills the frame", () => {
    expect(defaultCrop({ found: false, width: 100, height: 100, box: { x0: 10, y0: 10, x1: 20, y1: 20 } })).toEqual(WHOLE_PHOTO);
    expect(defaultCrop({ found: true, width: 100, height: 100, box: { x0: 1, y0: 1, x1: 99, y1: 99 } })).toEqual(WHOLE_PHOTO);
  });

  it("should clamp a margin that runs off the photo", () => {
    const c = defaultCrop({ found: true, width: 100, height: 100, box: { x0: 0, y0: 0, x1: 30, y1: 30 } });
    expect(c.x).toBe(0);
    expect(c.y).toBe(0);
  });

  it("should turn a percent box into whole pixels inside the photo", () => {
    expect(cropPixels({ unit: "%", x: 25, y: 10, width: 50, height: 80 }, 400, 300)).toEqual({ x: 100, y: 30, width: 200, height: 240 });
    expect(cropPixels(WHOLE_PHOTO, 37, 53)).toEqual({ x: 0, y: 0, width: 37, height: 53 });
    fc.assert(
      fc.property(
        fc.record({ x: fc.double({ min: -10, max: 110, noNaN: true }), y: fc.double({ min: -10, max: 110, noNaN: true }), width: fc.double({ min: 0, max: 120, noNaN: true }), height: fc.double({ min: 0, max: 120, noNaN: true }) }),
        fc.integer({ min: 1, max: 8000 }),
        fc.integer({ min: 1, max: 8000 }),
        (b, w, h) => {
          const r = cropPixels({ unit: "%", ...b }, w, h);
          return Number.isInteger(r.x) && r.x >= 0 && r.y >= 0 && r.width >= 1 && r.height >= 1 && r.x + r.width <= w && r.y + r.height <= h;
        },
      ),
    );
  });

  it("should scale the upload down to the upload side, never up, keeping the aspect ratio", () => {
    expect(uploadSize({ width: 4000, height: 3000 })).toEqual({ width: 1024, height: 768 });
    expect(uploadSize({ width: 300, height: 500 })).toEqual({ width: 300, height: 500 });
    expect(uploadSize({ width: 20000, height: 20000 }, 100000)).toEqual({ width: 5000, height: 5000 });
    const big = uploadSize({ width: 6000, height: 6000 }, 100000);
    expect(big.width * big.height).toBeLessThanOrEqual(PHOTO_LIMITS.maxPixels);
  });

  it("should name the limit an upload breaks, as the route would", () => {
    const ok = { bytes: 200_000, type: "image/jpeg", width: 800, height: 600 };
    expect(uploadProblem(ok)).toBeNull();
    expect(uploadProblem({ ...ok, type: "image/gif" })).toMatch(/JPEG, PNG or WebP/);
    expect(uploadProblem({ ...ok, bytes: PHOTO_LIMITS.maxBytes + 1 })).toMatch(/larger than 5 MB/);
    expect(uploadProblem({ ...ok, width: 6001 })).toMatch(/6000 px per side/);
    expect(uploadProblem({ ...ok, bytes: 0 })).toMatch(/empty/);
  });
});
