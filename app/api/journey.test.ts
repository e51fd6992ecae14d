// Integration: the whole shopper journey through the real route handlers against a
// temporary SQLite database, plus idempotency, concurrency and shopper isolation.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getCards } from "@/app/api/cards/route";
import { POST as postFeedback } from "@/app/api/feedback/route";
import { DELETE as deleteLike } from "@/app/api/likes/[productId]/route";
import { GET as getLikes } from "@/app/api/likes/route";
import { GET as getProductDetail } from "@/app/api/products/[id]/route";
import { GET as getProducts } from "@/app/api/products/route";
import { GET as getProfile } from "@/app/api/profile/route";
import { GET as getQuizOptions } from "@/app/api/quiz/options/route";
import { POST as postQuiz } from "@/app/api/quiz/route";
import { POST as postPhoto } from "@/app/api/search/photo/route";
import { GET as getSearch } from "@/app/api/search/route";
import { POST as postUndo } from "@/app/api/undo/route";
import { getShopper } from "@/lib/db/shoppers";
import type { Card, PublicProduct } from "@/lib/feed/cards";
import { stateFromLog } from "@/lib/feed/deck";
import { resetRateLimits } from "@/lib/http/rate-limit";
import type { QuizOptions } from "@/lib/schemas/quiz-options";
import type { TextSearchResponse } from "@/lib/search/contract";
import { call, eventId, expectClientError, newShopper, photoForm, pngImage, QUIZ, seedCatalog, shopperIdOf, snapshot, type Shopper } from "./_testing/api";

beforeAll(async () => {
  await seedCatalog(120);
});

async function expectStateMatchesLog(s: Shopper): Promise<void> {
  const id = shopperIdOf(s);
  const stored = await getShopper(id);
  expect(stored?.state).toEqual(await stateFromLog(id));
}

async function startShopper(): Promise<Shopper> {
  const s = newShopper();
  const r = await call<{ cards: Card[] }>(postQuiz, "/api/quiz", { json: QUIZ, shopper: s });
  expect(r.status).toBe(200);
  return s;
}

async function swipe(s: Shopper, productId: number, action: "like" | "pass" | "superlike", id = eventId()) {
  return call<{ duplicate: boolean; eventId: number }>(postFeedback, "/api/feedback", { json: { productId, action, clientEventId: id }, shopper: s });
}

