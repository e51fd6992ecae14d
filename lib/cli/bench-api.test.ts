import { describe, expect, it } from "vitest";
import { createRng } from "@/lib/recommender/random";
import { bruteForceTop } from "./bench-api";

describe("bruteForceTop (the API bench's floor)", () => {
  it("returns the k best rows by dot product, best first, like a full sort", () => {
    const rng = createRng(4);
    for (const [rows, dim, k] of [[200, 37, 10], [5, 8, 10], [1000, 512, 10]] as const) {
      const matrix = Float32Array.from({ length: rows * dim }, () => rng() * 2 - 1);
      const q = Float32Array.from({ length: dim }, () => rng() * 2 - 1);
      const out = { idx: new Int32Array(k), score: new Float64Array(k) };
      const n = bruteForceTop(q, matrix, dim, k, out);
      const want = Array.from({ length: rows }, (_, r) => {
        let s = 0;
        for (let d = 0; d < dim; d++) s += q[d] * matrix[r * dim + d];
        return { r, s };
      }).sort((a, b) => b.s - a.s).slice(0, k);
      expect(n).toBe(want.length);
      expect(Array.from(out.idx.subarray(0, n))).toEqual(want.map((w) => w.r));
      want.forEach((w, i) => expect(out.score[i]).toBeCloseTo(w.s, 9));
    }
  });
});
