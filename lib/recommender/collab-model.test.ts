// Trained collaborative models on small hand-checked cases and against naive references;
// ALS fold-in equals the training-time user factors; the codec round-trips and refuses
// corrupt or newer blobs.
import { describe, expect, it } from "vitest";
import { alsLoss, foldIn, gram, trainAls } from "./als";
import { COLLAB_FORMAT, CollabModelFormatError, decodeCollabModel, encodeCollabModel } from "./collab-codec";
import { ACTION_CODE, buildRatingMatrix, type ActionCode } from "./collab-matrix";
import { collabScoresFor, topColumns, trainCollabModel } from "./collab-model";
import { invertSpd, trainEase } from "./ease";
import { trainItemKnn } from "./item-knn";
import { createRng } from "./random";

const { like: L, pass: P, superlike: S } = ACTION_CODE;
const rows = (xs: Array<Record<number, ActionCode>>) => buildRatingMatrix(xs.map((r) => new Map(Object.entries(r).map(([k, v]) => [Number(k), v]))));

function randomMatrix(users: number, items: number, seed: number) {
  const rng = createRng(seed);
  return rows(Array.from({ length: users }, () => {
    const r: Record<number, ActionCode> = {};
    for (let i = 1; i <= items; i++) if (rng() < 0.3) r[i] = (rng() < 0.2 ? P : rng() < 0.2 ? S : L) as ActionCode;
    return r;
  }));
}

describe("item-kNN", () => {
  it("hand-checked cosine: two items liked by the same two shoppers are neighbours with sim 2 / (2 + shrinkage)", () => {
    const m = rows([{ 10: L, 20: L }, { 10: L, 20: L, 30: P }]);
    const t = trainItemKnn(m, { shrinkage: 0, values: [-1, 1, 2] });
    // item 10 (col 0): neighbour 20 with cosine 1; item 30 has cosine -1/sqrt(2) with 10: dropped (negative)
    expect(Array.from(t.neighbours.slice(t.offsets[0], t.offsets[1]))).toEqual([1]);
    expect(t.sims[t.offsets[0]]).toBeCloseTo(1, 6);
    const t2 = trainItemKnn(m, { shrinkage: 2, values: [-1, 1, 2] });
    expect(t2.sims[t2.offsets[0]]).toBeCloseTo(2 / 4, 6);
  });

  it("matches a naive all-pairs cosine reference", () => {
    const m = randomMatrix(30, 12, 3);
    const v = [-1, 1, 2] as const;
    const t = trainItemKnn(m, { shrinkage: 1, neighbours: 5, values: v });
    const n = m.itemIds.length;
    const dense = Array.from({ length: m.users }, () => new Array(n).fill(0));
    for (let u = 0; u < m.users; u++) for (let k = m.rowPtr[u]; k < m.rowPtr[u + 1]; k++) dense[u][m.cols[k]] = v[m.codes[k]];
    const col = (i: number) => dense.map((r) => r[i]);
    const norm = (a: number[]) => Math.sqrt(a.reduce((s, x) => s + x * x, 0));
    for (let i = 0; i < n; i++) {
      const ref: Array<{ j: number; sim: number }> = [];
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const d = col(i).reduce((s, x, u) => s + x * col(j)[u], 0);
        const sim = d / (norm(col(i)) * norm(col(j)) + 1);
        if (sim > 0) ref.push({ j, sim });
      }
      ref.sort((a, b) => b.sim - a.sim || a.j - b.j);
      const got = Array.from(t.neighbours.slice(t.offsets[i], t.offsets[i + 1]));
      expect(got).toEqual(ref.slice(0, 5).map((r) => r.j));
      got.forEach((_, q) => expect(t.sims[t.offsets[i] + q]).toBeCloseTo(ref[q].sim, 5));
    }
  });

  it("scores = sum over own swipes of rating x neighbour similarity; passes count against", () => {
    const m = rows([{ 1: L, 2: L }, { 1: L, 2: L }, { 3: L, 4: L }]);
    const model = trainCollabModel(m, { kind: "item-knn", rng: createRng(1) });
    const liked = collabScoresFor(model, new Map([[1, 1]]))!;
    expect([...liked.keys()]).toEqual([2]);
    expect(collabScoresFor(model, new Map([[1, -1], [3, 1]]))!.get(2)!).toBeLessThan(0);
    expect(collabScoresFor(model, new Map([[99, 1]]))).toBeNull(); // unknown item: no signal
    expect(collabScoresFor(null, new Map([[1, 1]]))).toBeNull();
  });
});

