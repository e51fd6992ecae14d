// Integration: the admin API through the real route handlers against a temporary SQLite
// database: the gate (no cookie, bad signature, expired, disabled) on every route, login,
// catalog listing and edits (validation, hide -> gone from the deck's catalog at once),
// dashboard numbers vs the database, the interactions export round trip, and a browser
// import (CSV + ZIP) with a row-level error report. Session expiry and the login
// throttle run under a ManualClock (runWithClock), never against the wall clock; waiting
// for a background import is event-driven (waitForJob).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { TASTE_SHARE } from "@/lib/recommender/config";
import { GET as getExport } from "@/app/api/admin/export/route";
import { GET as getRunErrors } from "@/app/api/admin/import-runs/[id]/errors/route";
import { GET as getImport } from "@/app/api/admin/imports/[id]/route";
import { GET as listImports, POST as postImport } from "@/app/api/admin/imports/route";
import { POST as postLogin } from "@/app/api/admin/login/route";
import { POST as postLogout } from "@/app/api/admin/logout/route";
import { GET as getAdminProduct, PATCH as patchProduct } from "@/app/api/admin/products/[id]/route";
import { GET as listAdminProducts } from "@/app/api/admin/products/route";
import { GET as getProductDetail } from "@/app/api/products/[id]/route";
import { GET as getStats } from "@/app/api/admin/stats/route";
import { POST as postFeedback } from "@/app/api/feedback/route";
import { POST as postQuiz } from "@/app/api/quiz/route";
import { POST as postUndo } from "@/app/api/undo/route";
import { call, eventId, newShopper, ORIGIN, pngImage, QUIZ, seedCatalog, shopperIdOf, type Shopper } from "@/app/api/_testing/api";
import { adminSettings, sessionKey, setAdminSettingsForTests } from "@/lib/admin/config";
import { waitForJob } from "@/lib/admin/import-jobs";
import { LOGIN_LIMIT, resetLoginLimits } from "@/lib/admin/login-limit";
import { signSession, SESSION_TTL_S } from "@/lib/admin/session";
import { buildZip } from "@/lib/admin/zip-writer";
import { parseCsv } from "@/lib/catalog/csv";
import { STYLENOVA_COLUMNS } from "@/lib/catalog/rows";
import { db } from "@/lib/db/client";
import { getEmbedder } from "@/lib/embedding";
import { runWithClock } from "@/lib/clock";
import { parseInteractions } from "@/lib/eval/interactions";
import { getCatalog } from "@/lib/feed/catalog";
import { ManualClock } from "@/lib/testing/manual-clock";

