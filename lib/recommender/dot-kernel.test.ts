import { afterEach, describe, expect, it } from "vitest";
import { createRng } from "./random";
import { createDotMatrix, forceDotEngine } from "./dot-kernel";

function fill(rows: number, dim: number, seed: number) {
  const rng = createRng(seed);
  const m = Array.from({ length: rows }, () => Float32Array.from({ length: dim }, () => rng() * 2 - 1));
  const q = Float32Array.from({ length: dim }, () => rng() * 2 - 1);
  return { m, q };
}

function reference(m: Float32Array[], q: ArrayLike<number>, ids: number[]): number[] {
  return ids.map((r) => {
    let s = 0;
    for (let d = 0; d < q.length; d++) s += m[r][d] * q[d];
    return s;
  });
}

afterEach(() => forceDotEngine(null));

describe("createDotMatrix", () => {
  it("uses the WebAssembly SIMD kernel on this Node", () => {
    expect(createDotMatrix(4, 16).engine).toBe("wasm-simd");
  });

  for (const engine of ["wasm-simd", "js"] as const) {
    // dims: whole 16-float blocks, a scalar tail only, both, and the model sizes
    for (const dim of [16, 3, 37, 512, 576]) {
      it(`${engine}: equals the float64 reference for dim ${dim}, any row order, repeats and a subset`, () => {
        forceDotEngine(engine === "js" ? "js" : null);
        const rows = 50;
        const { m, q } = fill(rows, dim, dim);
        const mat = createDotMatrix(rows, dim);
        expect(mat.engine).toBe(engine);
        m.forEach((row, r) => mat.data.set(row, r * dim));
        const ids = [49, 0, 7, 7, 23, 1, 48];
        const out = new Float64Array(ids.length + 2).fill(-99);
        mat.scan(q, ids, ids.length, out);
        const want = reference(m, q, ids);
        ids.forEach((_, i) => expect(out[i]).toBeCloseTo(want[i], 4));
        expect(out[ids.length]).toBe(-99); // nothing written past count
        // a plain number[] query gives the same as a Float32Array one
        const out2 = new Float64Array(ids.length);
        mat.scan(Array.from(q), ids, ids.length, out2);
        expect(Array.from(out2)).toEqual(Array.from(out.subarray(0, ids.length)));
      });
    }
  }

  it("rejects a wrong query length and out-of-range rows", () => {
    const mat = createDotMatrix(3, 8);
    const out = new Float64Array(3);
    expect(() => mat.scan(new Float32Array(7), [0], 1, out)).toThrow(/length 7, expected 8/);
    expect(() => mat.scan(new Float32Array(8), [3], 1, out)).toThrow(/row 3 out of range/);
    expect(() => mat.scan(new Float32Array(8), [-1], 1, out)).toThrow(/row -1 out of range/);
    expect(() => createDotMatrix(2, 0)).toThrow(/bad matrix shape/);
  });

  it("keeps matrices independent (one kernel instance and memory each)", () => {
    const a = createDotMatrix(2, 16);
    const b = createDotMatrix(2, 16);
    a.data.fill(1);
    b.data.fill(2);
    const q = new Float32Array(16).fill(1);
    const oa = new Float64Array(2);
    const ob = new Float64Array(2);
    a.scan(q, [0, 1], 2, oa);
    b.scan(q, [0, 1], 2, ob);
    expect(Array.from(oa)).toEqual([16, 16]);
    expect(Array.from(ob)).toEqual([32, 32]);
  });
});
