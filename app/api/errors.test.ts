// Integration: every client mistake is a 4xx JSON error naming the problem, and nothing
// stored changes. Also the write endpoints' rate limit (429 + Retry-After), with the
// handler's clock frozen by a ManualClock so the test cannot race the wall clock.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as getCards } from "@/app/api/cards/route";
import { POST as postFeedback } from "@/app/api/feedback/route";
import { DELETE as deleteLike } from "@/app/api/likes/[productId]/route";
import { GET as getProductDetail } from "@/app/api/products/[id]/route";
import { GET as getProducts } from "@/app/api/products/route";
import { POST as postQuiz } from "@/app/api/quiz/route";
import { POST as postPhoto } from "@/app/api/search/photo/route";
import { GET as getSearch } from "@/app/api/search/route";
import { POST as postUndo } from "@/app/api/undo/route";
import { runWithClock } from "@/lib/clock";
import { RATE_LIMITS, resetRateLimits } from "@/lib/http/rate-limit";
import { ManualClock } from "@/lib/testing/manual-clock";
import { call, eventId, expectClientError, newShopper, photoForm, pngImage, QUIZ, seedCatalog, snapshot, type ApiResult, type Shopper } from "./_testing/api";

let s: Shopper;

beforeAll(async () => {
  await seedCatalog(120);
  s = newShopper();
  expect((await call(postQuiz, "/api/quiz", { json: QUIZ, shopper: s })).status).toBe(200);
  await call(postFeedback, "/api/feedback", { json: { productId: 1, action: "like", clientEventId: eventId() }, shopper: s });
});

beforeEach(() => resetRateLimits());

/** Run a request and check it is a 4xx naming the problem with nothing stored changed. */
async function rejects(run: () => Promise<ApiResult>, status: number, mention: RegExp): Promise<ApiResult> {
  const before = await snapshot();
  const r = await run();
  expectClientError(r, status, mention);
  expect(await snapshot()).toEqual(before);
  return r;
}

const feedback = (body: unknown, o: { shopper?: Shopper; headers?: Record<string, string> } = {}) => () =>
  call(postFeedback, "/api/feedback", { json: body, shopper: o.shopper ?? s, headers: o.headers });
const raw = (handler: typeof postFeedback, path: string, body: string, type = "application/json") => () =>
  call(handler, path, { rawBody: body, method: "POST", headers: { "content-type": type }, shopper: s });
const photo = (form: FormData | string, headers: Record<string, string> = {}) => () =>
  call(postPhoto, "/api/search/photo", { method: "POST", rawBody: form, headers, shopper: s });

describe("JSON bodies", () => {
  it("rejects malformed JSON", async () => {
    await rejects(raw(postFeedback, "/api/feedback", '{"productId": 1,'), 400, /Malformed JSON/);
    await rejects(raw(postQuiz, "/api/quiz", "not json"), 400, /Malformed JSON/);
    await rejects(raw(postUndo, "/api/undo", "{"), 400, /Malformed JSON/);
    await rejects(raw(postFeedback, "/api/feedback", ""), 400, /Malformed JSON/);
  });

  it("rejects wrong types with the field path", async () => {
    const r = await rejects(feedback({ productId: "1", action: "like", clientEventId: eventId() }), 400, /productId/);
    expect(r.body.issues).toEqual([expect.objectContaining({ path: "productId" })]);
    await rejects(feedback({ productId: 1, action: "love", clientEventId: eventId() }), 400, /action/);
    await rejects(feedback({ productId: 1, action: "like", clientEventId: "short" }), 400, /clientEventId/);
    await rejects(feedback([1, 2]), 400, /Invalid request/);
    await rejects(feedback(null), 400, /Invalid request/);
    await rejects(() => call(postQuiz, "/api/quiz", { json: { ...QUIZ, colours: "black" }, shopper: s }), 400, /colours/);
    await rejects(() => call(postUndo, "/api/undo", { json: { clientEventId: 42 }, shopper: s }), 400, /clientEventId/);
  });

  it("rejects unknown fields", async () => {
    await rejects(feedback({ productId: 1, action: "like", clientEventId: eventId(), shopperId: "someone-else" }), 400, /shopperId/);
    await rejects(() => call(postQuiz, "/api/quiz", { json: { ...QUIZ, admin: true }, shopper: s }), 400, /admin/);
    await rejects(() => call(postUndo, "/api/undo", { json: { everything: true }, shopper: s }), 400, /everything/);
  });

  it("rejects a semantically invalid quiz with 422", async () => {
    await rejects(() => call(postQuiz, "/api/quiz", { json: { ...QUIZ, budget: { minCents: 5000, maxCents: 100 } }, shopper: s }), 422, /minCents/);
  });

  it("rejects a wrong content type and oversized bodies", async () => {
    await rejects(raw(postFeedback, "/api/feedback", '{"productId":1}', "text/plain"), 415, /application\/json/);
    const big = JSON.stringify({ ...QUIZ, colours: Array(70_000).fill("x") });
    await rejects(raw(postQuiz, "/api/quiz", big), 413, /too large/);
    await rejects(() => call(postFeedback, "/api/feedback", { rawBody: "{}", method: "POST", headers: { "content-type": "application/json", "content-length": "999999" }, shopper: s }), 413, /too large/);
  });
});

