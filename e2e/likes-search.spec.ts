// Likes page (grid, remove) and search by text, with their states (photo search: photo-search.spec.ts).
import { expect, test } from "@playwright/test";
import { expectNewTop, likedIds, openDeck, quizByApi, topId, waitForSync } from "./helpers";

test("should list likes and remove one", async ({ page }) => {
  await openDeck(page);
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const id = await topId(page);
    ids.push(id);
    await page.getByRole("button", { name: "Like", exact: true }).click();
    await expectNewTop(page, id);
  }
  await waitForSync(page);
  await page.getByRole("link", { name: "Likes" }).first().click();
  await expect(page).toHaveURL(/\/likes$/);
  const items = page.getByTestId("liked-item");
  await expect(items).toHaveCount(2);
  await items.filter({ has: page.locator(`[data-product-id="${ids[0]}"]`) }).count();
  await page.locator(`[data-testid="liked-item"][data-product-id="${ids[0]}"]`).getByTestId("remove-like").click();
  await expect(items).toHaveCount(1);
  await expect.poll(async () => (await likedIds(page)).map((l) => l.id)).toEqual([Number(ids[1])]);
  await page.reload();
  await expect(page.getByTestId("liked-item")).toHaveCount(1);
});

test("should search by text and like a result", async ({ page }) => {
  await quizByApi(page);
  await page.goto("/search");
  await expect(page.getByTestId("search-idle")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search the catalog" }).fill("black dress");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const hits = page.getByTestId("search-hit");
  await expect(hits.first()).toBeVisible();
  expect(await hits.count()).toBeGreaterThan(3);
  await expect(hits.first()).toContainText(/dress/i);
  const id = Number(await hits.first().getAttribute("data-product-id"));
  await hits.first().getByTestId("like-hit").click();
  await expect(hits.first().getByTestId("like-hit")).toHaveAttribute("aria-pressed", "true");
  expect((await likedIds(page)).map((l) => l.id)).toContain(id);
});

test("should say so when a text search matches nothing", async ({ page }) => {
  await page.goto("/search");
  await page.getByRole("searchbox", { name: "Search the catalog" }).fill("zzqqxx");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("search-empty")).toBeVisible();
});
