// Product pages (/p/<id>): every product tile opens one (catalog, search, likes, similar
// items in the deck's detail sheet); the page is server-rendered with name, price,
// attributes, Open Graph tags and similar items; like / pass work there; a "Buy at
// <store>" link appears only when the product has a product URL; unknown ids are a 404.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { likedIds, openDeck, quizByApi, topCard, topId, waitForSync } from "./helpers";

const TOKEN = process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-123";

/** Click the tile's link and check the product page that opens shows the tile's product. */
async function openFromTile(page: Page, tile: Locator): Promise<{ id: string; name: string }> {
  const id = (await tile.getAttribute("data-product-id")) ?? "";
  const name = ((await tile.getByRole("heading").textContent()) ?? "").trim();
  expect(id).toMatch(/^\d+$/);
  await tile.getByTestId("product-link").click();
  await expect(page).toHaveURL(new RegExp(`/p/${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("product-page")).toHaveAttribute("data-product-id", id);
  return { id, name };
}

const meta = (page: Page, property: string) => page.locator(`head meta[property="${property}"]`).first().getAttribute("content");

test("should open a product page from the catalog with price, attributes and share tags", async ({ page }) => {
  await page.goto("/catalog");
  const tile = page.getByTestId("product-tile").nth(2);
  const price = ((await tile.locator("p").last().textContent()) ?? "").trim();
  const { id, name } = await openFromTile(page, tile);
  await expect(page.getByTestId("product-price")).toHaveText(price);
  await expect(page.getByTestId("product-attributes")).toContainText("Type");
  const img = page.getByTestId("product-image");
  await expect(img).toHaveJSProperty("complete", true);
  expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(100);
  await expect(img).toHaveCSS("object-fit", "contain");
  await expect(page.getByTestId("product-similar").getByTestId("similar-item").first()).toBeVisible();
  // the header and tab bar of the shop are there
  await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeAttached();
  // Open Graph: absolute image URL of this product, this page's URL, type product
  expect(await meta(page, "og:title")).toBe(name);
  expect(await meta(page, "og:type")).toBe("product");
  expect(await meta(page, "og:url")).toBe(new URL(`/p/${id}`, page.url()).href);
  // the page shows the picture through Next's image pipeline; og:image is its full-size master
  const master = new URL((await img.getAttribute("src")) ?? "", page.url()).searchParams.get("url") ?? "";
  expect(master).toMatch(/^\/media\//);
  expect(await meta(page, "og:image")).toBe(new URL(master, page.url()).href);
  expect((await meta(page, "og:description"))?.length).toBeGreaterThan(10);
  await expect(page.locator('head meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expect(page).toHaveTitle(`${name} · StyleNova`);
  // the bundled catalog has no product URLs: no buy link
  await expect(page.getByTestId("buy-link")).toHaveCount(0);
});

test("should open a product page from search results", async ({ page }) => {
  await page.goto("/search");
  await page.getByRole("searchbox", { name: "Search the catalog" }).fill("black dress");
  await page.keyboard.press("Enter");
  const hit = page.getByTestId("search-hit").first();
  await expect(hit).toBeVisible();
  await openFromTile(page, hit);
});

test("should open a product page from likes, and the remove button still works beside the link", async ({ page }) => {
  await openDeck(page);
  for (let i = 0; i < 2; i++) {
    const before = await topId(page);
    await page.getByRole("button", { name: "Like", exact: true }).click();
    await expect(topCard(page)).not.toHaveAttribute("data-product-id", before);
  }
  await waitForSync(page);
  await page.goto("/likes");
  const items = page.getByTestId("liked-item");
  await expect(items).toHaveCount(2);
  await items.nth(1).getByTestId("remove-like").click();
  await expect(items).toHaveCount(1);
  await expect(page).toHaveURL(/\/likes$/);
  await openFromTile(page, items.first());
});

test("should open a product page from similar items in the detail sheet", async ({ page }) => {
  await openDeck(page);
  const id = await topId(page);
  await topCard(page).click({ position: { x: 60, y: 120 } });
  const sheet = page.getByTestId("detail-sheet");
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId("product-page-link")).toHaveAttribute("href", `/p/${id}`);
  const similar = sheet.getByTestId("similar-link").first();
  await expect(similar).toBeVisible();
  const similarId = (await similar.getAttribute("data-product-id")) ?? "";
  const name = ((await similar.getByTestId("similar-name").textContent()) ?? "").trim();
  expect(similarId).not.toBe(id);
  await similar.click();
  await expect(page).toHaveURL(new RegExp(`/p/${similarId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("detail-sheet")).toHaveCount(0);
});

test("should record a like made on the product page in the likes", async ({ page }) => {
  await quizByApi(page);
  await page.goto("/catalog");
  const { id } = await openFromTile(page, page.getByTestId("product-tile").nth(5));
  await page.getByTestId("product-like").click();
  await expect(page.getByTestId("product-rating-status")).toHaveAttribute("data-state", "saved");
  await expect(page.getByTestId("product-like")).toHaveAttribute("aria-pressed", "true");
  expect(await likedIds(page)).toEqual([{ id: Number(id), action: "like" }]);
  await page.getByRole("link", { name: "Likes" }).first().click();
  await expect(page.locator(`[data-testid="liked-item"][data-product-id="${id}"]`)).toBeVisible();
});

test("should answer 404 for an unknown or malformed product id", async ({ page }) => {
  for (const path of ["/p/99999999", "/p/abc", "/p/0", "/p/12abc", "/p/-3"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  const api = await page.request.get("/api/products/99999999");
  expect(api.status()).toBe(404);
});

test("should show a Buy link set in the admin form and drop it when cleared", { tag: "@desktop-only" }, async ({ page }) => {
  const login = await page.request.post("/api/admin/login", { data: { token: TOKEN } });
  expect(login.status()).toBe(200);
  const list = await page.request.get("/api/products?limit=1&offset=7");
  const id = ((await list.json()) as { items: { id: number }[] }).items[0].id;
  await page.goto(`/admin/catalog/${id}`);
  const field = page.getByLabel("Product URL");
  await field.fill("ftp://files.example.com/x");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#edit-productUrl-error")).toContainText("http");
  await field.fill("https://www.northwind-shop.example/item/42");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();

  await page.goto(`/p/${id}`);
  const buy = page.getByTestId("buy-link");
  await expect(buy).toContainText("Buy at northwind-shop.example");
  await expect(buy).toHaveAttribute("href", "https://www.northwind-shop.example/item/42");
  await expect(buy).toHaveAttribute("target", "_blank");
  await expect(buy).toHaveAttribute("rel", "noopener noreferrer");

  await page.goto(`/admin/catalog/${id}`);
  await page.getByLabel("Product URL").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();
  await page.goto(`/p/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("buy-link")).toHaveCount(0);
});