describe("shopper journey", () => {
  const s = newShopper();
  const swiped: { productId: number; action: string }[] = [];

  it("offers quiz options computed from the catalog", async () => {
    const r = await call<QuizOptions>(getQuizOptions, "/api/quiz/options");
    expect(r.status).toBe(200);
    expect(r.body.categories.length).toBeGreaterThan(3);
    expect(r.body.categories[0].imageUrl).toMatch(/^\/media\//);
    expect(r.body.colours.some((c) => c.value === "black")).toBe(true);
    expect(r.body.sizes.length).toBeGreaterThan(0);
    expect(r.body.price.minCents).toBeLessThan(r.body.price.maxCents!);
    expect(r.body.genders.reduce((n, g) => n + g.count, 0)).toBe(120);
  });

  it("creates a shopper cookie on first use", async () => {
    const r = await call(getProfile, "/api/profile", { shopper: s });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ quiz: null, learning: null });
    const setCookie = r.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^sn_shopper=v1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+;/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).toMatch(/Max-Age=\d{7,}/);
    expect(setCookie).not.toContain("Secure");
    const again = await call(getProfile, "/api/profile", { shopper: s });
    expect(again.headers.get("set-cookie")).toBeNull();
  });

  it("marks the cookie Secure behind an HTTPS proxy", async () => {
    const r = await call(getProfile, "/api/profile", { shopper: newShopper(), headers: { "x-forwarded-proto": "https" } });
    expect(r.headers.get("set-cookie")).toContain("; Secure");
  });

  it("takes the quiz and returns explained cards", async () => {
    const r = await call<{ cards: Card[]; learning: { stage: string } }>(postQuiz, "/api/quiz", { json: QUIZ, shopper: s });
    expect(r.status).toBe(200);
    expect(r.body.cards.length).toBe(10);
    for (const c of r.body.cards) {
      expect(c.components).toHaveProperty("content");
      expect(c.components).toHaveProperty("taste");
      expect(c.weights.taste + c.weights.content + c.weights.collaborative + c.weights.visual).toBeCloseTo(1, 2);
      expect(c.explanation.length).toBeGreaterThan(0);
      expect(c.reason.signal).toBeTruthy();
    }
    expect(r.body.learning.stage).toBe("cold start");
    const profile = await call<{ quiz: unknown }>(getProfile, "/api/profile", { shopper: s });
    expect(profile.body.quiz).toEqual(QUIZ);
  });

  it("records 30 swipes through the deck", async () => {
    while (swiped.length < 30) {
      const exclude = swiped.slice(-20).map((x) => x.productId).join(",");
      const r = await call<{ cards: Card[]; exhausted: boolean }>(getCards, `/api/cards?limit=10${exclude ? `&exclude=${exclude}` : ""}`, { shopper: s });
      expect(r.status).toBe(200);
      for (const c of r.body.cards.slice(0, 5)) {
        const likes = c.product.colours.some((x) => x === "black" || x === "navy");
        const action = likes ? (swiped.length % 7 === 0 ? "superlike" : "like") : "pass";
        const f = await swipe(s, c.product.id, action);
        expect(f.status).toBe(200);
        expect(f.body.duplicate).toBe(false);
        swiped.push({ productId: c.product.id, action });
        if (swiped.length === 30) break;
      }
    }
    const profile = await call<{ learning: { feedback: { total: number } } }>(getProfile, "/api/profile", { shopper: s });
    expect(profile.body.learning.feedback.total).toBe(30);
    await expectStateMatchesLog(s);
  });

  it("undoes the last swipe exactly", async () => {
    const last = swiped[swiped.length - 1];
    const r = await call<{ undone: { productId: number }; product: PublicProduct }>(postUndo, "/api/undo", { method: "POST", shopper: s });
    expect(r.status).toBe(200);
    expect(r.body.undone.productId).toBe(last.productId);
    expect(r.body.product.id).toBe(last.productId);
    await expectStateMatchesLog(s);
    swiped.pop();
  });

  it("lists likes and removes one", async () => {
    const r = await call<{ items: { product: PublicProduct; action: string }[] }>(getLikes, "/api/likes", { shopper: s });
    const liked = new Set(swiped.filter((x) => x.action !== "pass").map((x) => x.productId));
    expect(r.body.items.length).toBe(liked.size);
    expect(liked.size).toBeGreaterThan(0);
    const target = r.body.items[0].product.id;
    const del = await call<{ removed: boolean }, { productId: string }>(deleteLike, `/api/likes/${target}`, { method: "DELETE", params: { productId: String(target) }, shopper: s });
    expect(del.status).toBe(200);
    expect(del.body.removed).toBe(true);
    const after = await call<{ items: { product: PublicProduct }[] }>(getLikes, "/api/likes", { shopper: s });
    expect(after.body.items.map((i) => i.product.id)).not.toContain(target);
    await expectStateMatchesLog(s);
  });

  it("searches by words", async () => {
    const r = await call<TextSearchResponse>(getSearch, "/api/search?q=black%20casual&limit=5");
    expect(r.status).toBe(200);
    expect(r.body.kind).toBe("text");
    expect(r.body.understood.map((c) => c.token).sort()).toEqual(["colour:black", "usage:casual"]);
    expect(r.body.pageSize).toBe(24);
    expect(r.body.hits.length).toBeGreaterThan(0);
    expect(r.body.hits.length).toBeLessThanOrEqual(24);
    for (const h of r.body.hits) {
      expect(h.product.colours).toContain("black");
      expect(h.product.styles).toContain("casual");
    }
  });

  it("searches by a photo", async () => {
    const png = await pngImage(300, 400);
    const r = await call<{ kind: string; modelId: string; hits: unknown[]; types: unknown[] }>(postPhoto, "/api/search/photo", { method: "POST", rawBody: photoForm(png), shopper: s });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.kind).toBe("photo");
    expect(r.body.hits.length).toBe(48);
    expect(r.body.types.length).toBeGreaterThan(0);
  });

  it("lists products and shows one with similar items", async () => {
    const list = await call<{ items: PublicProduct[]; total: number; offset: number; limit: number }>(getProducts, "/api/products?limit=5&offset=2");
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 120, offset: 2, limit: 5 });
    expect(list.body.items.length).toBe(5);
    const id = list.body.items[0].id;
    const detail = await call<{ product: PublicProduct; similar: { product: PublicProduct }[] }, { id: string }>(getProductDetail, `/api/products/${id}`, { params: { id: String(id) } });
    expect(detail.status).toBe(200);
    expect(detail.body.product.id).toBe(id);
    expect(detail.body.similar.length).toBe(8);
    expect(detail.body.similar.map((h) => h.product.id)).not.toContain(id);
    const filtered = await call<{ items: PublicProduct[] }>(getProducts, `/api/products?colour=black&limit=100`);
    expect(filtered.body.items.every((p) => p.colours.includes("black"))).toBe(true);
  });
});

