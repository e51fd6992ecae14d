// The swipe deck: learning from swipes, drag / buttons / keys, undo, super like, the
// detail sheet, the learning panel and resuming after a refresh.
import { expect, test, type Page } from "@playwright/test";
import { QUIZ, deck, dragTop, expectNewTop, likedIds, openDeck, topCard, topColour, topId, waitForSync } from "./helpers";

async function swipeWith(page: Page, action: "like" | "pass", useKeys: boolean) {
  if (useKeys) await page.keyboard.press(action === "like" ? "ArrowRight" : "ArrowLeft");
  else await page.getByRole("button", { name: action === "like" ? "Like" : "Pass", exact: true }).click();
}

/** 20 swipes liking only `target`'s colour (the first colour the quiz did not pick). */
async function teachColour(page: Page, useKeys: boolean): Promise<{ target: string | null; colours: string[] }> {
  await openDeck(page);
  const quizColours = new Set(QUIZ.colours);
  let target: string | null = null;
  const colours: string[] = [];
  for (let i = 0; i < 20; i++) {
    const id = await topId(page);
    const colour = await topColour(page);
    if (target === null && !quizColours.has(colour)) target = colour;
    colours.push(colour);
    await swipeWith(page, colour === target ? "like" : "pass", useKeys);
    await expectNewTop(page, id);
  }
  return { target, colours };
}

test("should learn a colour from 20 swipes: its share of the next 10 cards rises clearly", async ({ page, isMobile }) => {
  // A fair test needs evidence and room to rise: the taught colour must be liked at least
  // 3 times in the 20 swipes and fill at most 3 of the first 10 cards. When the deck
  // happened to show it too rarely or too often, start over as a new shopper (new cookie,
  // new deck), at most 5 times; every attempt is reported.
  const count = (list: string[], target: string | null) => list.filter((c) => c === target).length;
  const fair = (r: { target: string | null; colours: string[] }) => count(r.colours, r.target) >= 3 && count(r.colours.slice(0, 10), r.target) <= 3;
  let run = await teachColour(page, !isMobile);
  for (let attempt = 1; attempt < 5 && !fair(run); attempt++) {
    test.info().annotations.push({ type: "retry-shopper", description: `${run.target}: ${count(run.colours, run.target)} likes, ${count(run.colours.slice(0, 10), run.target)} in the first 10; new shopper` });
    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());
    run = await teachColour(page, !isMobile);
  }
  const { target, colours } = run;
  expect(target).not.toBeNull();
  expect(fair(run)).toBe(true);
  await waitForSync(page);
  const res = await page.request.get("/api/cards?limit=10");
  expect(res.status()).toBe(200);
  const next = ((await res.json()) as { cards: { product: { colours: string[] } }[] }).cards.map((c) => c.product.colours[0]);
  expect(next).toHaveLength(10);
  const before = count(colours.slice(0, 10), target);
  const after = count(next, target);
  test.info().annotations.push({ type: "learning", description: `${target}: ${before}/10 in the first 10 -> ${after}/10 in the next 10 (${count(colours, target)} likes)` });
  expect(after).toBeGreaterThanOrEqual(before + 2);
  expect(after).toBeGreaterThanOrEqual(4);
  const likes = await likedIds(page);
  expect(likes.length).toBe(count(colours, target));
});

test("should swipe by dragging: right likes, left passes, up super likes, a short drag springs back", async ({ page, isMobile }) => {
  await openDeck(page);
  const first = await topId(page);
  await dragTop(page, 40, 0, isMobile);
  await expect(topCard(page)).toHaveAttribute("data-product-id", first);

  await dragTop(page, 220, 10, isMobile);
  const second = await expectNewTop(page, first);
  await dragTop(page, -220, 0, isMobile);
  const third = await expectNewTop(page, second);
  await dragTop(page, 0, -240, isMobile);
  await expectNewTop(page, third);

  await waitForSync(page);
  const likes = await likedIds(page);
  expect(likes).toContainEqual({ id: Number(first), action: "like" });
  expect(likes).toContainEqual({ id: Number(third), action: "superlike" });
  expect(likes.map((l) => l.id)).not.toContain(Number(second));
});

test("should swipe with the buttons, keep at least 3 cards prefetched and never shift the layout", async ({ page }) => {
  await openDeck(page);
  const box = await deck(page).boundingBox();
  for (const name of ["Pass", "Like", "Pass", "Like", "Pass", "Pass"]) {
    const id = await topId(page);
    await page.getByRole("button", { name, exact: true }).click();
    await expectNewTop(page, id);
    expect(Number(await deck(page).getAttribute("data-buffer"))).toBeGreaterThanOrEqual(3);
    expect(await deck(page).boundingBox()).toEqual(box);
  }
  await waitForSync(page);
  await expect.poll(async () => Number(await deck(page).getAttribute("data-buffer"))).toBeGreaterThanOrEqual(5);
  expect(await likedIds(page)).toHaveLength(2);
});

