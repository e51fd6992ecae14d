// The landing page leads into the quiz; the catalog grid (moved to /catalog) and the
// health endpoint still work. Self-contained: the health test hides (as the admin) and
// unhides a product itself instead of relying on another spec having hidden one.
import { expect, test } from "@playwright/test";

const ADMIN_TOKEN = process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-123";

interface Health {
  database: string;
  products: number;
  embedding: { mode: string; embedded: number };
}

test("should report a healthy database, counting visible products only", async ({ request, playwright, baseURL }) => {
  const health = async (): Promise<Health> => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    return (await res.json()) as Health;
  };
  const before = await health();
  expect(before.database).toBe("ok");
  expect(before.products).toBeGreaterThanOrEqual(600);
  expect(["clip", "fallback"]).toContain(before.embedding.mode);
  expect(before.embedding.embedded).toBe(before.products);

  // hide one product (as the store admin), see both counts drop by one, then unhide it
  const admin = await playwright.request.newContext({ baseURL });
  try {
    expect((await admin.post("/api/admin/login", { data: { token: ADMIN_TOKEN } })).status()).toBe(200);
    const page = (await (await request.get("/api/products?limit=1")).json()) as { items: { id: number }[] };
    const id = page.items[0].id;
    const setHidden = async (hidden: boolean) => expect((await admin.patch(`/api/admin/products/${id}`, { data: { hidden } })).status()).toBe(200);
    await setHidden(true);
    try {
      const hidden = await health();
      expect(hidden.products).toBe(before.products - 1);
      expect(hidden.embedding.embedded).toBe(before.embedding.embedded - 1);
    } finally {
      await setHidden(false);
    }
    const restored = await health();
    expect(restored.products).toBe(before.products);
    expect(restored.embedding.embedded).toBe(before.embedding.embedded);
  } finally {
    await admin.dispose();
  }
});

test("should welcome a new shopper on / and lead into the quiz", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("one swipe at a time");
  await expect(page.getByTestId("start-cta")).toHaveAttribute("data-profile", "false");
  await page.getByRole("link", { name: "Take the style quiz" }).click();
  await expect(page).toHaveURL(/\/quiz$/);
  await expect(page.getByTestId("quiz-progress")).toHaveText("Step 1 of 6");
});

test("should show the bundled catalog as an image grid served from the database", async ({ page }) => {
  await page.goto("/catalog");
  await expect(page.getByRole("heading", { name: "The catalog" })).toBeVisible();
  const tiles = page.getByTestId("product-tile");
  await expect(tiles).toHaveCount(48);
  const firstImg = tiles.first().locator("img");
  await firstImg.scrollIntoViewIfNeeded();
  await expect(firstImg).toHaveJSProperty("complete", true);
  expect(await firstImg.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await expect(page.getByTestId("catalog-size")).toContainText(/\d{3,} products/);
});

test("should filter the catalog by article type", async ({ page }) => {
  await page.goto("/catalog");
  const nav = page.getByRole("navigation", { name: "Article types" });
  const second = nav.getByRole("link").nth(1);
  const label = (await second.textContent())?.replace(/\s*\d+$/, "").trim() ?? "";
  await second.click();
  await expect(page).toHaveURL(/type=/);
  const types = await page.getByTestId("product-tile").evaluateAll((els) => els.map((e) => e.getAttribute("data-article-type")));
  expect(types.length).toBeGreaterThan(0);
  expect(new Set(types)).toEqual(new Set([label]));
});
