// Fuzz (fast-check): random bodies at every write endpoint never cause a 5xx, and every
// rejected request leaves the stored data unchanged. One seeded database for the file;
// rate limiting is switched off here (it has its own test).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postFeedback } from "@/app/api/feedback/route";
import { POST as postQuiz } from "@/app/api/quiz/route";
import { POST as postPhoto } from "@/app/api/search/photo/route";
import { POST as postUndo } from "@/app/api/undo/route";
import { setRateLimitEnabled } from "@/lib/http/rate-limit";
import { call, eventId, newShopper, photoForm, pngImage, QUIZ, seedCatalog, snapshot, type ApiResult, type Shopper } from "./_testing/api";

const RUNS = 1000;
const SLOW = 150_000; // per-test timeout: about 10-25 s idle, more on a loaded 2-core machine
let s: Shopper;
let counts = { ok: 0, rejected: 0 };

beforeAll(async () => {
  await seedCatalog(60);
  setRateLimitEnabled(false);
  s = newShopper();
  expect((await call(postQuiz, "/api/quiz", { json: QUIZ, shopper: s })).status).toBe(200);
  for (let i = 1; i <= 5; i++) await call(postFeedback, "/api/feedback", { json: { productId: i, action: "like", clientEventId: eventId() }, shopper: s });
});

afterAll(() => setRateLimitEnabled(true));

/** A request body: JSON of a value, or raw text (often malformed), with a content type. */
type Body = { kind: "json"; value: unknown } | { kind: "raw"; text: string; type: string };

async function send(handler: typeof postFeedback, path: string, body: Body, who: Shopper): Promise<ApiResult> {
  return body.kind === "json"
    ? call(handler, path, { json: body.value, shopper: who })
    : call(handler, path, { rawBody: body.text, method: "POST", headers: { "content-type": body.type }, shopper: who });
}

/** Checks one fuzzed request: no 5xx, and a rejected one changed nothing. */
async function check(run: () => Promise<ApiResult>): Promise<void> {
  const before = await snapshot();
  const r = await run();
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
  if (r.status >= 400) {
    counts.rejected++;
    expect(typeof r.body.error).toBe("string");
    expect(await snapshot()).toEqual(before);
  } else counts.ok++;
}

const label = fc.oneof(fc.constantFrom("black", "navy", "casual", "Dresses", "", " ", "M", "Nike"), fc.string({ maxLength: 80 }));
const anyJson = fc.jsonValue({ maxDepth: 3 });
const rawText = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("{", "[1,", '{"a":}', "null", "\u0000", '{"productId":1e999}'));
const contentType = fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "");
const rawBody: fc.Arbitrary<Body> = fc.record({ kind: fc.constant("raw" as const), text: rawText, type: contentType });
const jsonBody = (structured: fc.Arbitrary<unknown>): fc.Arbitrary<Body> =>
  fc.oneof({ arbitrary: structured, weight: 6 }, { arbitrary: anyJson, weight: 2 }).map((value) => ({ kind: "json" as const, value }));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const withExtra = (a: fc.Arbitrary<Record<string, unknown>>) =>
  fc.tuple(a, fc.option(fc.dictionary(fc.string({ maxLength: 10 }), anyJson, { maxKeys: 2 }), { nil: undefined })).map(([o, extra]) => ({ ...o, ...extra }));

const quizBody = jsonBody(
  withExtra(
    fc.record(
      {
        categories: fc.oneof(fc.array(label, { maxLength: 35 }), anyJson),
        colours: fc.array(label, { maxLength: 5 }),
        brands: fc.array(label, { maxLength: 3 }),
        styles: fc.oneof(fc.array(label, { maxLength: 25 }), anyJson),
        gender: fc.constantFrom("women", "men", "unisex", "boys", "girls", null, "other", 3),
        sizes: fc.array(label, { maxLength: 3 }),
        budget: fc.oneof(
          fc.record({ minCents: fc.oneof(fc.integer({ min: -10, max: 20_000_000 }), fc.constant(null), fc.double()), maxCents: fc.oneof(fc.integer({ min: -10, max: 20_000_000 }), fc.constant(null)) }, { requiredKeys: [] }),
          anyJson,
        ),
      },
      { requiredKeys: [] },
    ),
  ),
);

const clientEventId = fc.oneof(fc.constantFrom("fuzz-aaaaaaaa", "fuzz-bbbbbbbb", "fuzz-cccccccc"), fc.stringMatching(/^[A-Za-z0-9_-]{6,70}$/), fc.string({ maxLength: 70 }));
const score = fc.oneof(fc.double({ min: -200, max: 200 }), fc.constantFrom(Number.NaN, Infinity), fc.integer());
const feedbackBody = jsonBody(
  withExtra(
    fc.record(
      {
        productId: fc.oneof(fc.integer({ min: -5, max: 70 }), fc.double(), fc.string({ maxLength: 4 }), fc.constant(2 ** 40)),
        action: fc.constantFrom("like", "pass", "superlike", "love", "", null),
        clientEventId,
        position: maybe(fc.oneof(fc.integer({ min: -5, max: 200_000 }), fc.double())),
        score: maybe(score),
        components: maybe(
          fc.oneof(
            fc.record({ content: fc.oneof(score, fc.constant(null)), collaborative: fc.constant(null), visual: fc.constant(null), taste: score, penalty: score }),
            fc.record({ content: fc.oneof(score, fc.constant(null)), collaborative: fc.constant(null), visual: fc.constant(null), preference: score, penalty: score }),
            anyJson,
          ),
        ),
      },
      { requiredKeys: ["productId", "action", "clientEventId"] },
    ),
  ),
);

