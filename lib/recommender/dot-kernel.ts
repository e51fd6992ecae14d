// Batched dot products over a row-major float32 matrix: the visual stage of `recommend`
// and the exact vector search. A WebAssembly SIMD kernel (dot-kernel.wat, four f32x4
// accumulators per row) does the work when the runtime supports it; otherwise the same
// loop runs in plain JS. Both give out[i] = q . row(rows[i]) for i < count; the kernel
// accumulates in float32, the JS loop in float64 (differences are ~1e-6 on unit vectors).
// The matrix lives inside the kernel's own linear memory, so a scan copies only the
// query and the row list. Pure: must not import anything outside lib/recommender.
import { DOT_WASM } from "./dot-kernel-wasm";
import { dotRow } from "./visual";

export interface DotMatrix {
  readonly rows: number;
  readonly dim: number;
  /** row-major float32 storage (a view into the kernel's memory when SIMD is in use) */
  readonly data: Float32Array;
  /** "wasm-simd" or "js" */
  readonly engine: "wasm-simd" | "js";
  /**
   * out[i] = query . row(rowIds[i]) for i < count. rowIds must be valid row numbers;
   * query.length must equal dim.
   */
  scan(query: ArrayLike<number>, rowIds: ArrayLike<number>, count: number, out: Float64Array): void;
}

interface ScanExports {
  memory: WebAssembly.Memory;
  scan: (q: number, m: number, dim: number, idx: number, count: number, out: number) => void;
}

let compiled: WebAssembly.Module | null | undefined;

function wasmModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    compiled = typeof WebAssembly === "object" && WebAssembly.validate(DOT_WASM) ? new WebAssembly.Module(DOT_WASM) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

/** Test hook: "js" forces the plain JS loop for matrices created afterwards. */
let forced: "js" | null = null;
export function forceDotEngine(engine: "js" | null): void {
  forced = engine;
}

const PAGE = 65536;
const align16 = (x: number) => Math.ceil(x / 16) * 16;

/** A rows x dim zero matrix; fill it through `data`. */
export function createDotMatrix(rows: number, dim: number): DotMatrix {
  if (!(Number.isInteger(rows) && rows >= 0 && Number.isInteger(dim) && dim > 0)) throw new Error(`bad matrix shape ${rows} x ${dim}`);
  const mod = forced === "js" ? null : wasmModule();
  if (mod) {
    try {
      return wasmMatrix(mod, rows, dim);
    } catch {
      // memory could not be grown that far: the JS loop still works
    }
  }
  return jsMatrix(rows, dim);
}

function wasmMatrix(mod: WebAssembly.Module, rows: number, dim: number): DotMatrix {
  const ex = new WebAssembly.Instance(mod, {}).exports as unknown as ScanExports;
  // layout: [query | row ids | out | matrix], each 16-byte aligned
  const qOff = 0;
  const idxOff = align16(qOff + dim * 4);
  const outOff = align16(idxOff + rows * 4);
  const mOff = align16(outOff + rows * 4);
  const bytes = mOff + rows * dim * 4;
  const have = ex.memory.buffer.byteLength;
  if (bytes > have) ex.memory.grow(Math.ceil((bytes - have) / PAGE));
  const buf = ex.memory.buffer; // never grown again, so these views stay attached
  const q = new Float32Array(buf, qOff, dim);
  const idx = new Int32Array(buf, idxOff, rows);
  const out32 = new Float32Array(buf, outOff, rows);
  const data = new Float32Array(buf, mOff, rows * dim);
  return {
    rows,
    dim,
    data,
    engine: "wasm-simd",
    scan(query, rowIds, count, out) {
      loadQuery(query, q, count, rows);
      for (let i = 0; i < count; i++) idx[i] = checkedRow(rowIds[i], rows);
      ex.scan(qOff, mOff, dim, idxOff, count, outOff);
      for (let i = 0; i < count; i++) out[i] = out32[i];
    },
  };
}

/** Check the arguments of a scan and copy the query into the engine's buffer. */
function loadQuery(query: ArrayLike<number>, q: Float32Array | Float64Array, count: number, rows: number): void {
  if (query.length !== q.length) throw new Error(`query has length ${query.length}, expected ${q.length}`);
  if (count > rows) throw new Error(`count ${count} exceeds ${rows} rows`);
  for (let d = 0; d < q.length; d++) q[d] = query[d];
}

function checkedRow(r: number, rows: number): number {
  if (!(r >= 0 && r < rows)) throw new Error(`row ${r} out of range`);
  return r;
}

function jsMatrix(rows: number, dim: number): DotMatrix {
  const data = new Float32Array(rows * dim);
  const q = new Float64Array(dim);
  return {
    rows,
    dim,
    data,
    engine: "js",
    scan(query, rowIds, count, out) {
      loadQuery(query, q, count, rows);
      for (let i = 0; i < count; i++) out[i] = dotRow(data, checkedRow(rowIds[i], rows), dim, q);
    },
  };
}
