import { describe, expect, it } from "vitest";
import { buildContentIndex } from "./content";
import { createDotMatrix } from "./dot-kernel";
import { alignedVectors } from "./features";
import { applyEvent, initialState } from "./learning";
import { createRng } from "./random";
import { recommend } from "./rank";
import { generateSyntheticCatalog } from "./synthetic";
import { quiz } from "./test-fixtures";
import type { VectorSet } from "./visual";

describe("alignedVectors", () => {
  const { products, vectors } = generateSyntheticCatalog({ size: 400, seed: 6, dim: 32 });
  // the same vectors as views into one matrix, rows in reverse product order
  const matrix = createDotMatrix(products.length, 32);
  const byId = new Map<number, Float32Array>();
  products.forEach((p, i) => {
    const r = products.length - 1 - i;
    matrix.data.set(vectors.byId.get(p.id)!, r * 32);
    byId.set(p.id, matrix.data.subarray(r * 32, (r + 1) * 32));
  });
  const shared: VectorSet = { modelId: vectors.modelId, byId, matrix };

  it("scans the caller's matrix in place when the vectors are its rows", () => {
    const a = alignedVectors(products, shared);
    expect(a.matrix).toBe(matrix);
    expect(a.rowOf[0]).toBe(products.length - 1);
    const b = alignedVectors(products, vectors);
    expect(b.matrix).not.toBe(matrix);
    expect(b.rowOf[0]).toBe(0);
  });

  it("copies when one vector is not a row of the matrix", () => {
    const mixed = new Map(byId);
    mixed.set(products[5].id, Float32Array.from(byId.get(products[5].id)!));
    const a = alignedVectors(products, { ...shared, byId: mixed });
    expect(a.matrix).not.toBe(matrix);
    expect(Array.from(a.rowOf.subarray(0, 3))).toEqual([0, 1, 2]);
  });

  it("gives the same recommendations either way", () => {
    const q = quiz({ colours: ["black"] });
    let s = initialState(q);
    const rng = createRng(3);
    for (let i = 0; i < 12; i++) {
      const p = products[Math.floor(rng() * products.length)];
      s = applyEvent(s, p, i % 2 ? "like" : "pass", { vector: vectors.byId.get(p.id), modelId: vectors.modelId });
    }
    const contentIndex = buildContentIndex(products);
    const run = (v: VectorSet) =>
      recommend({ products, quiz: q, state: s, contentIndex, vectors: v, quizTextVector: null, collabScores: null, limit: 10, rng: createRng(9), now: 0 }).map((r) => [r.productId, r.components.visual]);
    const viaShared = run(shared);
    expect(viaShared).toEqual(run(vectors));
    expect(viaShared.some(([, v]) => v !== null && v !== 0.5)).toBe(true);
  });
});
