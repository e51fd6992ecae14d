// Accessibility: axe-core (colour contrast included) finds no serious or critical
// violations on the quiz, deck, likes, search, product, catalog, 404 and admin dashboard pages,
// each checked in the light and the dark theme.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { openDeck, waitForSync } from "./helpers";

async function expectNoSeriousViolations(page: Page, label: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    // colours fade between themes (CSS transitions): axe must see the settled colours
    await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== "running"));
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
    expect(summary, `${label} (${scheme}): ${summary.join("\n")}`).toEqual([]);
  }
}

// one test per page: each is a few axe runs, well inside the test timeout on a busy machine
test("should have no serious accessibility violations on the quiz", async ({ page }) => {
  await page.goto("/quiz");
  await expect(page.getByTestId("quiz-choice").first()).toBeVisible();
  await expectNoSeriousViolations(page, "quiz");
});

test("should have no serious accessibility violations on the deck", async ({ page }) => {
  await openDeck(page);
  await expectNoSeriousViolations(page, "deck");
});

test("should have no serious accessibility violations on the likes page", async ({ page }) => {
  await openDeck(page);
  await page.getByRole("button", { name: "Like", exact: true }).click();
  await waitForSync(page);
  await page.goto("/likes");
  await expect(page.getByTestId("liked-item").first()).toBeVisible();
  await expectNoSeriousViolations(page, "likes");
});

test("should have no serious accessibility violations on search results, their chips and filters", async ({ page, isMobile }) => {
  await page.goto("/search");
  await page.getByRole("searchbox", { name: "Search the catalog" }).fill("white sneakers under 150");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("understood-chip").first()).toBeVisible();
  await expect(page.getByTestId("search-hit").first()).toBeVisible();
  await expectNoSeriousViolations(page, "search");
  if (isMobile) {
    // the phone's filter sheet, open
    await page.getByTestId("open-filters").click();
    await expect(page.getByTestId("filter-sheet").getByTestId("search-filters")).toBeVisible();
    await expectNoSeriousViolations(page, "search filter sheet");
  }
});

test("should have no serious accessibility violations on a refused search", async ({ page }) => {
  await page.goto("/search?q=");
  await expect(page.getByTestId("search-error")).toBeVisible();
  await expectNoSeriousViolations(page, "search error");
});

test("should have no serious accessibility violations on a product page", async ({ page }) => {
  await page.goto("/catalog");
  await page.getByTestId("product-tile").first().getByTestId("product-link").click();
  await expect(page).toHaveURL(/\/p\/\d+$/);
  await expect(page.getByTestId("product-similar").getByTestId("similar-item").first()).toBeVisible();
  await expect(page.getByTestId("product-like")).toBeEnabled();
  await expectNoSeriousViolations(page, "product");
});

test("should have no serious accessibility violations on the catalog", async ({ page }) => {
  await page.goto("/catalog");
  await expect(page.getByTestId("product-tile").first()).toBeVisible();
  await expectNoSeriousViolations(page, "catalog");
});

test("should have no serious accessibility violations on the 404 page", async ({ page }) => {
  await page.goto("/no-such-page-here");
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expectNoSeriousViolations(page, "404");
});

test("should have no serious accessibility violations on the admin dashboard", async ({ page }) => {
  const r = await page.request.post("/api/admin/login", { data: { token: process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-123" } });
  expect(r.status()).toBe(200);
  await page.goto("/admin");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expectNoSeriousViolations(page, "admin dashboard");
});