describe("implicit ALS", () => {
  it("fold-in of a shopper equals the training-time user factors (exact solver; plain and weighted regularization)", () => {
    const m = randomMatrix(40, 25, 5);
    const k = 6;
    for (const weightedRegularization of [false, true]) {
      const p = { factors: k, regularization: weightedRegularization ? 0.3 : 2, alpha: 3, iterations: 6, solver: "cholesky" as const, weightedRegularization };
      const f = trainAls(m, createRng(9), p);
      expect(f.params.weightedRegularization).toBe(weightedRegularization);
      const YtY = gram(f.itemFactors, m.itemIds.length, k);
      for (const u of [0, 7, 31]) {
        const own: Array<[number, number]> = [];
        for (let q = m.rowPtr[u]; q < m.rowPtr[u + 1]; q++) own.push([m.cols[q], m.codes[q]]);
        const x = foldIn(f.itemFactors, YtY, own, f.params);
        for (let a = 0; a < k; a++) expect(x[a]).toBeCloseTo(f.userFactors[u * k + a], 4);
      }
    }
  });

  it("conjugate-gradient training reaches the exact (Cholesky) solver's loss within 1% and ranks alike", () => {
    const m = randomMatrix(150, 60, 21);
    const opts = { factors: 8, regularization: 5, alpha: 3, iterations: 8 };
    const exact = trainAls(m, createRng(4), { ...opts, solver: "cholesky" });
    const cg = trainAls(m, createRng(4), { ...opts, solver: "cg", cgSteps: 3 });
    const lossExact = alsLoss(m, exact.userFactors, exact.itemFactors, exact.params);
    const lossCg = alsLoss(m, cg.userFactors, cg.itemFactors, cg.params);
    expect(Math.abs(lossCg - lossExact) / lossExact).toBeLessThan(0.01);
    // a one-step CG is visibly worse than three: the test can tell solvers apart
    const crude = trainAls(m, createRng(4), { ...opts, iterations: 1, solver: "cg", cgSteps: 1 });
    expect(alsLoss(m, crude.userFactors, crude.itemFactors, crude.params)).toBeGreaterThan(lossExact * 1.01);
    // ranking: the served scores (fold-in against each model's items) share most of their top 5
    const exactModel = trainCollabModel(m, { kind: "als", rng: createRng(4), als: { ...opts, solver: "cholesky" } });
    const cgModel = trainCollabModel(m, { kind: "als", rng: createRng(4), als: { ...opts, solver: "cg" } });
    let overlap = 0;
    let total = 0;
    for (let u = 0; u < 30; u++) {
      const own = new Map<number, number>();
      for (let q = m.rowPtr[u]; q < m.rowPtr[u + 1]; q++) own.set(m.itemIds[m.cols[q]], [-1, 1, 2][m.codes[q]]);
      const a = [...(collabScoresFor(exactModel, own, 5)?.keys() ?? [])];
      const b = new Set(collabScoresFor(cgModel, own, 5)?.keys() ?? []);
      overlap += a.filter((id) => b.has(id)).length;
      total += a.length;
    }
    expect(overlap / total).toBeGreaterThan(0.8);
  });

  it("a warm start from the previous model's item factors reaches the cold loss in fewer iterations, matching items by product id", () => {
    const m = randomMatrix(150, 60, 22);
    const opts = { factors: 8, regularization: 5, alpha: 3 };
    const cold = trainAls(m, createRng(4), { ...opts, iterations: 10 });
    const coldLoss = alsLoss(m, cold.userFactors, cold.itemFactors, cold.params);
    // the previous model knew the items in another column order (reversed) plus one unknown id
    const n = m.itemIds.length;
    const prevIds = Int32Array.from([...Array.from(m.itemIds).reverse(), 9999]);
    const prevFactors = new Float32Array((n + 1) * 8);
    for (let i = 0; i < n; i++) prevFactors.set(cold.itemFactors.subarray(i * 8, i * 8 + 8), (n - 1 - i) * 8);
    const warm = trainAls(m, createRng(5), { ...opts, warmStart: { itemIds: prevIds, itemFactors: prevFactors }, warmIterations: 2 });
    expect(warm.iterations).toBe(2);
    expect(alsLoss(m, warm.userFactors, warm.itemFactors, warm.params)).toBeLessThan(coldLoss * 1.005);
    const coldShort = trainAls(m, createRng(5), { ...opts, iterations: 2 });
    expect(alsLoss(m, coldShort.userFactors, coldShort.itemFactors, coldShort.params)).toBeGreaterThan(coldLoss * 1.005);
    // through trainCollabModel: the model in service is the warm start when its factor count matches
    const prevModel = trainCollabModel(m, { kind: "als", rng: createRng(4), als: { ...opts, iterations: 10 } });
    const next = trainCollabModel(m, { kind: "als", rng: createRng(6), als: { ...opts, warmIterations: 1 }, previous: prevModel });
    const nextCold = trainCollabModel(m, { kind: "als", rng: createRng(6), als: { ...opts, iterations: 1 } });
    if (next.kind !== "als" || nextCold.kind !== "als" || prevModel.kind !== "als") throw new Error("expected ALS models");
    let moved = 0;
    for (let i = 0; i < next.itemFactors.length; i++) moved += Math.abs(next.itemFactors[i] - prevModel.itemFactors[i]);
    let movedCold = 0;
    for (let i = 0; i < nextCold.itemFactors.length; i++) movedCold += Math.abs(nextCold.itemFactors[i] - prevModel.itemFactors[i]);
    expect(moved).toBeLessThan(movedCold / 5); // one warm iteration stays near the converged model; a cold one does not
  });

  it("recommends the co-liked item of a two-group matrix and serves a brand-new shopper from one swipe", () => {
    const group = (a: number[]) => Object.fromEntries(a.map((i) => [i, L])) as Record<number, ActionCode>;
    const m = rows([...Array(8).fill(group([1, 2, 3])), ...Array(8).fill(group([4, 5, 6]))]);
    for (const solver of ["cg", "cholesky"] as const) {
      const model = trainCollabModel(m, { kind: "als", rng: createRng(2), als: { factors: 4, regularization: 0.5, alpha: 5, iterations: 10, solver } });
      const s = collabScoresFor(model, new Map([[1, 1]]))!;
      expect(s.get(2)!).toBeGreaterThan(s.get(5)!);
      expect(s.get(3)!).toBeGreaterThan(s.get(6)!);
    }
  });
});

