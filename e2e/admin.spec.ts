// Store admin end to end (desktop only: the flows change shared server state): sign in
// with a wrong then the right token, import a CSV + ZIP with a bad row, hide a product,
// and check the dashboard's numbers against the stats API after real shopper feedback.
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { buildZip } from "../lib/admin/zip-writer";

const TOKEN = process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-123";
const COLUMNS = "id,name,brand,gender,category,subcategory,article_type,colours,pattern,styles,season,year,price,currency,sizes,description,image";
const QUIZ = { categories: [], colours: ["black"], brands: [], styles: ["casual"], gender: null, sizes: [], budget: { minCents: null, maxCents: null } };

test.describe.configure({ mode: "serial" });
test.skip(({ isMobile }) => isMobile, "admin flows run once, in the desktop project");

async function signIn(page: Page): Promise<void> {
  const r = await page.request.post("/api/admin/login", { data: { token: TOKEN } });
  expect(r.status()).toBe(200);
}

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

test("should show dashboard numbers that match the database after shopper feedback", async ({ page, playwright, baseURL }) => {
  const shopper = await playwright.request.newContext({ baseURL });
  const quiz = await shopper.post("/api/quiz", { data: QUIZ });
  expect(quiz.status()).toBe(200);
  const { cards } = (await quiz.json()) as { cards: { product: { id: number } }[] };
  const actions = ["like", "pass", "superlike", "pass", "like"] as const;
  for (const [i, action] of actions.entries()) {
    const r = await shopper.post("/api/feedback", { data: { productId: cards[i].product.id, action, clientEventId: `e2e-admin-${Date.now()}-${i}`, position: i } });
    expect(r.status(), await r.text()).toBe(200);
  }
  await shopper.dispose();

  await signIn(page);
  const stats = await (await page.request.get("/api/admin/stats")).json();
  expect(stats.totals.events).toBeGreaterThanOrEqual(5);
  await page.goto("/admin");
  const value = async (id: string) => page.getByTestId(id).first().getAttribute("data-value");
  expect(await value("stat-events")).toBe(String(stats.totals.events));
  expect(await value("stat-positives")).toBe(String(stats.totals.likes + stats.totals.superlikes));
  expect(await value("stat-passes")).toBe(String(stats.totals.passes));
  expect(await value("stat-superlikes")).toBe(String(stats.totals.superlikes));
  expect(await value("stat-active-shoppers")).toBe(String(stats.totals.activeShoppers));
  expect(await value("stat-shoppers")).toBe(String(stats.totals.shoppers));
  expect(await value("stat-rated-visible")).toBe(String(stats.coverage.ratedVisible));
  expect(await value("stat-visible")).toBe(String(stats.embedding.visible));
  expect(await value("stat-embedded")).toBe(String(stats.embedding.embeddedVisible));
  expect(Number(await value("stat-like-rate"))).toBeCloseTo(stats.totals.likeRate, 10);
  const health = await (await page.request.get("/api/health")).json();
  expect(Number(await value("stat-visible"))).toBe(health.products);
  await expect(page.getByTestId("embedding-model")).toHaveText(health.embedding.modelId);
  await expect(page.getByTestId("top-liked").getByRole("row").first()).toBeVisible();
  const stageShoppers = await page.getByTestId("stage-row").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-shoppers"))));
  expect(stageShoppers.reduce((a, b) => a + b, 0)).toBe(stats.totals.shoppers);
  await expect(page.locator("figure svg.recharts-surface").first()).toBeVisible();
});