describe("idempotency", () => {
  it("records a retried swipe once and rejects a reused id for another swipe", async () => {
    const s = await startShopper();
    const before = await snapshot();
    const id = eventId("retry");
    const a = await swipe(s, 3, "like", id);
    const b = await swipe(s, 3, "like", id);
    expect(a.body.duplicate).toBe(false);
    expect(b.status).toBe(200);
    expect(b.body.duplicate).toBe(true);
    expect(b.body.eventId).toBe(a.body.eventId);
    expect((await snapshot()).events).toBe(before.events + 1);
    const mid = await snapshot();
    const c = await swipe(s, 3, "pass", id);
    expectClientError(c, 409, /clientEventId/);
    expect(await snapshot()).toEqual(mid);
  });
});

describe("concurrency", () => {
  it("records 50 concurrent swipes exactly once, profile equal to the log", async () => {
    const s = await startShopper();
    const before = await snapshot();
    const ids = Array.from({ length: 50 }, (_, i) => ({ productId: (i % 110) + 1, action: (["like", "pass", "superlike"] as const)[i % 3], id: eventId("conc") }));
    const results = await Promise.all(ids.map((x) => swipe(s, x.productId, x.action, x.id)));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(new Set(results.map((r) => r.body.eventId)).size).toBe(50);
    // retry the whole batch concurrently: nothing new (a fresh bucket: 100 requests exceed the burst)
    resetRateLimits();
    const retries = await Promise.all(ids.map((x) => swipe(s, x.productId, x.action, x.id)));
    expect(retries.every((r) => r.status === 200 && r.body.duplicate)).toBe(true);
    expect((await snapshot()).events).toBe(before.events + 50);
    const stored = await getShopper(shopperIdOf(s));
    expect(stored?.state?.counts.total).toBe(50);
    await expectStateMatchesLog(s);
  });
});

describe("isolation", () => {
  it("keeps shoppers apart and treats a forged cookie as a new shopper", async () => {
    const a = await startShopper();
    const b = await startShopper();
    expect(shopperIdOf(a)).not.toBe(shopperIdOf(b));
    await swipe(a, 5, "like");
    const bLikes = await call<{ items: unknown[] }>(getLikes, "/api/likes", { shopper: b });
    expect(bLikes.body.items).toEqual([]);
    const aBefore = await getShopper(shopperIdOf(a));
    const bUndo = await call<{ undone: unknown }>(postUndo, "/api/undo", { method: "POST", shopper: b });
    expect(bUndo.body.undone).toBeNull();
    expect(await getShopper(shopperIdOf(a))).toEqual(aBefore);

    const forged: Shopper = { cookie: `sn_shopper=v1.${shopperIdOf(a)}.${"A".repeat(43)}` };
    const r = await call<{ quiz: unknown }>(getProfile, "/api/profile", { shopper: forged });
    expect(r.status).toBe(200);
    expect(r.body.quiz).toBeNull();
    expect(shopperIdOf(forged)).not.toBe(shopperIdOf(a));
    for (const junk of ["sn_shopper=garbage", "sn_shopper=v1..", "sn_shopper=%E0%A4%A", `sn_shopper=v2.${shopperIdOf(a)}.x`]) {
      const j = await call<{ quiz: unknown }>(getProfile, "/api/profile", { shopper: { cookie: junk } });
      expect(j.status).toBe(200);
      expect(j.body.quiz).toBeNull();
    }
    const aLikes = await call<{ items: unknown[] }>(getLikes, "/api/likes", { shopper: a });
    expect(aLikes.body.items.length).toBe(1);
  });
});