describe("EASE^R", () => {
  it("invertSpd inverts a small SPD matrix", () => {
    const A = Float64Array.from([4, 1, 0, 1, 3, 1, 0, 1, 2]);
    const inv = invertSpd(A.slice(), 3);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let q = 0; q < 3; q++) s += A[i * 3 + q] * inv[q * 3 + j];
        expect(s).toBeCloseTo(i === j ? 1 : 0, 10);
      }
  });

  it("B has a zero diagonal and solves the constrained least squares: (G B)_ij = G_ij off the diagonal", () => {
    const m = randomMatrix(30, 8, 11);
    const lambda = 3;
    const B = trainEase(m, { lambda, values: [0, 1, 1.5] });
    const n = m.itemIds.length;
    const G = new Float64Array(n * n);
    const v = [0, 1, 1.5];
    for (let u = 0; u < m.users; u++)
      for (let a = m.rowPtr[u]; a < m.rowPtr[u + 1]; a++)
        for (let b = m.rowPtr[u]; b < m.rowPtr[u + 1]; b++) G[m.cols[a] * n + m.cols[b]] += v[m.codes[a]] * v[m.codes[b]];
    // normal equations of min |X - XB|^2 + lambda |B|^2 s.t. diag B = 0: ((G + lambda I) B)_ij = G_ij for i != j
    for (let j = 0; j < n; j++) {
      expect(B[j * n + j]).toBe(0);
      for (let i = 0; i < n; i++) {
        if (i === j) continue;
        let s = lambda * B[i * n + j];
        for (let q = 0; q < n; q++) s += G[i * n + q] * B[q * n + j];
        expect(s).toBeCloseTo(G[i * n + j], 3);
      }
    }
  });
});