describe("domain errors", () => {
  it("404 for an unknown product", async () => {
    await rejects(feedback({ productId: 99_999, action: "like", clientEventId: eventId() }), 404, /Unknown product 99999/);
    await rejects(() => call(getProductDetail, "/api/products/99999", { params: { id: "99999" } }), 404, /Unknown product/);
    await rejects(() => call(deleteLike, "/api/likes/99999", { method: "DELETE", params: { productId: "99999" }, shopper: s }), 404, /Unknown product/);
  });

  it("400 for a malformed product id", async () => {
    await rejects(() => call(getProductDetail, "/api/products/abc", { params: { id: "abc" } }), 400, /Invalid product id/);
    await rejects(() => call(deleteLike, "/api/likes/-1", { method: "DELETE", params: { productId: "-1" }, shopper: s }), 400, /Invalid product id/);
  });

  it("409 for feedback, cards and undo before the quiz", async () => {
    const fresh = newShopper();
    await rejects(feedback({ productId: 1, action: "like", clientEventId: eventId() }, { shopper: fresh }), 409, /quiz/);
    await rejects(() => call(getCards, "/api/cards", { shopper: fresh }), 409, /quiz/);
    await rejects(() => call(postUndo, "/api/undo", { method: "POST", shopper: fresh }), 409, /quiz/);
  });

  it("undo of an unknown or older swipe", async () => {
    await rejects(() => call(postUndo, "/api/undo", { json: { clientEventId: "never-sent-1" }, shopper: s }), 404, /never-sent-1/);
  });
});

describe("query strings", () => {
  it("rejects a huge limit and a bad exclude list", async () => {
    await rejects(() => call(getCards, "/api/cards?limit=100000", { shopper: s }), 400, /limit/);
    await rejects(() => call(getCards, "/api/cards?limit=0", { shopper: s }), 400, /limit/);
    await rejects(() => call(getCards, "/api/cards?exclude=1,abc,3", { shopper: s }), 400, /exclude/);
    await rejects(() => call(getCards, "/api/cards?exclude=1,-2", { shopper: s }), 400, /exclude/);
    await rejects(() => call(getCards, `/api/cards?exclude=${Array.from({ length: 101 }, (_, i) => i + 1).join(",")}`, { shopper: s }), 400, /exclude/);
    await rejects(() => call(getCards, "/api/cards?limit=5&limit=6", { shopper: s }), 400, /more than once/);
    await rejects(() => call(getCards, "/api/cards?shopper=abc", { shopper: s }), 400, /shopper/);
    await rejects(() => call(getProducts, "/api/products?limit=101"), 400, /limit/);
    await rejects(() => call(getProducts, "/api/products?gender=aliens"), 400, /gender/);
    await rejects(() => call(getSearch, "/api/search?q="), 400, /Type what you are looking for/);
    await rejects(() => call(getSearch, "/api/search?q=%20%20"), 400, /Type what you are looking for/);
    await rejects(() => call(getSearch, "/api/search?q=the%20and%20of%20for"), 400, /Type what you are looking for/);
    await rejects(() => call(getSearch, `/api/search?q=${"a".repeat(201)}`), 400, /q must be at most 200 characters/);
    await rejects(() => call(getSearch, "/api/search?q=dress&sort=cheapest"), 400, /sort must be one of relevance, price-asc, price-desc, newest/);
    await rejects(() => call(getSearch, "/api/search?q=dress&page=0"), 400, /page/);
    await rejects(() => call(getSearch, "/api/search?q=dress&page=51"), 400, /page must be a whole number from 1 to 50/);
    await rejects(() => call(getSearch, "/api/search?q=dress&min=cheap"), 400, /min must be a price/);
    await rejects(() => call(getSearch, "/api/search?q=dress&min=80&max=20"), 400, /min \(80\) must not be more than max \(20\)/);
    await rejects(() => call(getSearch, "/api/search?q=dress&sort=newest&sort=price-asc"), 400, /sort is given more than once/);
  });
});

