// Integration: fresh decks. A swipe on a product hidden or deleted after its card was
// shown gets a clear 4xx with code "product_unavailable" (a like on a hidden product is
// kept and listed as unavailable), card refills report held cards that were hidden,
// deleted or edited, and undo after a hide works. Real route handlers, real SQLite.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getCards } from "@/app/api/cards/route";
import { POST as postFeedback } from "@/app/api/feedback/route";
import { DELETE as deleteLike } from "@/app/api/likes/[productId]/route";
import { GET as getLikes } from "@/app/api/likes/route";
import { POST as postQuiz } from "@/app/api/quiz/route";
import { POST as postUndo } from "@/app/api/undo/route";
import { editProduct } from "@/lib/admin/catalog";
import { db } from "@/lib/db/client";
import { bumpCatalogVersion } from "@/lib/db/meta";
import { getShopper } from "@/lib/db/shoppers";
import type { Card, PublicProduct } from "@/lib/feed/cards";
import { stateFromLog } from "@/lib/feed/deck";
import type { CardsResponse } from "@/lib/schemas/api";
import { call, eventId, expectClientError, newShopper, QUIZ, seedCatalog, shopperIdOf, snapshot, type Shopper } from "./_testing/api";

type Likes = { items: { product: PublicProduct; action: string; available: boolean }[] };

let s: Shopper;
let deckCards: Card[] = [];
let next = 0;
/** a product from the shopper's first cards that no other test uses */
const take = () => deckCards[next++].product;

beforeAll(async () => {
  await seedCatalog(120);
  s = newShopper();
  const r = await call<{ cards: Card[] }>(postQuiz, "/api/quiz", { json: QUIZ, shopper: s });
  expect(r.status).toBe(200);
  const more = await call<CardsResponse>(getCards, `/api/cards?limit=20&exclude=${r.body.cards.map((c) => c.product.id).join(",")}`, { shopper: s });
  deckCards = [...r.body.cards, ...more.body.cards];
  expect(deckCards.length).toBeGreaterThanOrEqual(20);
});

const swipe = (productId: number, action: "like" | "pass" | "superlike", clientEventId = eventId()) =>
  call(postFeedback, "/api/feedback", { json: { productId, action, clientEventId }, shopper: s });
const likes = async () => (await call<Likes>(getLikes, "/api/likes", { shopper: s })).body.items;
const hide = (id: number, hidden = true) => editProduct(id, { hidden });

async function expectStateMatchesLog(): Promise<void> {
  const id = shopperIdOf(s);
  expect((await getShopper(id))?.state).toEqual(await stateFromLog(id));
}

