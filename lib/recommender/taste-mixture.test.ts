// The taste-shape mixture: a season or a name-word taste gets its own evidence (the
// descriptor hypothesis gains weight and its value's belief rises) and the deck follows it,
// while a type-and-colour taste keeps the conjunctive model in charge.
import { describe, expect, it } from "vitest";
import { buildContentIndex } from "./content";
import { applyEvent, initialState } from "./learning";
import { createRng } from "./random";
import { recommend } from "./rank";
import { generateSyntheticCatalog } from "./synthetic";
import { productDescriptors } from "./taste-mixture";
import { EMPTY_QUIZ, type Product } from "./types";

const { products, vectors } = generateSyntheticCatalog({ size: 900, seed: 31, dim: 16 });
const index = buildContentIndex(products);
const quiz = { ...EMPTY_QUIZ, gender: "women" as const };
const mine = products.filter((p) => p.gender === "women" || p.gender === "unisex");

function train(likes: (p: Product) => boolean, swipes: number) {
  let state = initialState(quiz);
  const rng = createRng(5);
  for (let i = 0; i < swipes; i++) {
    const p = mine[Math.floor(rng() * mine.length)];
    state = applyEvent(state, p, likes(p) ? "like" : "pass");
  }
  return state;
}

describe("taste-shape mixture", () => {
  it("derives descriptors from season, pattern and the words of the name that are not brand, type or colour", () => {
    const p = { ...products[0], name: "Kite Printed Polo Tshirt", brand: "Kite", articleType: "Tshirts", colours: ["navy"], season: "Summer", pattern: "stripes" };
    expect(productDescriptors(p).sort()).toEqual(["pattern:stripe", "season:summer", "term:polo", "term:printed"]);
  });

  it("learns a season taste across article types: the descriptor hypothesis gains weight and the next cards follow the season", () => {
    const summer = (p: Product) => p.season === "summer";
    const state = train(summer, 40);
    expect(state.mixture!.weights.descriptor).toBeGreaterThan(0.5);
    expect(state.mixture!.descriptor["season:summer"]).toBeGreaterThan(0.9);
    const recs = recommend({ products, quiz, state, contentIndex: index, vectors, quizTextVector: null, collabScores: null, limit: 10, context: [], rng: createRng(1), now: 0 });
    const base = mine.filter(summer).length / mine.length;
    expect(recs.filter((r) => summer(r.product)).length / recs.length).toBeGreaterThan(Math.max(0.7, 2 * base));
  });

  it("keeps a type-and-colour taste with the conjunctive model", () => {
    const taste = (p: Product) => p.articleType === "Dresses" && p.colours.includes("black");
    const state = train(taste, 60);
    expect(state.mixture!.weights.conjunctive).toBeGreaterThan(state.mixture!.weights.descriptor);
  });
});
