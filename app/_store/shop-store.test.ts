// Unit: the deck store's fresh-deck actions. A swipe answered "product_unavailable" is
// final (leaves the queue, the card leaves the deck) and a like the server could not keep
// stays in lostLikes; a refill's check drops removed cards and replaces edited ones in place.
import { describe, expect, it } from "vitest";
import type { Card } from "./api-client";
import { createShopStore } from "./shop-store";

function card(id: number, name = `Piece ${id}`): Card {
  return {
    product: {
      id, externalId: `x${id}`, name, brand: "B", category: "Apparel", subcategory: "Topwear", articleType: "Tshirts", gender: "women",
      colours: ["black"], styles: [], pattern: null, season: null, priceCents: 1000, currency: "USD", sizes: [], description: "", imageUrl: null, productUrl: null,
    },
    rev: `r${id}`,
    score: 0.5,
    components: { taste: 0, content: 0.5, collaborative: null, visual: null, penalty: 0 },
    weights: { taste: 0.2, content: 0.8, collaborative: 0, visual: 0 },
    source: "ranked",
    explanation: "",
    reason: { signal: "content" } as Card["reason"],
  };
}

function deckOf(...ids: number[]) {
  const store = createShopStore();
  store.getState().addCards(ids.map((id) => card(id)), false, null);
  return store;
}

const bufferIds = (store: ReturnType<typeof createShopStore>) => store.getState().buffer.map((c) => c.product.id);

describe("fresh deck store actions", () => {
  it("keeps a like on a deleted product locally and forgets the swipe", () => {
    const store = deckOf(1, 2, 3);
    store.getState().swipe("like", "evt-like-0001");
    store.getState().opUnavailable("evt-like-0001", false);
    const s = store.getState();
    expect(s.queue).toHaveLength(0);
    expect(s.history).toHaveLength(0);
    expect(s.syncError).toBeNull();
    expect(s.lostLikes).toEqual([expect.objectContaining({ product: expect.objectContaining({ id: 1 }), action: "like", available: false })]);
    store.getState().forgetLostLike(1);
    expect(store.getState().lostLikes).toEqual([]);
  });

  it("keeps the history of a swipe the server recorded, and no local like", () => {
    const store = deckOf(1, 2);
    store.getState().swipe("superlike", "evt-super-001");
    store.getState().opUnavailable("evt-super-001", true);
    expect(store.getState().queue).toHaveLength(0);
    expect(store.getState().history.map((h) => h.card.product.id)).toEqual([1]);
    expect(store.getState().lostLikes).toEqual([]);
  });

  it("keeps nothing for a pass on a deleted product", () => {
    const store = deckOf(1, 2);
    store.getState().swipe("pass", "evt-pass-0001");
    store.getState().opUnavailable("evt-pass-0001", false);
    expect(store.getState().lostLikes).toEqual([]);
    expect(bufferIds(store)).toEqual([2]);
  });

  it("drops removed cards and replaces updated ones in place, keeping the order", () => {
    const store = deckOf(1, 2, 3, 4);
    const fresh = card(3, "Renamed");
    store.getState().revalidate([2, 99], [{ product: fresh.product, rev: "new3" }]);
    expect(bufferIds(store)).toEqual([1, 3, 4]);
    expect(store.getState().buffer[1]).toMatchObject({ product: { name: "Renamed" }, rev: "new3", score: 0.5 });
  });
});
