// The first view without client JavaScript: a returning shopper's /deck HTML, as the
// server sends it, already holds the first card (its product name and an <img>); a new
// shopper's /deck keeps the quiz-first flow; the landing page's call to action is in the
// HTML. Assertions only: the timings live in `npm run bench -- --only browser`.
import { expect, test } from "@playwright/test";
import type { Card } from "../lib/feed/cards";
import { QUIZ } from "./helpers";

test("should render a returning shopper's first card into the /deck HTML", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  try {
    const quiz = await context.request.post("/api/quiz", { data: QUIZ });
    expect(quiz.status(), await quiz.text()).toBe(200);
    // what GET /api/cards ranks first for this shopper is what the page must show first
    const api = await context.request.get("/api/cards?limit=8");
    const first = ((await api.json()) as { cards: Card[] }).cards[0];
    expect(first).toBeDefined();

    const res = await context.request.get("/deck");
    expect(res.status()).toBe(200);
    const html = await res.text();
    expect(html).toContain(`data-product-id="${first.product.id}"`);

    // and with JavaScript off, the page shows it: the name and its image, no skeleton
    const page = await context.newPage();
    await page.goto("/deck");
    const card = page.getByTestId("swipe-card");
    await expect(card).toHaveAttribute("data-product-id", String(first.product.id));
    await expect(card.getByRole("heading", { name: first.product.name })).toBeVisible();
    await expect(card.locator("img")).toHaveAttribute("alt", first.product.name);
    await expect(page.getByTestId("deck-loading")).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("should keep the quiz first for a new shopper on /deck", async ({ page }) => {
  await page.goto("/deck");
  await expect(page.getByTestId("deck-no-profile")).toBeVisible();
  await expect(page.getByRole("link", { name: "Take the quiz" })).toBeVisible();
});

test("should put the landing page's call to action into the HTML", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByTestId("start-cta")).toHaveAttribute("data-profile", "false");
    await expect(page.getByRole("link", { name: "Take the style quiz" })).toBeVisible();
    expect((await context.request.post("/api/quiz", { data: QUIZ })).status()).toBe(200);
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Continue to your deck" })).toBeVisible();
  } finally {
    await context.close();
  }
});
