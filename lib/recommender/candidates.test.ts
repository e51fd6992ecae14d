// recommend() with an explicit candidate universe (candidateIds, used by lib/feed above the
// ANN threshold): every candidate set gives the exact result when it holds the whole
// catalog, and otherwise only candidates (or collaborative items) come back.
import { beforeAll, describe, expect, it } from "vitest";
import { initialState } from "./learning";
import { createRng } from "./random";
import { recommend } from "./rank";
import { baseInput, fixture, quiz } from "./test-fixtures";

type F = Awaited<ReturnType<typeof fixture>>;
let f: F;
beforeAll(async () => {
  f = await fixture();
});

describe("recommend with candidateIds", () => {
  const Q = quiz({ colours: ["black"], styles: ["casual"] });

  it("equals the exact ranking when the candidates are the whole catalog", () => {
    const state = initialState(Q);
    const all = new Set(f.catalog.products.map((p) => p.id));
    const exact = recommend(baseInput(f, { quiz: Q, state, rng: createRng(5) }));
    const restricted = recommend(baseInput(f, { quiz: Q, state, rng: createRng(5), candidateIds: all }));
    expect(restricted.map((r) => r.productId)).toEqual(exact.map((r) => r.productId));
  });

  it("returns only candidates (and collaborative items) when given a subset", () => {
    const state = initialState(Q);
    const subset = new Set(f.catalog.products.filter((_, i) => i % 3 === 0).map((p) => p.id));
    const recs = recommend(baseInput(f, { quiz: Q, state, collabScores: null, candidateIds: subset }));
    expect(recs.length).toBe(20);
    for (const r of recs) expect(subset.has(r.productId)).toBe(true);
  });
});