describe("topColumns", () => {
  it("keeps the best non-zero, non-excluded scores, ties by column", () => {
    expect(topColumns(Float64Array.from([0.5, 0, 2, 0.5, 3, -1]), 3, new Set([4]))).toEqual([2, 0, 3]);
  });
});

describe("codec", () => {
  const m = randomMatrix(20, 15, 7);
  for (const kind of ["item-knn", "als", "ease"] as const) {
    it(`round-trips a ${kind} model with identical scores`, () => {
      const model = trainCollabModel(m, { kind, rng: createRng(1), version: 7, trainedAt: 1234, lastEventId: 99, als: { factors: 4, iterations: 3 } });
      const back = decodeCollabModel(encodeCollabModel(model));
      expect([back.kind, back.version, back.trainedAt, back.lastEventId]).toEqual([kind, 7, 1234, 99]);
      const own = new Map([[m.itemIds[0], 1], [m.itemIds[3], -1], [m.itemIds[5], 2]]);
      expect(collabScoresFor(back, own)).toEqual(collabScoresFor(model, own));
    });
  }

  it("keeps ALS-WR's weighted regularization, and still reads a format-1 ALS blob (no flags word) as unweighted", () => {
    const model = trainCollabModel(m, { kind: "als", rng: createRng(1), als: { factors: 4, iterations: 3, regularization: 0.5, weightedRegularization: true } });
    const back = decodeCollabModel(encodeCollabModel(model));
    if (back.kind !== "als") throw new Error("expected ALS");
    expect(back.params.weightedRegularization).toBe(true);
    const own = new Map([[m.itemIds[0], 1], [m.itemIds[3], -1]]);
    expect(collabScoresFor(back, own)).toEqual(collabScoresFor(model, own));
    // a format-1 writer: same layout without the flags word after the three weights
    const plain = encodeCollabModel(trainCollabModel(m, { kind: "als", rng: createRng(1), als: { factors: 4, iterations: 3 } }));
    const flagsAt = 4 + 4 + 4 + 4 + 8 + 8 + 4 + 4 + 8 + 8 + 24; // magic, format, kind, version, lastEventId, trainedAt, items, factors, lambda, alpha, weights
    const v1 = new Uint8Array(plain.length - 4);
    v1.set(plain.subarray(0, flagsAt));
    v1.set(plain.subarray(flagsAt + 4, plain.length - 4), flagsAt);
    const view = new DataView(v1.buffer);
    view.setUint32(4, 1, true);
    let h = 0x811c9dc5; // FNV-1a, as the codec
    for (let i = 0; i < v1.length - 4; i++) h = Math.imul(h ^ v1[i], 0x01000193);
    view.setUint32(v1.length - 4, h >>> 0, true);
    const old = decodeCollabModel(v1);
    if (old.kind !== "als") throw new Error("expected ALS");
    expect(old.params.weightedRegularization).toBe(false);
    const now = decodeCollabModel(plain);
    if (now.kind !== "als") throw new Error("expected ALS");
    expect(Array.from(old.itemFactors)).toEqual(Array.from(now.itemFactors));
  });

  it("refuses a newer format, a flipped byte, a truncated blob and foreign bytes, naming the problem", () => {
    const bytes = encodeCollabModel(trainCollabModel(m, { kind: "item-knn", rng: createRng(1) }));
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint32(4, COLLAB_FORMAT + 1, true);
    expect(() => decodeCollabModel(newer)).toThrow(new RegExp(`format ${COLLAB_FORMAT + 1} is newer`));
    const flipped = bytes.slice();
    flipped[60] ^= 0xff;
    expect(() => decodeCollabModel(flipped)).toThrow(/checksum/);
    expect(() => decodeCollabModel(bytes.slice(0, 40))).toThrow(CollabModelFormatError);
    expect(() => decodeCollabModel(new TextEncoder().encode("hello, not a model"))).toThrow(/magic/);
  });
});
