// The ANN candidate stage: recall of the usearch index against exact search, incremental
// updates when a snapshot changes, and the threshold below which the exact stage runs.
import { afterEach, describe, expect, it } from "vitest";
import { annCandidates, annHandle, measureRecall, resetAnn } from "./ann";
import { initialState } from "@/lib/recommender/learning";
import type { Product, QuizAnswers } from "@/lib/recommender/types";

const DIM = 32;
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function unitVectors(n: number, seed: number): Float32Array[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const v = Float32Array.from({ length: DIM }, () => r() - 0.5);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}
function product(id: number): Product {
  return {
    id, externalId: `p${id}`, name: `Item ${id}`, brand: `b${id % 7}`, category: "Apparel", subcategory: "Topwear", articleType: ["Tops", "Dresses", "Jeans"][id % 3],
    gender: id % 2 ? "women" : "men", colours: [["black", "navy", "red"][id % 3]], styles: ["casual"], pattern: null, season: null, year: null, priceCents: 1000,
    currency: "USD", sizes: ["M"], description: "", image: null, hidden: false,
  };
}
const QUIZ: QuizAnswers = { categories: [], colours: ["black"], brands: [], styles: ["casual"], gender: "women", sizes: [], budget: { minCents: null, maxCents: null } };

afterEach(() => {
  resetAnn();
  delete process.env.ANN_THRESHOLD;
});

describe("ANN candidate stage", () => {
  it("reaches recall@10 >= 0.95 against exact search", async () => {
    const vecs = unitVectors(3000, 1);
    const ids = vecs.map((_, i) => i + 1);
    const byId = new Map(ids.map((id, i) => [id, vecs[i]]));
    const ann = annHandle("m", DIM, ids, byId);
    await ann.whenReady;
    expect(ann.ready()).toBe(true);
    const matrix = new Float32Array(ids.length * DIM);
    vecs.forEach((v, i) => matrix.set(v, i * DIM));
    const r = measureRecall(ann, matrix, ids, DIM, unitVectors(30, 2), 10);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
  });

  it("updates incrementally: new and re-embedded products are searchable", async () => {
    const vecs = unitVectors(500, 3);
    const byId = new Map(vecs.map((v, i) => [i + 1, v]));
    await annHandle("m", DIM, [...byId.keys()], byId).whenReady;
    const moved = unitVectors(1, 4)[0];
    const next = new Map(byId);
    next.set(7, moved);
    next.set(1001, unitVectors(1, 5)[0]);
    const ann = annHandle("m", DIM, [...next.keys()], next);
    await ann.whenReady;
    expect(ann.search(moved, 1)).toEqual([7]);
    expect(ann.search(next.get(1001)!, 1)).toEqual([1001]);
  });

  it("is used only at or above ANN_THRESHOLD, and respects the quiz's hard filters", async () => {
    const products = Array.from({ length: 400 }, (_, i) => product(i + 1));
    const vecs = unitVectors(400, 6);
    const byId = new Map(products.map((p, i) => [p.id, vecs[i]]));
    const ann = annHandle("m", DIM, products.map((p) => p.id), byId);
    await ann.whenReady;
    const input = { products, vectors: { modelId: "m", byId }, ann, quiz: QUIZ, state: initialState(QUIZ), quizTextVector: vecs[0] };
    process.env.ANN_THRESHOLD = "401";
    expect(annCandidates(input)).toBeUndefined();
    process.env.ANN_THRESHOLD = "400";
    const c = annCandidates(input)!;
    expect(c.size).toBeGreaterThan(50);
    for (const id of c) expect(products[id - 1].gender).toBe("women");
  });
});