const TOKEN = vi.hoisted(() => {
  const t = "test-admin-token-42";
  process.env.ADMIN_TOKEN = t; // before anything calls env()
  return t;
});

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function request(handler: Handler, path: string, init: { method?: string; cookie?: string | null; json?: unknown; body?: BodyInit; headers?: Record<string, string>; params?: Record<string, string> } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers.set("content-type", "application/json");
  }
  const res = await handler(new Request(`${ORIGIN}${path}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body }), {
    params: Promise.resolve(init.params ?? {}),
  });
  const text = await res.text();
  const type = res.headers.get("content-type") ?? "";
  return { status: res.status, headers: res.headers, text, body: type.includes("json") ? (JSON.parse(text) as Record<string, unknown>) : null };
}

async function login(): Promise<string> {
  const r = await request(postLogin as Handler, "/api/admin/login", { json: { token: TOKEN } });
  expect(r.status).toBe(200);
  return (r.headers.get("set-cookie") ?? "").split(";")[0];
}

const cookieWith = (value: string) => `sn_admin=${value}`;

/** Every protected admin route with a request that would succeed when signed in. */
const ROUTES: { name: string; handler: Handler; method?: string; path: string; params?: Record<string, string>; json?: unknown }[] = [
  { name: "GET stats", handler: getStats as Handler, path: "/api/admin/stats" },
  { name: "GET products", handler: listAdminProducts as Handler, path: "/api/admin/products" },
  { name: "GET product", handler: getAdminProduct as Handler, path: "/api/admin/products/1", params: { id: "1" } },
  { name: "PATCH product", handler: patchProduct as Handler, method: "PATCH", path: "/api/admin/products/1", params: { id: "1" }, json: { hidden: false } },
  { name: "GET imports", handler: listImports as Handler, path: "/api/admin/imports" },
  { name: "POST imports", handler: postImport as Handler, method: "POST", path: "/api/admin/imports", json: {} },
  { name: "GET import job", handler: getImport as Handler, path: "/api/admin/imports/0123456789ab", params: { id: "0123456789ab" } },
  { name: "GET import errors", handler: getRunErrors as Handler, path: "/api/admin/import-runs/1/errors", params: { id: "1" } },
  { name: "GET export", handler: getExport as Handler, path: "/api/admin/export" },
];

async function expectAllRejected(cookie: string | null, status: number, message: RegExp) {
  for (const r of ROUTES) {
    const res = await request(r.handler, r.path, { method: r.method, cookie, json: r.json, params: r.params });
    expect(res.status, `${r.name}: ${res.text}`).toBe(status);
    expect(String(res.body?.error), r.name).toMatch(message);
    expect(res.text).not.toMatch(/\bat .+:\d+:\d+/);
  }
}

beforeAll(async () => {
  await seedCatalog(60);
});

beforeEach(() => {
  setAdminSettingsForTests(null);
  resetLoginLimits();
});

describe("admin gate", () => {
  it("rejects every admin route without a session cookie", async () => {
    await expectAllRejected(null, 401, /login required/i);
  });

  it("rejects every admin route with a badly signed session", async () => {
    const clock = new ManualClock();
    await runWithClock(clock, async () => {
      const foreign = signSession(sessionKey({ token: "some-other-token", sessionSecret: undefined }), clock.now()).value;
      await expectAllRejected(cookieWith(foreign), 401, /invalid/i);
      const good = (await login()).split("=")[1];
      await expectAllRejected(cookieWith(`${good.slice(0, -2)}xx`), 401, /invalid/i);
    });
  });

  it("accepts a session until its TTL has passed on the injected clock, then rejects every admin route as expired", async () => {
    const clock = new ManualClock();
    await runWithClock(clock, async () => {
      const cookie = await login();
      clock.advance(SESSION_TTL_S * 1000 - 1000);
      expect((await request(getStats as Handler, "/api/admin/stats", { cookie })).status).toBe(200);
      clock.advance(1000);
      await expectAllRejected(cookie, 401, /expired/i);
    });
  });

  it("answers 503 on every admin route, login and logout included, when ADMIN_TOKEN is not set", async () => {
    const cookie = await login();
    setAdminSettingsForTests({ token: undefined, sessionSecret: undefined });
    await expectAllRejected(cookie, 503, /ADMIN_TOKEN/);
    for (const h of [postLogin, postLogout]) {
      const r = await request(h as Handler, "/api/admin/login", { json: { token: TOKEN } });
      expect(r.status).toBe(503);
      expect(String(r.body?.error)).toMatch(/disabled.*ADMIN_TOKEN.*restart/i);
    }
  });

  it("refuses cross-site writes even with a valid session", async () => {
    const cookie = await login();
    const r = await request(patchProduct as Handler, "/api/admin/products/1", {
      method: "PATCH", cookie, json: { hidden: false }, params: { id: "1" }, headers: { origin: "https://evil.example" },
    });
    expect(r.status).toBe(403);
  });
});

describe("admin login", () => {
  it("answers 401 with a clear message for a wrong token and sets no cookie", async () => {
    const r = await request(postLogin as Handler, "/api/admin/login", { json: { token: "wrong-token-123" } });
    expect(r.status).toBe(401);
    expect(r.body?.error).toBe("Wrong admin token");
    expect(r.headers.get("set-cookie")).toBeNull();
  });

  it("sets an httpOnly SameSite=Strict session cookie for the right token, Secure behind HTTPS", async () => {
    const r = await request(postLogin as Handler, "/api/admin/login", { json: { token: TOKEN } });
    expect(r.status).toBe(200);
    const set = r.headers.get("set-cookie") ?? "";
    expect(set).toMatch(/^sn_admin=v1\.\d+\.[\w-]+\.[\w-]+; Path=\/; Max-Age=28800; HttpOnly; SameSite=Strict$/);
    const https = await request(postLogin as Handler, "/api/admin/login", { json: { token: TOKEN }, headers: { "x-forwarded-proto": "https" } });
    expect(https.headers.get("set-cookie")).toMatch(/; Secure$/);
    const stats = await request(getStats as Handler, "/api/admin/stats", { cookie: set.split(";")[0] });
    expect(stats.status).toBe(200);
    const out = await request(postLogout as Handler, "/api/admin/logout", { method: "POST", cookie: set.split(";")[0] });
    expect(out.headers.get("set-cookie")).toMatch(/^sn_admin=; Path=\/; Max-Age=0/);
  });

  it("rate-limits repeated login attempts per IP until the window has passed on the injected clock", async () => {
    const headers = { "x-forwarded-for": "203.0.113.9" };
    const attempt = (token: string, h = headers) => request(postLogin as Handler, "/api/admin/login", { json: { token }, headers: h });
    const clock = new ManualClock();
    await runWithClock(clock, async () => {
      for (let i = 0; i < LOGIN_LIMIT.attempts; i++) expect((await attempt("nope-nope-nope")).status).toBe(401);
      const r = await attempt(TOKEN);
      expect(r.status).toBe(429);
      expect(r.headers.get("retry-after")).toBe(String(LOGIN_LIMIT.windowMs / 1000));
      expect((await attempt(TOKEN, { "x-forwarded-for": "203.0.113.10" })).status).toBe(200);
      clock.advance(LOGIN_LIMIT.windowMs - 1000);
      const later = await attempt(TOKEN);
      expect(later.status).toBe(429);
      expect(later.headers.get("retry-after")).toBe("1");
      clock.advance(1000);
      expect((await attempt(TOKEN)).status).toBe(200);
    });
  });

  it("reads the token from the environment", () => {
    expect(adminSettings().token).toBe(TOKEN);
  });
});

describe("catalog management", () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await login();
  });

  it("lists products with embedding status, feedback counts and filters", async () => {
    const { modelId } = await getEmbedder();
    const r = await request(listAdminProducts as Handler, "/api/admin/products?limit=10", { cookie });
    expect(r.status).toBe(200);
    const body = r.body as { items: { embedding: string; likes: number; articleType: string }[]; total: number; facets: { articleTypes: { value: string }[] } };
    expect(body.total).toBe(60);
    expect(body.items).toHaveLength(10);
    expect(body.items.every((i) => i.embedding === modelId)).toBe(true);
    const type = body.facets.articleTypes[0].value;
    const filtered = await request(listAdminProducts as Handler, `/api/admin/products?articleType=${encodeURIComponent(type)}&limit=100`, { cookie });
    const items = (filtered.body as { items: { articleType: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.articleType === type)).toBe(true);
    const missing = await request(listAdminProducts as Handler, "/api/admin/products?embedding=missing", { cookie });
    expect((missing.body as { total: number }).total).toBe(0);
    const bad = await request(listAdminProducts as Handler, "/api/admin/products?hidden=maybe", { cookie });
    expect(bad.status).toBe(400);
    expect(String(bad.body?.error)).toMatch(/hidden/);
  });

  it.each([
    [{ priceCents: -5 }, 400, /priceCents/],
    [{ name: "" }, 400, /name/],
    [{ colours: [] }, 422, /colours/],
    [{ sizes: "M" }, 400, /sizes/],
    [{ colour: ["red"] }, 400, /colour/],
    [{}, 422, /nothing to change/],
    [{ productUrl: "javascript:alert(1)" }, 422, /productUrl: must be a full web address/],
    [{ productUrl: 42 }, 400, /productUrl/],
  ])("rejects the edit %j with a 4xx naming the field", async (patch, status, mention) => {
    const r = await request(patchProduct as Handler, "/api/admin/products/2", { method: "PATCH", cookie, json: patch, params: { id: "2" } });
    expect(r.status, r.text).toBe(status);
    expect(String(r.body?.error)).toMatch(mention);
  });

  it("answers 404 for an unknown product and 400 for a bad id", async () => {
    expect((await request(patchProduct as Handler, "/api/admin/products/99999", { method: "PATCH", cookie, json: { name: "x" }, params: { id: "99999" } })).status).toBe(404);
    expect((await request(getAdminProduct as Handler, "/api/admin/products/abc", { cookie, params: { id: "abc" } })).status).toBe(400);
  });

  it("edits attributes and the deck's catalog sees the change at once", async () => {
    await getCatalog();
    const patch = { name: "Edited Linen Shirt", brand: "Nova Lab", articleType: "Shirts", colours: ["Olive", "white"], styles: ["smart"], priceCents: 4990, sizes: ["S", "M"], description: "Edited." };
    const r = await request(patchProduct as Handler, "/api/admin/products/3", { method: "PATCH", cookie, json: patch, params: { id: "3" } });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ ...patch, colours: ["olive", "white"] });
    const p = (await getCatalog()).products.find((x) => x.id === 3);
    expect(p?.name).toBe("Edited Linen Shirt");
    expect(p?.priceCents).toBe(4990);
  });

  it("sets and clears the product URL, which the public product detail then carries", async () => {
    const set = await request(patchProduct as Handler, "/api/admin/products/4", { method: "PATCH", cookie, json: { productUrl: " https://www.shop.example/item/4 " }, params: { id: "4" } });
    expect(set.status, set.text).toBe(200);
    expect(set.body?.productUrl).toBe("https://www.shop.example/item/4");
    const shown = await call<{ product: { productUrl: string | null } }, { id: string }>(getProductDetail, "/api/products/4", { params: { id: "4" } });
    expect(shown.body.product.productUrl).toBe("https://www.shop.example/item/4");
    const cleared = await request(patchProduct as Handler, "/api/admin/products/4", { method: "PATCH", cookie, json: { productUrl: "" }, params: { id: "4" } });
    expect(cleared.body?.productUrl).toBeNull();
    const after = await call<{ product: { productUrl: string | null } }, { id: string }>(getProductDetail, "/api/products/4", { params: { id: "4" } });
    expect(after.body.product.productUrl).toBeNull();
  });

  it("hides a product: it leaves getCatalog().products immediately and comes back on unhide", async () => {
    expect((await getCatalog()).products.some((p) => p.id === 5)).toBe(true);
    const r = await request(patchProduct as Handler, "/api/admin/products/5", { method: "PATCH", cookie, json: { hidden: true }, params: { id: "5" } });
    expect(r.status).toBe(200);
    expect(r.body?.hidden).toBe(true);
    const snap = await getCatalog();
    expect(snap.products.some((p) => p.id === 5)).toBe(false);
    expect(snap.byId.get(5)?.hidden).toBe(true);
    const hidden = await request(listAdminProducts as Handler, "/api/admin/products?hidden=hidden", { cookie });
    expect((hidden.body as { items: { id: number }[] }).items.map((i) => i.id)).toEqual([5]);
    // its product page and detail are gone too (404), until it is shown again
    expect((await call(getProductDetail, "/api/products/5", { params: { id: "5" } })).status).toBe(404);
    await request(patchProduct as Handler, "/api/admin/products/5", { method: "PATCH", cookie, json: { hidden: false }, params: { id: "5" } });
    expect((await getCatalog()).products.some((p) => p.id === 5)).toBe(true);
  });
});

describe("dashboard and export", () => {
  let cookie: string;
  const shoppers: Shopper[] = [];
  beforeAll(async () => {
    cookie = await login();
    const plan: ("like" | "pass" | "superlike")[][] = [
      ["like", "pass", "pass", "superlike", "like", "pass", "like"],
      ["pass", "pass", "like"],
      [],
    ];
    for (const actions of plan) {
      const s = newShopper();
      expect((await call(postQuiz, "/api/quiz", { json: QUIZ, shopper: s })).status).toBe(200);
      for (const [i, action] of actions.entries()) {
        const r = await call(postFeedback, "/api/feedback", { json: { productId: 10 + i, action, clientEventId: eventId(), position: i }, shopper: s });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
      }
      shoppers.push(s);
    }
    // the second shopper undoes their last swipe (a like): it must not count anywhere
    expect((await call(postUndo, "/api/undo", { json: {}, shopper: shoppers[1] })).status).toBe(200);
  });

  it("computes dashboard numbers that match the database", async () => {
    const r = await request(getStats as Handler, "/api/admin/stats", { cookie });
    expect(r.status).toBe(200);
    const d = r.body as unknown as import("@/lib/admin/stats").Dashboard;
    const client = await db();
    const active = await client.feedbackEvent.count({ where: { undone: false } });
    expect(d.totals.events).toBe(active);
    expect(d.totals.events).toBe(9);
    expect(d.totals.likes).toBe(3);
    expect(d.totals.superlikes).toBe(1);
    expect(d.totals.passes).toBe(5);
    expect(d.totals.undone).toBe(1);
    expect(d.totals.shoppers).toBe(await client.shopper.count());
    expect(d.totals.activeShoppers).toBe(2);
    expect(d.likeRateByIndex[0]).toEqual({ bucket: "1-5", events: 7, positives: 3, likeRate: 3 / 7 });
    expect(d.likeRateByIndex[1]).toEqual({ bucket: "6-10", events: 2, positives: 1, likeRate: 0.5 });
    expect(d.swipesPerSession.find((b) => b.bucket === "1-4")?.shoppers).toBe(1);
    expect(d.swipesPerSession.find((b) => b.bucket === "5-9")?.shoppers).toBe(1);
    expect(d.coverage).toEqual({ visible: 60, ratedVisible: 7, share: 7 / 60 });
    expect(d.topLiked[0]).toMatchObject({ id: 10, likes: 1, passes: 1 });
    expect(d.topPassed[0]).toMatchObject({ id: 11, passes: 2 });
    expect(d.stages.map((s) => [s.label, s.shoppers])).toEqual([["n < 5", d.totals.shoppers - 1], ["5 ≤ n < 20", 1], ["n ≥ 20", 0]]);
    // the taste model's share, and the schedule's 0.6/0.2/0.2 over the rest
    const w = d.stages[0].weights;
    expect(w.taste).toBe(TASTE_SHARE);
    expect([w.content, w.collaborative, w.visual].map((x) => Math.round((x / (1 - TASTE_SHARE)) * 1000) / 1000)).toEqual([0.6, 0.2, 0.2]);
    const { modelId } = await getEmbedder();
    expect(d.embedding).toMatchObject({ modelId, embeddedVisible: 60, visible: 60, missingVisible: 0 });
  });

  it("exports likes and superlikes as interactions that parseInteractions reads back", async () => {
    const r = await request(getExport as Handler, "/api/admin/export", { cookie });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(r.headers.get("content-disposition")).toMatch(/attachment; filename="stylenova-interactions-positive-/);
    const rows = parseInteractions(r.text, "export.csv");
    const client = await db();
    const events = await client.feedbackEvent.findMany({ where: { undone: false, action: { in: ["like", "superlike"] } }, orderBy: { id: "asc" }, include: { product: true } });
    expect(rows).toEqual(
      events.map((e) => ({ user: e.shopperId, item: e.product.externalId, rating: e.action === "superlike" ? 2 : 1, timestamp: Math.floor(e.createdAt.getTime() / 1000) })),
    );
    expect(rows.map((x) => x.user)).toContain(shopperIdOf(shoppers[0]));
    const all = parseInteractions((await request(getExport as Handler, "/api/admin/export?include=all", { cookie })).text);
    expect(all).toHaveLength(9);
    expect(all.filter((x) => x.rating === -1)).toHaveLength(5);
    expect((await request(getExport as Handler, "/api/admin/export?include=some", { cookie })).status).toBe(400);
  });
});

describe("browser import", () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await login();
  });

  function csvRow(id: string, gender: string, image: string): string {
    const v: Record<string, string> = {
      id, name: `Imported ${id}`, brand: "Upload Co", gender, category: "Apparel", subcategory: "Topwear", article_type: "Tshirts",
      colours: "teal", pattern: "", styles: "casual", season: "Summer", year: "2024", price: "19.90", currency: "USD", sizes: "S|M", description: "", image,
    };
    return STYLENOVA_COLUMNS.map((c) => v[c]).join(",");
  }

  function form(csv: string, zip: Buffer | null): FormData {
    const f = new FormData();
    f.set("csv", new Blob([csv], { type: "text/csv" }), "upload.csv");
    if (zip) f.set("images", new Blob([new Uint8Array(zip)], { type: "application/zip" }), "images.zip");
    return f;
  }

  it("imports CSV + ZIP in the background, reports progress and a downloadable row error report", async () => {
    const png = await pngImage(60, 80, { r: 0, g: 128, b: 128 });
    const zip = buildZip([{ name: "pics/up-1.png", data: png }, { name: "pics/up-2.png", data: png, method: 0 }, { name: "readme.txt", data: Buffer.from("hi") }]);
    const csv = [STYLENOVA_COLUMNS.join(","), csvRow("up-1", "Women", "images/up-1.png"), csvRow("up-bad", "Martian", "up-1.png"), csvRow("up-2", "Men", "up-2.png"), csvRow("up-3", "Men", "missing.png")].join("\n");
    const r = await request(postImport as Handler, "/api/admin/imports", { cookie, body: form(csv, zip) });
    expect(r.status, r.text).toBe(202);
    const id = String(r.body?.id);
    expect(r.body?.notes).toEqual(["2 image(s) in images.zip", "1 non-image entry ignored"]);
    const job = await waitForJob(id);
    expect(job.status, job.error ?? "").toBe("done");
    expect(job.summary).toMatchObject({ rows: 4, imported: 2, created: 2, skipped: 2 });
    const progress = await request(getImport as Handler, `/api/admin/imports/${id}`, { cookie, params: { id } });
    expect(progress.body).toMatchObject({ status: "done", phase: "Done", errorCount: 2 });
    const run = progress.body?.run as { id: number; status: string };
    expect(run.status).toBe("done");
    const report = await request(getRunErrors as Handler, `/api/admin/import-runs/${run.id}/errors`, { cookie, params: { id: String(run.id) } });
    expect(report.headers.get("content-type")).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(report.text).map((r) => r.fields);
    expect(header).toEqual(["line", "id", "reason"]);
    expect(rows).toHaveLength(2);
    expect(rows[0].slice(0, 2)).toEqual(["3", "up-bad"]);
    expect(rows[0][2]).toMatch(/unknown gender "Martian"/);
    expect(rows[1].slice(0, 2)).toEqual(["5", "up-3"]);
    expect(rows[1][2]).toMatch(/missing\.png.*not found/);
    const list = await request(listAdminProducts as Handler, "/api/admin/products?q=Imported", { cookie });
    expect((list.body as { items: { externalId: string; embedding: string }[] }).items.map((i) => i.externalId).sort()).toEqual(["up-1", "up-2"]);
    expect((await getCatalog()).products.some((p) => p.externalId === "up-2")).toBe(true);
  });

  it("refuses a ZIP with a traversal entry, a missing CSV and a non-multipart body", async () => {
    const zip = buildZip([{ name: "../x.jpg", data: Buffer.from("x") }]);
    const bad = await request(postImport as Handler, "/api/admin/imports", { cookie, body: form("id\n1", zip) });
    expect(bad.status).toBe(400);
    expect(String(bad.body?.error)).toMatch(/images: unsafe entry name "\.\.\/x\.jpg"/);
    const none = await request(postImport as Handler, "/api/admin/imports", { cookie, body: new FormData() });
    expect(none.status).toBe(400);
    expect(String(none.body?.error)).toMatch(/csv/);
    const json = await request(postImport as Handler, "/api/admin/imports", { cookie, json: {} });
    expect(json.status).toBe(415);
  });

  it("reports a file-level CSV problem as a failed job", async () => {
    const r = await request(postImport as Handler, "/api/admin/imports", { cookie, body: form("foo,bar\n1,2\n", null) });
    expect(r.status).toBe(202);
    const job = await waitForJob(String(r.body?.id));
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/header is missing column/);
    expect(job.error).not.toMatch(/stylenova-import-/);
  });
});
