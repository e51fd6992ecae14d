// One shared contract, run against every scorer: result length, hard exclusions absent,
// soft exclusions ranked lower, same seed -> same order.
import { beforeAll, describe, expect, it } from "vitest";
import { applyEvent, initialState } from "./learning";
import { createRng } from "./random";
import {
  collaborativeRanker,
  contentRanker,
  hybridRanker,
  popularityRanker,
  randomRanker,
  visualRanker,
  type Ranker,
} from "./scorers";
import { popularityFromSimulation } from "./simulate";
import { baseInput, fixture, quiz } from "./test-fixtures";
import type { PreferenceState, Product, QuizAnswers } from "./types";

type F = Awaited<ReturnType<typeof fixture>>;
let f: F;
let popularity: Map<number, number>;
beforeAll(async () => {
  f = await fixture();
  popularity = popularityFromSimulation(f.catalog.products, createRng(9), 100);
});

const scorers: Array<[string, () => Ranker]> = [
  ["content", () => contentRanker],
  ["collaborative", () => collaborativeRanker],
  ["visual", () => visualRanker],
  ["hybrid recommend", () => hybridRanker],
  ["random baseline", () => randomRanker],
  ["popularity baseline", () => popularityRanker(popularity)],
];

const Q: QuizAnswers = quiz({ gender: "women", colours: ["black"], styles: ["casual"] });

function feed(state: PreferenceState, products: Product[], action: "like" | "pass" | "superlike") {
  let s = state;
  for (const p of products) s = applyEvent(s, p, action, { vector: f.catalog.vectors.byId.get(p.id), modelId: f.catalog.vectors.modelId });
  return s;
}

describe.each(scorers)("scorer contract: %s", (_name, make) => {
  it("returns `limit` items, without duplicates", () => {
    const items = make()(baseInput(f, { quiz: Q, state: initialState(Q), limit: 25 }));
    expect(items).toHaveLength(25);
    expect(new Set(items.map((p) => p.id)).size).toBe(25);
  });

  it("never returns hard-excluded items", () => {
    const women = f.catalog.products.filter((p) => p.gender === "women" || p.gender === "unisex");
    const [liked, superliked, twice, ...rest] = women;
    const recent = rest.slice(0, 3);
    let s = initialState(Q);
    s = feed(s, [liked], "like");
    s = feed(s, [superliked], "superlike");
    s = feed(s, [twice, twice], "pass");
    s = feed(s, recent, "pass");
    const hidden = rest[5];
    const products = f.catalog.products.map((p) => (p.id === hidden.id ? { ...p, hidden: true } : p));
    const bufferId = rest[6].id;
    const items = make()(baseInput(f, { products, quiz: Q, state: s, limit: 400, excludeIds: [bufferId] }));
    const ids = new Set(items.map((p) => p.id));
    for (const id of [liked.id, superliked.id, twice.id, ...recent.map((p) => p.id), hidden.id, bufferId])
      expect(ids.has(id)).toBe(false);
    for (const p of items) expect(["women", "unisex"]).toContain(p.gender);
  });

  it("ranks a soft-excluded item (passed once, not among the last 3 passes) lower", () => {
    // some likes so every signal has a profile
    const women = f.catalog.products.filter((p) => p.gender === "women");
    let s = feed(initialState(Q), women.filter((p) => p.colours[0] === "black").slice(0, 4), "like");
    const control = make()(baseInput(f, { quiz: Q, state: s, limit: 200, rng: createRng(5) }));
    const target = control[0];
    const others = women.filter((p) => p.id !== target.id && !control.slice(0, 50).some((c) => c.id === p.id)).slice(-3);
    s = feed(feed(s, [target], "pass"), others, "pass");
    const after = make()(baseInput(f, { quiz: Q, state: s, limit: 200, rng: createRng(5) }));
    const pos = after.findIndex((p) => p.id === target.id);
    expect(pos === -1 || pos > 0).toBe(true);
  });

  it("gives the same order for the same seed and inputs", () => {
    const women = f.catalog.products.filter((p) => p.gender === "women");
    const s = feed(initialState(Q), women.slice(0, 3), "like");
    const a = make()(baseInput(f, { quiz: Q, state: s, limit: 30, rng: createRng(77) })).map((p) => p.id);
    const b = make()(baseInput(f, { quiz: Q, state: s, limit: 30, rng: createRng(77) })).map((p) => p.id);
    expect(a).toEqual(b);
  });
});