describe("photo uploads", () => {
  it("rejects an oversized photo by Content-Length and by actual bytes", async () => {
    await rejects(photo(photoForm(new Uint8Array(16)), { "content-length": String(50 * 1024 * 1024) }), 413, /too large/);
    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await rejects(photo(photoForm(big)), 413, /too large/);
  });

  it("rejects a fake image by its bytes, not its name", async () => {
    await rejects(photo(photoForm(new TextEncoder().encode("hello, I am a jpeg"), "cat.jpg", "image/jpeg")), 415, /JPEG, PNG or WebP/);
    const gif = new TextEncoder().encode("GIF89a....");
    await rejects(photo(photoForm(gif, "x.png", "image/png")), 415, /JPEG, PNG or WebP/);
  });

  it("rejects huge dimensions and damaged files with 422", async () => {
    await rejects(photo(photoForm(await pngImage(7000, 10))), 422, /7000x10.*too large/);
    await rejects(photo(photoForm(await pngImage(5000, 5001))), 422, /too large/);
    const png = await pngImage(200, 200);
    await rejects(photo(photoForm(png.subarray(0, 40))), 422, /damaged or incomplete/);
  });

  it("rejects a missing field and a non-multipart body", async () => {
    const form = new FormData();
    form.set("picture", new Blob([new Uint8Array(await pngImage(10, 10))]), "a.png");
    await rejects(photo(form), 400, /"image"/);
    await rejects(photo("just text", { "content-type": "text/plain" }), 415, /multipart/);
  });
});

describe("rate limit", () => {
  const { burst, ratePerSec } = RATE_LIMITS.feedback;
  const unknownProduct = (shopper: Shopper) =>
    call(postFeedback, "/api/feedback", { json: { productId: 999_999, action: "like", clientEventId: eventId() }, shopper });

  it("answers 429 with Retry-After after the burst, and lets one more through after the refill time", async () => {
    // Time is frozen (a ManualClock drives the handler), so the bucket cannot refill
    // during the burst however slow the machine is.
    const clock = new ManualClock();
    await runWithClock(clock, async () => {
      for (let i = 0; i < burst; i++) expect((await unknownProduct(s)).status, `request ${i + 1} of the burst`).toBe(404);
      const limited = await unknownProduct(s);
      expectClientError(limited, 429, /Too many feedback requests: try again in 1 s/);
      expect(limited.headers.get("retry-after")).toBe(String(Math.ceil(1 / ratePerSec)));
      // other shoppers are unaffected
      const ok = await call(postFeedback, "/api/feedback", { json: { productId: 1, action: "like", clientEventId: eventId() }, shopper: newShopper() });
      expect(ok.status).toBe(409);
      clock.advance(1000 / ratePerSec);
      expect((await unknownProduct(s)).status).toBe(404);
      expect((await unknownProduct(s)).status).toBe(429);
    });
  });
});