test("should swipe with the arrow keys and undo with Z and Backspace", async ({ page, isMobile }) => {
  test.skip(isMobile, "keyboard shortcuts are a desktop feature");
  await openDeck(page);
  const a = await topId(page);
  await page.keyboard.press("ArrowRight");
  const b = await expectNewTop(page, a);
  await page.keyboard.press("ArrowLeft");
  const c = await expectNewTop(page, b);
  await page.keyboard.press("ArrowUp");
  await expectNewTop(page, c);
  await waitForSync(page);
  expect(await likedIds(page)).toEqual([
    { id: Number(c), action: "superlike" },
    { id: Number(a), action: "like" },
  ]);
  await page.keyboard.press("z");
  await expect(topCard(page)).toHaveAttribute("data-product-id", c);
  await page.keyboard.press("Backspace");
  await expect(topCard(page)).toHaveAttribute("data-product-id", b);
  await waitForSync(page);
  expect(await likedIds(page)).toEqual([{ id: Number(a), action: "like" }]);
});

test("should undo a like: the card comes back and leaves the likes list", async ({ page }) => {
  await openDeck(page);
  const a = await topId(page);
  await page.getByRole("button", { name: "Like", exact: true }).click();
  await expectNewTop(page, a);
  await waitForSync(page);
  expect((await likedIds(page)).map((l) => l.id)).toContain(Number(a));

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(topCard(page)).toHaveAttribute("data-product-id", a);
  await waitForSync(page);
  expect((await likedIds(page)).map((l) => l.id)).not.toContain(Number(a));
  await page.goto("/likes");
  await expect(page.getByTestId("likes-empty")).toBeVisible();
});

test("should super like with the star button", async ({ page }) => {
  await openDeck(page);
  const a = await topId(page);
  await page.getByRole("button", { name: "Super like" }).click();
  await expectNewTop(page, a);
  await waitForSync(page);
  expect(await likedIds(page)).toEqual([{ id: Number(a), action: "superlike" }]);
  await page.goto("/likes");
  await expect(page.getByTestId("liked-item").first()).toContainText("Super");
});

test("should open the detail sheet on tap with sizes, score components and similar items", async ({ page }) => {
  await openDeck(page);
  const id = await topId(page);
  const name = (await topCard(page).locator("h2").textContent()) ?? "";
  await topCard(page).click({ position: { x: 60, y: 120 } });
  const sheet = page.getByTestId("detail-sheet");
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("heading", { level: 2 })).toHaveText(name);
  await expect(sheet.getByText("Sizes")).toBeVisible();
  await expect(sheet.getByTestId("score-components").locator("li")).toHaveCount(5);
  await expect(sheet.getByTestId("similar-items").locator("li").first()).toBeVisible();
  await page.getByRole("button", { name: "Close details" }).click();
  await expect(sheet).toBeHidden();
  await expect(topCard(page)).toHaveAttribute("data-product-id", id);
});

test("should show what the profile learned, computed by the server", async ({ page }) => {
  await openDeck(page);
  const panel = page.getByTestId("learning-panel");
  await expect(panel).toContainText("0 swipes");
  for (let i = 0; i < 3; i++) {
    const id = await topId(page);
    await page.getByRole("button", { name: "Like", exact: true }).click();
    await expectNewTop(page, id);
  }
  await waitForSync(page);
  const profile = (await (await page.request.get("/api/profile")).json()) as { learning: { stage: string; exploration: number; weights: { content: number } } };
  await expect(panel).toContainText("3 swipes");
  await expect(page.getByTestId("learning-stage")).toHaveText(profile.learning.stage);
  await expect(page.getByTestId("learning-exploration")).toHaveText(`${Math.round(profile.learning.exploration * 100)}%`);
  await expect(page.getByTestId("learning-weights")).toContainText(`${Math.round(profile.learning.weights.content * 100)}%`);
});

test("should resume the deck at the same card after a refresh", async ({ page }) => {
  await openDeck(page);
  for (let i = 0; i < 2; i++) {
    const id = await topId(page);
    await page.getByRole("button", { name: "Pass", exact: true }).click();
    await expectNewTop(page, id);
  }
  const current = await topId(page);
  await page.reload();
  await expect(topCard(page)).toHaveAttribute("data-product-id", current);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(topCard(page)).not.toHaveAttribute("data-product-id", current);
});

test("should keep a swipe queued while the server fails and send it once when it recovers", async ({ page }) => {
  await openDeck(page);
  let failures = 0;
  const seen: string[] = [];
  await page.route("**/api/feedback", async (route) => {
    const body = route.request().postDataJSON() as { clientEventId: string };
    seen.push(body.clientEventId);
    if (failures < 2) {
      failures++;
      await route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: "temporarily unavailable" }) });
    } else await route.continue();
  });
  const a = await topId(page);
  await page.getByRole("button", { name: "Like", exact: true }).click();
  await expectNewTop(page, a);
  await waitForSync(page);
  expect(seen.length).toBe(3);
  expect(new Set(seen).size).toBe(1);
  expect(await likedIds(page)).toEqual([{ id: Number(a), action: "like" }]);
});

test("should skip the fly-out animation when the shopper prefers reduced motion", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openDeck(page);
  const id = await topId(page);
  await page.getByRole("button", { name: "Pass", exact: true }).click();
  await expectNewTop(page, id);
  // no card is left flying out: the swiped card is gone at once
  await expect(page.getByTestId("deck-card-leaving")).toHaveCount(0, { timeout: 150 });
});
