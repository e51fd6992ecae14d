// Store admin end to end, tagged @desktop-only (the flows change shared server state, so
// they run once, in the desktop project): sign in with a wrong then the right token,
// import a CSV + ZIP with a bad row, hide a product, and check the dashboard's numbers
// against independent sources: the swipes the test itself makes and the SQLite file read
// directly (read-only) from the e2e data folder.
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import sharp from "sharp";
import { buildZip } from "../lib/admin/zip-writer";

const TOKEN = process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-123";
const COLUMNS = "id,name,brand,gender,category,subcategory,article_type,colours,pattern,styles,season,year,price,currency,sizes,description,image";
const QUIZ = { categories: [], colours: ["black"], brands: [], styles: ["casual"], gender: null, sizes: [], budget: { minCents: null, maxCents: null } };

test.describe.configure({ mode: "serial" });

async function signIn(page: Page): Promise<void> {
  const r = await page.request.post("/api/admin/login", { data: { token: TOKEN } });
  expect(r.status()).toBe(200);
}

test.describe("store admin", { tag: "@desktop-only" }, () => {
  test("should refuse a wrong token and sign in with the right one", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/login$/);
    const input = page.getByLabel("Admin token");
    await input.fill("definitely-wrong-token");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#login-error")).toHaveText("Wrong admin token");
    await input.fill(TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { name: "Performance" })).toBeVisible();
    const cookie = (await page.context().cookies()).find((c) => c.name === "sn_admin");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
  });

  test("should import a CSV with a bad row, report its line and list the good rows", async ({ page }) => {
    await signIn(page);
    const png = await sharp({ create: { width: 120, height: 160, channels: 3, background: { r: 200, g: 90, b: 30 } } }).png().toBuffer();
    const zip = buildZip([{ name: "e2e/e2e-1.png", data: png }, { name: "e2e/e2e-2.png", data: png }]);
    const row = (id: string, name: string, gender: string, image: string) =>
      `${id},${name},E2E Brand,${gender},Apparel,Topwear,Tshirts,orange,,casual,Summer,2024,25.00,USD,S|M,,${image}`;
    const csv = [COLUMNS, row("e2e-1", "E2E Imported One", "Women", "e2e-1.png"), row("e2e-bad", "E2E Broken", "Alien", "e2e-1.png"), row("e2e-2", "E2E Imported Two", "Men", "e2e-2.png")].join("\n");

    await page.goto("/admin/import");
    await page.getByLabel(/Catalog CSV/).setInputFiles({ name: "e2e.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByLabel(/Images ZIP/).setInputFiles({ name: "e2e.zip", mimeType: "application/zip", buffer: zip });
    await page.getByRole("button", { name: "Start import" }).click();
    const job = page.getByTestId("import-job");
    await expect(job).toHaveAttribute("data-status", "done", { timeout: 60_000 });
    await expect(page.getByTestId("import-summary")).toContainText("Imported 2 of 3 rows");
    const errorRow = page.getByTestId("import-error-row");
    await expect(errorRow).toHaveCount(1);
    await expect(errorRow).toHaveAttribute("data-line", "3");
    await expect(errorRow).toContainText('unknown gender "Alien"');

    const href = await page.getByTestId("error-report-link").getAttribute("href");
    const report = await page.request.get(href!);
    expect(report.headers()["content-type"]).toMatch(/^text\/csv/);
    const lines = (await report.text()).trim().split("\n");
    expect(lines[0]).toBe("line,id,reason");
    expect(lines[1]).toMatch(/^3,e2e-bad,/);

    await page.goto("/admin/catalog?q=E2E+Imported");
    const rows = page.getByTestId("admin-product-row");
    await expect(rows).toHaveCount(2);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-external-id")).sort())).toEqual(["e2e-1", "e2e-2"]);
  });

  test("should hide a product: it leaves the visible filter and GET /api/products", async ({ page }) => {
    await signIn(page);
    const before = await (await page.request.get("/api/products?q=E2E%20Imported%20One")).json();
    expect(before.items.map((p: { externalId: string }) => p.externalId)).toEqual(["e2e-1"]);

    await page.goto("/admin/catalog?q=E2E+Imported+One&hidden=visible");
    const row = page.locator('[data-testid="admin-product-row"][data-external-id="e2e-1"]');
    await expect(row).toHaveAttribute("data-hidden", "false");
    await row.getByRole("button", { name: "Hide E2E Imported One" }).click();
    // the table refreshes in place: a hidden product no longer matches the "visible" filter
    await expect(page.getByTestId("admin-product-row")).toHaveCount(0);
    await expect(page.getByTestId("catalog-count")).toHaveAttribute("data-total", "0");
    await page.reload();
    await expect(page.getByTestId("admin-product-row")).toHaveCount(0);
    await page.goto("/admin/catalog?q=E2E+Imported+One&hidden=hidden");
    await expect(page.getByTestId("admin-product-row")).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Unhide E2E Imported One" })).toBeVisible();

    const after = await (await page.request.get("/api/products?q=E2E%20Imported%20One")).json();
    expect(after.items).toHaveLength(0);
    expect((await page.request.get("/api/admin/products?q=E2E%20Imported%20One&hidden=hidden")).status()).toBe(200);
  });

  /** Every number on the dashboard the test checks, read from the rendered page. */
  async function dashboard(page: Page): Promise<Record<string, number>> {
    await page.goto("/admin");
    const ids = ["stat-events", "stat-positives", "stat-passes", "stat-superlikes", "stat-undone", "stat-active-shoppers", "stat-shoppers", "stat-rated-visible", "stat-visible", "stat-embedded", "stat-like-rate"];
    const out: Record<string, number> = {};
    for (const id of ids) out[id] = Number(await page.getByTestId(id).first().getAttribute("data-value"));
    return out;
  }

  /** The same numbers counted straight from the SQLite file the e2e server writes. */
  function fromDatabase(modelId: string): Record<string, number> {
    const dataDir = process.env.E2E_DATA_DIR ?? path.join(process.cwd(), ".data", "e2e");
    const sql = new Database(path.join(dataDir, "stylenova.db"), { readonly: true, fileMustExist: true });
    try {
      const one = (q: string, ...args: unknown[]) => Number(Object.values(sql.prepare(q).get(...args) as Record<string, unknown>)[0]);
      const active = (action: string) => one(`SELECT COUNT(*) FROM FeedbackEvent WHERE undone = 0 AND action = ?`, action);
      const likes = active("like");
      const superlikes = active("superlike");
      const passes = active("pass");
      return {
        "stat-events": likes + superlikes + passes,
        "stat-positives": likes + superlikes,
        "stat-passes": passes,
        "stat-superlikes": superlikes,
        "stat-undone": one(`SELECT COUNT(*) FROM FeedbackEvent WHERE undone = 1`),
        "stat-active-shoppers": one(`SELECT COUNT(DISTINCT shopperId) FROM FeedbackEvent WHERE undone = 0`),
        "stat-shoppers": one(`SELECT COUNT(*) FROM Shopper`),
        "stat-rated-visible": one(`SELECT COUNT(DISTINCT e.productId) FROM FeedbackEvent e JOIN Product p ON p.id = e.productId WHERE e.undone = 0 AND p.hidden = 0`),
        "stat-visible": one(`SELECT COUNT(*) FROM Product WHERE hidden = 0`),
        "stat-embedded": one(`SELECT COUNT(*) FROM ProductEmbedding m JOIN Product p ON p.id = m.productId WHERE p.hidden = 0 AND m.modelId = ?`, modelId),
      };
    } finally {
      sql.close();
    }
  }

  /** A fresh shopper takes the quiz and swipes its first cards with `actions`; `undoLast` undoes the last swipe. */
  async function shopperSwipes(shopper: APIRequestContext, actions: readonly ("like" | "pass" | "superlike")[], undoLast: boolean): Promise<void> {
    const quiz = await shopper.post("/api/quiz", { data: QUIZ });
    expect(quiz.status()).toBe(200);
    const { cards } = (await quiz.json()) as { cards: { product: { id: number } }[] };
    expect(cards.length).toBeGreaterThanOrEqual(actions.length);
    for (const [i, action] of actions.entries()) {
      const r = await shopper.post("/api/feedback", { data: { productId: cards[i].product.id, action, clientEventId: `e2e-admin-${i}`, position: i } });
      expect(r.status(), await r.text()).toBe(200);
    }
    if (undoLast) expect((await shopper.post("/api/undo", { data: {} })).status()).toBe(200);
  }

  test("should show dashboard numbers that match the database after shopper feedback", async ({ page, playwright, baseURL }) => {
    await signIn(page);
    const before = await dashboard(page);
    // two fresh shoppers: 2 likes, 2 superlikes and 3 passes stay; one more like is undone
    for (const [actions, undo] of [[["like", "pass", "superlike", "pass", "like"], false], [["pass", "superlike", "like"], true]] as const) {
      const shopper = await playwright.request.newContext({ baseURL });
      await shopperSwipes(shopper, actions, undo);
      await shopper.dispose();
    }
    const after = await dashboard(page);
    const rise = (id: string) => after[id] - before[id];
    expect(rise("stat-events")).toBe(7);
    expect(rise("stat-positives")).toBe(4);
    expect(rise("stat-superlikes")).toBe(2);
    expect(rise("stat-passes")).toBe(3);
    expect(rise("stat-undone")).toBe(1);
    expect(rise("stat-shoppers")).toBe(2);
    expect(rise("stat-active-shoppers")).toBe(2);

    const health = await (await page.request.get("/api/health")).json();
    await expect(page.getByTestId("embedding-model")).toHaveText(health.embedding.modelId);
    const counted = fromDatabase(health.embedding.modelId);
    for (const [id, value] of Object.entries(counted)) expect(after[id], id).toBe(value);
    expect(after["stat-like-rate"]).toBeCloseTo(counted["stat-positives"] / counted["stat-events"], 10);
    expect(after["stat-visible"]).toBe(health.products);

    await expect(page.getByTestId("top-liked").getByRole("row").first()).toBeVisible();
    const stageShoppers = await page.getByTestId("stage-row").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-shoppers"))));
    expect(stageShoppers.reduce((a, b) => a + b, 0)).toBe(counted["stat-shoppers"]);
    await expect(page.locator("figure svg.recharts-surface").first()).toBeVisible();
  });
});