describe("a swipe on a product that is no longer available", () => {
  it("keeps a like on a hidden product: 410 product_unavailable, listed as unavailable, idempotent", async () => {
    const p = take();
    await hide(p.id);
    const id = eventId();
    const r = await swipe(p.id, "like", id);
    expectClientError(r, 410, /no longer available/);
    expect(r.body).toMatchObject({ code: "product_unavailable", productId: p.id, recorded: true, duplicate: false });
    expect(await likes()).toContainEqual(expect.objectContaining({ product: expect.objectContaining({ id: p.id, name: p.name }), action: "like", available: false }));
    await expectStateMatchesLog();

    const before = await snapshot();
    const retry = await swipe(p.id, "like", id);
    expectClientError(retry, 410);
    expect(retry.body).toMatchObject({ code: "product_unavailable", recorded: true, duplicate: true });
    expect(await snapshot()).toEqual(before);
  });

  it("acknowledges a pass on a hidden product with the same code and no like", async () => {
    const p = take();
    await hide(p.id);
    const r = await swipe(p.id, "pass");
    expectClientError(r, 410);
    expect(r.body).toMatchObject({ code: "product_unavailable", productId: p.id });
    expect((await likes()).map((i) => i.product.id)).not.toContain(p.id);
    await expectStateMatchesLog();
  });

  it("answers a swipe on a deleted product with 404 product_unavailable and stores nothing", async () => {
    const p = take();
    await (await db()).product.delete({ where: { id: p.id } });
    await bumpCatalogVersion();
    const before = await snapshot();
    const r = await swipe(p.id, "superlike");
    expectClientError(r, 404, new RegExp(`${p.id}.*no longer available`));
    expect(r.body).toMatchObject({ code: "product_unavailable", productId: p.id, recorded: false });
    expect(await snapshot()).toEqual(before);
  });

  it("marks an earlier like unavailable once the product is hidden, and still removes it", async () => {
    const p = take();
    expect((await swipe(p.id, "superlike")).status).toBe(200);
    expect((await likes()).find((i) => i.product.id === p.id)?.available).toBe(true);
    await hide(p.id);
    expect((await likes()).find((i) => i.product.id === p.id)).toMatchObject({ action: "superlike", available: false });
    const del = await call(deleteLike, `/api/likes/${p.id}`, { method: "DELETE", params: { productId: String(p.id) }, shopper: s });
    expect(del.status).toBe(200);
    expect((await likes()).map((i) => i.product.id)).not.toContain(p.id);
  });

  it("undoes a like on a product hidden afterwards: 200, the card is not offered back", async () => {
    const p = take();
    const id = eventId();
    expect((await swipe(p.id, "like", id)).status).toBe(200);
    await hide(p.id);
    const r = await call<{ undone: { productId: number } | null; product: PublicProduct | null }>(postUndo, "/api/undo", { json: { clientEventId: id }, shopper: s });
    expect(r.status).toBe(200);
    expect(r.body.undone?.productId).toBe(p.id);
    expect(r.body.product).toBeNull();
    expect((await likes()).map((i) => i.product.id)).not.toContain(p.id);
    await expectStateMatchesLog();
  });

  it("undoes a like kept on an already hidden product", async () => {
    const p = take();
    await hide(p.id);
    const id = eventId();
    expect((await swipe(p.id, "like", id)).status).toBe(410);
    const r = await call<{ undone: { productId: number } | null; product: PublicProduct | null }>(postUndo, "/api/undo", { json: { clientEventId: id }, shopper: s });
    expect(r.status).toBe(200);
    expect(r.body.undone?.productId).toBe(p.id);
    expect(r.body.product).toBeNull();
    expect((await likes()).map((i) => i.product.id)).not.toContain(p.id);
  });
});

describe("card refills re-validate the cards the client holds", () => {
  it("reports hidden and deleted held ids and fresh data for edited ones", async () => {
    const held = [take(), take(), take(), take(), take()].map((p) => deckCards.find((c) => c.product.id === p.id)!);
    const [hidden, deleted, edited, same, stale] = held;
    await hide(hidden.product.id);
    await (await db()).product.delete({ where: { id: deleted.product.id } });
    await bumpCatalogVersion();
    await editProduct(edited.product.id, { name: "Freshly Renamed Piece", priceCents: 12_345 });
    const revs = held.map((c) => `${c.product.id}:${c === stale ? "0" : c.rev}`).join(",");
    const exclude = held.map((c) => c.product.id).join(",");
    const r = await call<CardsResponse>(getCards, `/api/cards?limit=5&exclude=${exclude}&revs=${revs}`, { shopper: s });
    expect(r.status).toBe(200);
    expect([...r.body.removed].sort((a, b) => a - b)).toEqual([hidden.product.id, deleted.product.id].sort((a, b) => a - b));
    const updated = new Map(r.body.updated.map((u) => [u.product.id, u]));
    expect([...updated.keys()].sort((a, b) => a - b)).toEqual([edited.product.id, stale.product.id].sort((a, b) => a - b));
    expect(updated.get(edited.product.id)!.product).toMatchObject({ name: "Freshly Renamed Piece", priceCents: 12_345 });
    expect(updated.get(edited.product.id)!.rev).not.toBe(edited.rev);
    expect(updated.get(stale.product.id)!.rev).toBe(stale.rev); // unchanged product, the client sent no rev
    const ids = r.body.cards.map((c) => c.product.id);
    for (const c of held) expect(ids).not.toContain(c.product.id);

    // the fresh rev is what the next refill sends: nothing more to report
    const again = await call<CardsResponse>(getCards, `/api/cards?limit=1&revs=${edited.product.id}:${updated.get(edited.product.id)!.rev},${same.product.id}:${same.rev}`, { shopper: s });
    expect(again.body).toMatchObject({ removed: [], updated: [] });
  });

  it("rejects malformed or too many revs with a 400 naming the parameter", async () => {
    const bad = await call(getCards, "/api/cards?limit=5&revs=12", { shopper: s });
    expectClientError(bad, 400, /revs/);
    const many = Array.from({ length: 101 }, (_, i) => `${i + 1}:abc`).join(",");
    expectClientError(await call(getCards, `/api/cards?limit=5&revs=${many}`, { shopper: s }), 400, /revs.*at most 100/);
  });
});