const goodLabel = fc.stringMatching(/^[a-z][a-z ]{0,20}$/);
const validQuiz: fc.Arbitrary<Body> = fc
  .record({
    categories: fc.array(fc.constantFrom("Dresses", "Tops", "Jeans", "Sneakers"), { maxLength: 3 }),
    colours: fc.array(fc.oneof(fc.constantFrom("black", "navy", "red"), goodLabel), { maxLength: 3 }),
    styles: fc.array(fc.constantFrom("casual", "formal", "sporty"), { maxLength: 2 }),
    gender: fc.constantFrom("women", "men", null),
    budget: fc.constantFrom({ minCents: null, maxCents: null }, { minCents: 1000, maxCents: 20000 }),
  }, { requiredKeys: [] })
  .map((value) => ({ kind: "json" as const, value }));
const validFeedback: fc.Arbitrary<Body> = fc
  .record({
    productId: fc.integer({ min: 1, max: 60 }),
    action: fc.constantFrom("like", "pass", "superlike"),
    clientEventId: fc.oneof(fc.constantFrom("fuzz-aaaaaaaa", "fuzz-bbbbbbbb"), fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/)),
    position: maybe(fc.integer({ min: 0, max: 100 })),
  }, { requiredKeys: ["productId", "action", "clientEventId"] })
  .map((value) => ({ kind: "json" as const, value }));

const undoBody = fc.oneof(
  jsonBody(withExtra(fc.record({ clientEventId }, { requiredKeys: [] }))),
  fc.constant<Body>({ kind: "raw", text: "", type: "" }),
);

describe("fuzzed write endpoints", () => {
  it(`POST /api/quiz: ${RUNS} random bodies`, async () => {
    counts = { ok: 0, rejected: 0 };
    await fc.assert(fc.asyncProperty(fc.oneof({ arbitrary: quizBody, weight: 4 }, { arbitrary: validQuiz, weight: 1 }, { arbitrary: rawBody, weight: 1 }), (b) => check(() => send(postQuiz, "/api/quiz", b, s))), { numRuns: RUNS, seed: 20_250_501 });
    expect(counts.ok).toBeGreaterThan(20);
    expect(counts.rejected).toBeGreaterThan(200);
  }, SLOW);

  it(`POST /api/feedback: ${RUNS} random bodies`, async () => {
    counts = { ok: 0, rejected: 0 };
    await fc.assert(fc.asyncProperty(fc.oneof({ arbitrary: feedbackBody, weight: 4 }, { arbitrary: validFeedback, weight: 2 }, { arbitrary: rawBody, weight: 1 }), (b) => check(() => send(postFeedback, "/api/feedback", b, s))), { numRuns: RUNS, seed: 20_250_502 });
    expect(counts.ok).toBeGreaterThan(20);
    expect(counts.rejected).toBeGreaterThan(200);
  }, SLOW);

  it(`POST /api/undo: ${RUNS} random bodies`, async () => {
    counts = { ok: 0, rejected: 0 };
    await fc.assert(fc.asyncProperty(fc.oneof({ arbitrary: undoBody, weight: 4 }, { arbitrary: rawBody, weight: 1 }), (b) => check(() => send(postUndo, "/api/undo", b, s))), { numRuns: RUNS, seed: 20_250_503 });
    expect(counts.ok).toBeGreaterThan(20);
    expect(counts.rejected).toBeGreaterThan(200);
  }, SLOW);

  it("POST /api/search/photo: 200 random uploads", async () => {
    counts = { ok: 0, rejected: 0 };
    const png = await pngImage(64, 64);
    const prefixes = [new Uint8Array(0), new Uint8Array([0xff, 0xd8, 0xff]), png.subarray(0, 8), new TextEncoder().encode("RIFF\0\0\0\0WEBP"), png];
    const upload = fc.record({
      prefix: fc.constantFrom(...prefixes),
      tail: fc.uint8Array({ maxLength: 3000 }),
      name: fc.constantFrom("a.jpg", "b.png", "c.webp", "d.exe", ""),
      type: fc.constantFrom("image/jpeg", "image/png", "text/plain", ""),
      field: fc.constantFrom("image", "image", "image", "file"),
    });
    await fc.assert(
      fc.asyncProperty(upload, (u) => {
        const bytes = new Uint8Array(u.prefix.length + u.tail.length);
        bytes.set(u.prefix);
        bytes.set(u.tail, u.prefix.length);
        const form = new FormData();
        form.set(u.field, new Blob([bytes], { type: u.type }), u.name);
        return check(() => call(postPhoto, "/api/search/photo", { method: "POST", rawBody: form, shopper: s }));
      }),
      { numRuns: 200, seed: 20_250_504 },
    );
    expect(counts.rejected).toBeGreaterThan(100);
    // a valid upload still works after all that
    const ok = await call(postPhoto, "/api/search/photo", { method: "POST", rawBody: photoForm(png), shopper: s });
    expect(ok.status).toBe(200);
  });
});
