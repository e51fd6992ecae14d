import { describe, expect, it } from "vitest";
import { packVectors, topK, l2normalize } from "@/lib/embedding/vectors";
import { rankPhotoPool, typeCentroids } from "./photo-rank";

const unit = (...xs: number[]) => l2normalize(xs);

describe("photo ranking", () => {
  // rows 0-3 are "Heels" near the x axis, rows 4-7 "Sports Shoes" near the y axis; row 8 is a
  // lone "Sports Shoes" item right next to the query among the heels.
  const vectors = [
    unit(1, 0.05, 0), unit(1, 0.1, 0), unit(1, 0.15, 0.02), unit(1, 0.2, 0.01),
    unit(0.3, 1, 0), unit(0.35, 1, 0.05), unit(0.4, 1, 0), unit(0.32, 1, 0.1),
    unit(0.95, 0.3, 0),
  ];
  const types = ["Heels", "Heels", "Heels", "Heels", "Sports Shoes", "Sports Shoes", "Sports Shoes", "Sports Shoes", "Sports Shoes"];
  const matrix = packVectors(vectors, 3);
  const c = typeCentroids(matrix, 3, types);

  it("should sum vectors per article type", () => {
    expect(c.types).toEqual(["Heels", "Sports Shoes"]);
    expect(c.counts).toEqual([4, 5]);
    expect(c.sums[0][0]).toBeCloseTo(vectors.slice(0, 4).reduce((s, v) => s + v[0], 0), 5);
  });

  it("should keep plain nearest-neighbour order when the neighbours agree on a type", () => {
    const q = unit(1, 0.12, 0);
    const pool = topK(q, matrix, 3, 9);
    const ranked = rankPhotoPool(pool, q, c, 4);
    expect(ranked.slice(0, 4).every((r) => types[r] === "Heels")).toBe(true);
  });

  it("should rank the neighbours' majority type first, so a close item of another type moves down", () => {
    const q = unit(1, 0.3, 0);
    const pool = topK(q, matrix, 3, 9);
    expect(types[pool.indices[0]]).toBe("Sports Shoes"); // row 8 is the single nearest
    const ranked = rankPhotoPool(pool, q, c, 9);
    expect(ranked.slice(0, 4).map((r) => types[r])).toEqual(["Heels", "Heels", "Heels", "Heels"]);
    expect(ranked).toHaveLength(9);
    expect(new Set(ranked).size).toBe(9);
  });

  it("should keep the very picture searched for first, even against the majority type", () => {
    const q = vectors[8]; // the lone Sports Shoes item's own picture, among heels
    const pool = topK(q, matrix, 3, 9);
    const ranked = rankPhotoPool(pool, q, c, 9);
    expect(ranked[0]).toBe(8);
    expect(ranked.slice(1, 5).map((r) => types[r])).toEqual(["Heels", "Heels", "Heels", "Heels"]);
  });

  it("should leave an excluded catalog row out of its type's centroid", () => {
    const q = vectors[8];
    const pool = topK(q, matrix, 3, 8, new Set([8]));
    const withSelf = rankPhotoPool(pool, q, c, 8);
    const without = rankPhotoPool(pool, q, c, 8, { row: 8, vector: vectors[8] });
    expect(without).not.toContain(8);
    expect(withSelf).not.toContain(8);
    expect(without).toHaveLength(8);
  });

  it("should return nothing for an empty pool", () => {
    expect(rankPhotoPool({ indices: [], scores: [] }, unit(1, 0, 0), c, 5)).toEqual([]);
  });
});
