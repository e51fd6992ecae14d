// The rules the deck states, over the sequence a shopper sees (not per response): the
// 3-per-10 cap in every window of 10 consecutive cards under the web client's refill
// pattern, no near-duplicates side by side, a cold start that honours the quiz's categories
// with ties broken by the shopper's seeded randomness, and a quiz answer the shopper keeps
// passing leaving the next cards.
import { describe, expect, it } from "vitest";
import { productKeys } from "./attributes";
import { buildContentIndex } from "./content";
import { deckReport } from "./deck-metrics";
import { applyEvent, initialState } from "./learning";
import { createRng } from "./random";
import { recommend } from "./rank";
import { droppedQuizValues } from "./rules";
import { createMemoryFeed, simulate } from "./simulate";
import { generateSyntheticCatalog } from "./synthetic";
import { EMPTY_QUIZ, type Product, type QuizAnswers } from "./types";

const base = generateSyntheticCatalog({ size: 900, seed: 23, dim: 16 });
// near-duplicates: the same product name again in another colour, as real catalogs have
const products: Product[] = [...base.products, ...base.products.slice(0, 60).map((p, i) => ({ ...p, id: 20_000 + i, colours: ["grey"] }))];
const vectors = base.vectors;
const index = buildContentIndex(products);
const first10 = (quiz: QuizAnswers, seed: number) =>
  recommend({ products, quiz, state: initialState(quiz), contentIndex: index, vectors, quizTextVector: null, collabScores: null, limit: 10, context: [], rng: createRng(seed), now: 0 });

describe("deck rules over the displayed sequence", () => {
  it("keeps at most 3 of one article type in every window of 10 cards seen, with the client's refill pattern, and never shows near-duplicates side by side", async () => {
    const sessions = await simulate(products, (i) => createMemoryFeed(products, vectors, createRng(300 + i), 0, { contentIndex: index }), createRng(5), 40, 60, { pattern: "client" });
    const r = deckReport(sessions);
    expect(r.windows).toBeGreaterThan(40 * 40);
    expect(r.capBroken).toBe(0);
    expect(r.adjacentDuplicates).toBe(0);
    expect(r.falseExplanations).toBe(0);
  });

  it("continues the window after the cards the client holds (context), not from scratch per response", () => {
    const quiz = { ...EMPTY_QUIZ, gender: "women" as const, categories: ["Dresses"] };
    const dresses = products.filter((p) => p.articleType === "Dresses").slice(0, 3);
    const recs = recommend({ products, quiz, state: initialState(quiz), contentIndex: index, vectors, quizTextVector: null, collabScores: null, limit: 10, context: dresses.map((p) => p.id), rng: createRng(1), now: 0 });
    const seq = [...dresses, ...recs.map((r) => r.product)];
    for (let i = 0; i + 10 <= seq.length; i++) expect(seq.slice(i, i + 10).filter((p) => p.articleType === "Dresses").length).toBeLessThanOrEqual(3);
    // without the context the same request starts the cap from scratch
    const alone = first10(quiz, 1).filter((r) => r.product.articleType === "Dresses").length;
    expect(alone).toBe(3);
  });

  it("honours the quiz's categories in the first 10 cards (at least 8 of 10) across shoppers", () => {
    const quiz = { ...EMPTY_QUIZ, gender: "women" as const, categories: ["Dresses", "Skirts", "Heels"], colours: ["black", "white", "beige", "red"] };
    const wanted = new Set(["dress", "skirt", "heel"]);
    for (let seed = 0; seed < 30; seed++) {
      const recs = first10(quiz, seed);
      expect(recs).toHaveLength(10);
      const inside = recs.filter((r) => productKeys(r.product).articleType.some((t) => wanted.has(t))).length;
      expect(inside).toBeGreaterThanOrEqual(8);
      for (const r of recs) if (r.explanation.startsWith("Something new")) expect(wanted.has(productKeys(r.product).articleType[0])).toBe(false);
    }
  });

  it("breaks ties by the shopper's seeded randomness: two new shoppers with the same answers see different first cards", () => {
    const quiz = { ...EMPTY_QUIZ, gender: "women" as const };
    const firsts = new Set<number>();
    const lowestOfType = new Map<string, number>();
    for (const p of products) if (p.gender === "women" || p.gender === "unisex") lowestOfType.set(p.articleType, Math.min(lowestOfType.get(p.articleType) ?? Infinity, p.id));
    let lowest = 0;
    for (let seed = 0; seed < 20; seed++) {
      const recs = first10(quiz, 100 + seed);
      firsts.add(recs[0].productId);
      lowest += recs.filter((r) => lowestOfType.get(r.product.articleType) === r.productId).length;
    }
    expect(firsts.size).toBeGreaterThan(10);
    expect(lowest / 200).toBeLessThan(0.2); // not the lowest id of each type
  });

  it("drops a quiz type the shopper passed 3 times without a like from the next 10 cards", () => {
    const quiz = { ...EMPTY_QUIZ, gender: "women" as const, categories: ["Dresses", "Tops"], colours: ["black"] };
    let state = initialState(quiz);
    for (const p of products.filter((p) => p.articleType === "Dresses" && p.gender === "women").slice(0, 3)) state = applyEvent(state, p, "pass");
    const recs = recommend({ products, quiz, state, contentIndex: index, vectors, quizTextVector: null, collabScores: null, limit: 10, context: [], rng: createRng(9), now: 0 });
    expect(recs.filter((r) => r.product.articleType === "Dresses")).toEqual([]);
    expect(droppedQuizValues(state).articleType).toEqual(["dress"]);
    // a like brings the answer back: it is no longer dropped and dresses may return
    const dresses = products.filter((p) => p.articleType === "Dresses" && p.gender === "women");
    const back = applyEvent(state, dresses[5], "like");
    expect(droppedQuizValues(back).articleType).toEqual([]);
    const again = recommend({ products, quiz, state: back, contentIndex: index, vectors, quizTextVector: null, collabScores: null, limit: 10, context: [], rng: createRng(9), now: 0 });
    expect(again.filter((r) => r.product.articleType === "Dresses").length).toBeGreaterThan(0);
  });
});
