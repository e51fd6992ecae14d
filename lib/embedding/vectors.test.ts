import { describe, expect, it } from "vitest";
import { blobToVector, cosine, dot, l2normalize, norm, packDotMatrix, packVectors, topK, topKOf, vectorToBlob } from "./vectors";

describe("vectors", () => {
  it("should round-trip a vector through a float32 LE BLOB", () => {
    const v = Float32Array.from([1.5, -2.25, 3.125, 0, 1e-7]);
    const blob = vectorToBlob(v);
    expect(blob.length).toBe(20);
    expect(blob.readFloatLE(4)).toBe(-2.25);
    expect(Array.from(blobToVector(blob))).toEqual(Array.from(v));
  });

  it("should decode a BLOB that is an unaligned view into a larger buffer", () => {
    const v = Float32Array.from([0.1, 0.2, 0.3]);
    const big = Buffer.alloc(31);
    vectorToBlob(v).copy(big, 3);
    const view = big.subarray(3, 15);
    const out = blobToVector(view, 3);
    expect(Array.from(out)).toEqual(Array.from(v));
    big.fill(0);
    expect(out[1]).toBeCloseTo(0.2, 6); // a copy, not a view
  });

  it("should reject a BLOB of the wrong size", () => {
    expect(() => blobToVector(Buffer.alloc(7))).toThrow(/multiple of 4/);
    expect(() => blobToVector(Buffer.alloc(8), 3)).toThrow(/dimension 2, expected 3/);
  });

  it("should normalise, dot and cosine", () => {
    const u = l2normalize([3, 4]);
    expect(norm(u)).toBeCloseTo(1, 6);
    expect(Array.from(l2normalize([0, 0]))).toEqual([0, 0]);
    expect(dot([1, 2], [3, 4])).toBe(11);
    expect(cosine([1, 0], [0, 2])).toBe(0);
    expect(cosine([1, 1], [2, 2])).toBeCloseTo(1, 9);
    expect(() => dot([1], [1, 2])).toThrow(/mismatch/);
  });

  it("should return the exact top-k rows, best first, honouring exclusions", () => {
    const rows = [[1, 0], [0.6, 0.8], [0, 1], [-1, 0], [0.8, 0.6]].map((r) => l2normalize(r));
    const m = packVectors(rows, 2);
    const q = l2normalize([1, 0.1]);
    const all = topK(q, m, 2, 3);
    expect(all.indices).toEqual([0, 4, 1]);
    expect(all.scores[0]).toBeGreaterThan(all.scores[1]);
    expect(topK(q, m, 2, 2, new Set([0])).indices).toEqual([4, 1]);
    expect(topK(q, m, 2, 10).indices).toHaveLength(5);
    const brute = rows.map((r, i) => [dot(q, r), i]).sort((a, b) => b[0] - a[0]).map((x) => x[1]);
    expect(topK(q, m, 2, 5).indices).toEqual(brute);
  });
});

describe("topKOf (DotMatrix scan)", () => {
  it("returns what topK returns, exclusions and ties included", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    const dim = 24;
    const rows = Array.from({ length: 300 }, () => Float32Array.from({ length: dim }, rnd));
    rows[17] = rows[3]; // an exact tie: the lower index comes first
    const plain = packVectors(rows, dim);
    const dots = packDotMatrix(rows, dim);
    for (const q of [rows[3], Float32Array.from({ length: dim }, rnd)]) {
      for (const exclude of [undefined, new Set([3, 5, 100])]) {
        const a = topK(q, plain, dim, 12, exclude);
        const b = topKOf(q, dots, 12, exclude);
        expect(b.indices).toEqual(a.indices);
        b.scores.forEach((s, i) => expect(s).toBeCloseTo(a.scores[i], 5));
      }
    }
    expect(topKOf(rows[3], dots, 5).indices.slice(0, 2)).toEqual([3, 17]);
    expect(() => topKOf(new Float32Array(3), dots, 5)).toThrow(/length 3, expected 24/);
  });
});
