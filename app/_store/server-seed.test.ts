// The server-rendered first batch in the client store: seeding only a store that has not
// read localStorage, and the persist merge keeping the server's cards minus the ones the
// browser swiped but has not sent; and the deck cookie's parser.
import { describe, expect, it } from "vitest";
import type { Card, LearningSummary } from "./api-client";
import { parseHeldIds } from "./deck-cookie";
import { mergeSeeded, seedDeck } from "./server-seed";
import { createShopStore, type FeedbackOp } from "./shop-store";

const card = (id: number) => ({ product: { id, name: `P${id}` }, score: 0.5 }) as unknown as Card;
const learning = { stage: "cold start" } as unknown as LearningSummary;
const op = (productId: number): FeedbackOp => ({ kind: "feedback", id: `e${productId}xxxxxxxx`, productId, action: "pass", position: 0, score: 0, components: { taste: 0, content: null, collaborative: null, visual: null, penalty: 0 }, attempts: 0 });

describe("seedDeck", () => {
  it("puts the server's cards into a store that has not been rehydrated, once", () => {
    const store = createShopStore();
    seedDeck(store, { cards: [card(1), card(2)], exhausted: false, learning });
    seedDeck(store, { cards: [card(9)], exhausted: true, learning });
    const s = store.getState();
    expect(s.buffer.map((c) => c.product.id)).toEqual([1, 2]);
    expect(s.seeded).toBe(true);
    expect(s.hasProfile).toBe(true);
    expect(s.exhausted).toBe(false);
  });

  it("leaves a rehydrated store's live deck alone", () => {
    const store = createShopStore();
    store.setState({ hydrated: true, buffer: [card(5)] });
    seedDeck(store, { cards: [card(1)], exhausted: false, learning });
    expect(store.getState().buffer.map((c) => c.product.id)).toEqual([5]);
    expect(store.getState().seeded).toBe(false);
  });
});

describe("mergeSeeded", () => {
  it("keeps the persisted state over an unseeded store (the default merge)", () => {
    const current = createShopStore().getState();
    const merged = mergeSeeded({ buffer: [card(3)], quizStep: 2 }, current);
    expect(merged.buffer.map((c) => c.product.id)).toEqual([3]);
    expect(merged.quizStep).toBe(2);
  });

  it("keeps the server's cards, minus unsent and recent swipes, and the persisted queue", () => {
    const store = createShopStore();
    seedDeck(store, { cards: [card(1), card(2), card(3), card(4)], exhausted: false, learning });
    const persisted = { buffer: [card(7)], queue: [op(2)], history: [{ card: card(4), action: "like", clientEventId: "e4xxxxxxxx" }], quizStep: 1 };
    const merged = mergeSeeded(persisted, store.getState());
    expect(merged.buffer.map((c) => c.product.id)).toEqual([1, 3]);
    expect(merged.queue).toEqual([op(2)]);
    expect(merged.quizStep).toBe(1);
    expect(merged.learning).toBe(learning);
  });

  it("treats a missing persisted state as empty", () => {
    const store = createShopStore();
    seedDeck(store, { cards: [card(1)], exhausted: true, learning });
    const merged = mergeSeeded(undefined, store.getState());
    expect(merged.buffer.map((c) => c.product.id)).toEqual([1]);
    expect(merged.exhausted).toBe(true);
  });
});

describe("parseHeldIds", () => {
  it("reads dot-separated positive ids, deduplicated and capped", () => {
    expect(parseHeldIds(undefined)).toEqual([]);
    expect(parseHeldIds("12.7.31.7")).toEqual([12, 7, 31]);
    expect(parseHeldIds("1.x.-3.0.1e3.44")).toEqual([1, 44]);
    expect(parseHeldIds(Array.from({ length: 30 }, (_, i) => i + 1).join("."))).toHaveLength(12);
  });
});
