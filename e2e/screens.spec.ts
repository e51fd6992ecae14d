// Screenshots of every page on this project's screen (light, plus the deck in dark),
// kept as test artifacts; the deck, product page and likes shots are also copied to
// <E2E_DATA_DIR>/screenshots for the README (<project>-deck.png, -product.png, -likes.png).
import { expect, test } from "@playwright/test";
import { keepScreenshot, openDeck, topCard, waitForSync } from "./helpers";

test("should render every page and keep screenshots of them", async ({ page }, testInfo) => {
  await page.goto("/");
  await keepScreenshot(page, testInfo, "landing");

  await page.goto("/quiz");
  await expect(page.getByTestId("quiz-choice").first()).toBeVisible();
  await page.getByTestId("quiz-choice").nth(2).click();
  await keepScreenshot(page, testInfo, "quiz");

  await openDeck(page);
  await keepScreenshot(page, testInfo, "deck", { readmeName: `${testInfo.project.name}-deck.png` });
  await page.emulateMedia({ colorScheme: "dark" });
  await keepScreenshot(page, testInfo, "deck-dark", { readmeName: `${testInfo.project.name}-deck-dark.png` });
  await page.emulateMedia({ colorScheme: "light" });

  await topCard(page).click({ position: { x: 60, y: 120 } });
  await expect(page.getByTestId("similar-items")).toBeVisible();
  await keepScreenshot(page, testInfo, "detail");
  await page.keyboard.press("Escape");

  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Like", exact: true }).click();
  await waitForSync(page);
  await page.goto("/likes");
  await expect(page.getByTestId("liked-item")).toHaveCount(3);
  await keepScreenshot(page, testInfo, "likes", { readmeName: `${testInfo.project.name}-likes.png` });

  await page.getByTestId("liked-item").first().getByTestId("product-link").click();
  await expect(page.getByTestId("product-page")).toBeVisible();
  await expect(page.getByTestId("product-image")).toHaveJSProperty("complete", true);
  await keepScreenshot(page, testInfo, "product", { readmeName: `${testInfo.project.name}-product.png` });

  await page.goto("/search");
  await page.getByRole("searchbox", { name: "Search the catalog" }).fill("white sneakers");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("search-hit").first()).toBeVisible();
  await keepScreenshot(page, testInfo, "search");

  await page.goto("/catalog");
  await keepScreenshot(page, testInfo, "catalog");
});
