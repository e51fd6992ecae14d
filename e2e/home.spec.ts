// The landing page leads into the quiz; the catalog grid (moved to /catalog) and the
// health endpoint still work.
import { expect, test } from "@playwright/test";

test("should report a healthy database and the seeded catalog size", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.database).toBe("ok");
  expect(body.products).toBeGreaterThanOrEqual(600);
  expect(["clip", "fallback"]).toContain(body.embedding.mode);
  // both count visible products only (the admin suite hides one before this runs)
  expect(body.embedding.embedded).toBe(body.products);
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
