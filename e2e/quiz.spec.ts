// The six-step style quiz: validation, skip, persistence across a refresh, and
// submitting into the deck.
import { expect, test, type Page } from "@playwright/test";
import { topCard } from "./helpers";

const next = (page: Page) => page.getByRole("button", { name: "Next", exact: true });
const progress = (page: Page) => page.getByTestId("quiz-progress");
// Shoppers click the visual tile / swatch (the label); the checkbox inside toggles.
const tile = (page: Page, name: string) => page.getByTestId("quiz-choice").filter({ hasText: name });
const swatch = (page: Page, name: string) => page.getByTestId("quiz-swatch").filter({ hasText: new RegExp(`^${name}$`) });

test("should take the six-step quiz with validation and land on the deck", async ({ page }) => {
  await page.goto("/quiz");
  await expect(progress(page)).toHaveText("Step 1 of 6");
  await next(page).click();
  await expect(page.getByTestId("quiz-error")).toContainText("Choose at least one category");
  await tile(page, "Dresses").click();
  await tile(page, "Sneakers").click();
  await expect(page.getByRole("checkbox", { name: /Dresses/ })).toBeChecked();
  await next(page).click();

  await expect(progress(page)).toHaveText("Step 2 of 6");
  await swatch(page, "Black").click();
  await expect(page.getByRole("checkbox", { name: "Black", exact: true })).toBeChecked();
  await next(page).click();

  await expect(progress(page)).toHaveText("Step 3 of 6");
  await page.getByRole("button", { name: "Skip" }).click();

  await expect(progress(page)).toHaveText("Step 4 of 6");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(progress(page)).toHaveText("Step 3 of 6");
  await page.getByRole("button", { name: "Skip" }).click();
  await tile(page, "Casual").click();
  await next(page).click();

  await expect(progress(page)).toHaveText("Step 5 of 6");
  await next(page).click();

  await expect(progress(page)).toHaveText("Step 6 of 6");
  await page.getByLabel("Minimum (USD)").fill("500");
  await page.getByLabel("Maximum (USD)").fill("40");
  await page.getByRole("button", { name: "See my deck" }).click();
  await expect(page.getByTestId("quiz-error")).toHaveText("The minimum can't be more than the maximum.");
  await page.getByLabel("Minimum (USD)").fill("");
  await page.getByLabel("Maximum (USD)").fill("");
  await page.getByRole("button", { name: "See my deck" }).click();

  await expect(page).toHaveURL(/\/deck$/);
  await expect(topCard(page)).toBeVisible();
  const profile = await (await page.request.get("/api/profile")).json();
  expect(profile.quiz.categories).toEqual(["Dresses", "Sneakers"]);
  expect(profile.quiz.colours).toEqual(["black"]);
  expect(profile.quiz.styles).toEqual(["casual"]);
});

test("should resume the quiz at the same step with the same answers after a refresh", async ({ page }) => {
  await page.goto("/quiz");
  await tile(page, "Coats").click();
  await next(page).click();
  await swatch(page, "Navy").click();
  await next(page).click();
  await expect(progress(page)).toHaveText("Step 3 of 6");

  await page.reload();
  await expect(progress(page)).toHaveText("Step 3 of 6");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByRole("checkbox", { name: "Navy", exact: true })).toBeChecked();
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByRole("checkbox", { name: /Coats/ })).toBeChecked();
});

test("should offer Retake quiz from the menu", async ({ page }) => {
  await page.request.post("/api/quiz", { data: { colours: ["black"] } });
  await page.goto("/deck");
  await expect(topCard(page)).toBeVisible();
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("button", { name: "Retake quiz" }).click();
  await expect(page).toHaveURL(/\/quiz$/);
  await expect(progress(page)).toHaveText("Step 1 of 6");
});

test("should group sizes under labelled headings derived from the catalog", async ({ page }) => {
  await page.goto("/quiz");
  for (const step of [1, 2, 3, 4]) {
    await expect(progress(page)).toHaveText(`Step ${step} of 6`);
    await page.getByRole("button", { name: "Skip" }).click();
  }
  await expect(progress(page)).toHaveText("Step 5 of 6");
  const clothing = page.getByRole("group", { name: /^Clothing \(XS–XL\)/ });
  const waist = page.getByRole("group", { name: /^Waist \(26–36\)/ });
  const shoes = page.getByRole("group", { name: /^Shoes \(EU 36–45\)/ });
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(3);
  await expect(clothing.getByRole("checkbox", { name: "M", exact: true })).toBeVisible();
  await expect(waist.getByRole("checkbox", { name: "30", exact: true })).toBeVisible();
  await expect(shoes.getByRole("checkbox", { name: "42", exact: true })).toBeVisible();
  await expect(clothing.getByRole("checkbox", { name: "42", exact: true })).toHaveCount(0);
});

test("should keep colours with few products under a keyboard-usable More disclosure", async ({ page }) => {
  // the bundled catalog has no rare values: add one to the real options response
  await page.route("**/api/quiz/options", async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.colours.push({ value: "magenta", count: 1 });
    await route.fulfill({ response, json });
  });
  await page.goto("/quiz");
  await page.getByRole("button", { name: "Skip" }).click();
  await expect(progress(page)).toHaveText("Step 2 of 6");
  await expect(swatch(page, "Black")).toBeVisible();
  await expect(swatch(page, "Magenta")).toHaveCount(0);
  const more = page.getByRole("button", { name: /More colours/ });
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(more).toHaveAttribute("aria-expanded", "true");
  const magenta = page.getByRole("checkbox", { name: "Magenta", exact: true });
  await magenta.focus();
  await page.keyboard.press("Space");
  await expect(magenta).toBeChecked();
  await page.keyboard.press("Shift+Tab");
  await expect(more).toBeFocused();
  await page.keyboard.press("Space");
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await expect(magenta).toBeHidden();
  // coming back to the step, the chosen rare colour is shown up front
  await next(page).click();
  await expect(progress(page)).toHaveText("Step 3 of 6");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByRole("checkbox", { name: "Magenta", exact: true })).toBeChecked();
  await expect(page.getByRole("button", { name: /More colours/ })).toHaveCount(0);
});
