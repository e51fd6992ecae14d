// Word search on /search against the seeded bundled catalog: a query read as chips (type,
// colour, price) with only matching results, a removed chip widening them, a filter
// narrowing them, a price sort, paging, the URL as the state (reload, back), and the
// message for an empty or too long query. Assertions read the tiles on screen.
import { expect, test, type Locator, type Page } from "@playwright/test";

interface Tile {
  id: string;
  type: string;
  gender: string;
  cents: number;
}

const hits = (page: Page) => page.getByTestId("search-hit");
const count = (page: Page) => page.getByTestId("search-count");

/** The answer for the URL on screen is rendered (no navigation in flight). */
async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId("search-body")).toHaveAttribute("data-pending", "false");
}

async function total(page: Page): Promise<number> {
  await settled(page);
  return Number(await count(page).getAttribute("data-total"));
}

async function tiles(page: Page): Promise<Tile[]> {
  await settled(page);
  return hits(page).evaluateAll((els) =>
    els.map((e) => {
      const d = (e as HTMLElement).dataset;
      return { id: d.productId ?? "", type: d.articleType ?? "", gender: d.gender ?? "", cents: Number(d.priceCents) };
    }),
  );
}

async function searchFor(page: Page, q: string): Promise<void> {
  await page.getByRole("searchbox", { name: "Search the catalog" }).fill(q);
  await page.getByRole("button", { name: "Search", exact: true }).click();
}

/** The filters: the side column on desktop, the sheet (opened here) on phones. */
async function openFilters(page: Page, isMobile: boolean): Promise<Locator> {
  if (!isMobile) return page.getByTestId("filter-aside");
  await page.getByTestId("open-filters").click();
  const sheet = page.getByTestId("filter-sheet");
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("button", { name: "Close filters" })).toBeFocused();
  return sheet;
}

const nonDecreasing = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] <= x);

test("should read a query's type, colour and price as chips, show only matching results, and widen them when a chip is removed", async ({ page }) => {
  await page.goto("/search");
  await searchFor(page, "white sneakers under 150");
  await expect(page).toHaveURL(/\/search\?q=white\+sneakers\+under\+150$/);

  const chips = page.getByTestId("understood-chip");
  await expect(chips.filter({ hasText: /sneakers/i })).toHaveCount(1);
  await expect(chips.filter({ hasText: /white/i })).toHaveCount(1);
  await expect(chips.filter({ hasText: "under $150" })).toHaveCount(1);

  const narrow = await total(page);
  const first = await tiles(page);
  expect(first.length).toBeGreaterThan(2);
  expect(first.length).toBe(Math.min(narrow, 24));
  for (const t of first) {
    expect(t.type).toBe("Sneakers");
    expect(t.cents).toBeLessThan(150_00);
  }
  await expect(hits(page).first().getByTestId("hit-why")).not.toHaveText(/%/);

  // removing the price chip: its words are searched as words, the price limit goes
  await page.getByRole("button", { name: "Remove under $150" }).click();
  await expect(page).toHaveURL(/[?&]drop=/);
  await expect(chips.filter({ hasText: "under $150" })).toHaveCount(0);
  await expect(count(page)).toBeFocused();
  const wide = await total(page);
  expect(wide).toBeGreaterThan(narrow);
  const widened = await tiles(page);
  for (const t of widened) expect(t.type).toBe("Sneakers");
  expect(widened.some((t) => t.cents >= 150_00)).toBe(true);

  // the URL is the state: a reload shows the same answer
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  expect(await total(page)).toBe(wide);
  expect((await tiles(page)).map((t) => t.id)).toEqual(widened.map((t) => t.id));
  await expect(page.getByRole("searchbox", { name: "Search the catalog" })).toHaveValue("white sneakers under 150");

  // back: the chip and the narrow results return
  await page.goBack();
  await expect(page).toHaveURL(/\/search\?q=white\+sneakers\+under\+150$/);
  await expect(chips.filter({ hasText: "under $150" })).toHaveCount(1);
  expect(await total(page)).toBe(narrow);
});

test("should narrow the results with a filter, keep it in the URL, and clear it", async ({ page, isMobile }) => {
  await page.goto("/search?q=sneakers");
  const all = await total(page);
  expect(all).toBeGreaterThan(5);

  let panel = await openFilters(page, isMobile);
  const women = panel.getByTestId("facet-gender").getByRole("checkbox", { name: /^Women\b/ });
  await expect(women).toHaveAttribute("data-count", /^\d+$/);
  const expected = Number(await women.getAttribute("data-count"));
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(all);
  await women.check();
  await expect(page).toHaveURL(/[?&]gender=women(&|$)/i);
  await expect(women).toBeChecked();
  const narrowed = await total(page);
  expect(narrowed).toBe(expected);
  for (const t of await tiles(page)) {
    expect(t.type).toBe("Sneakers");
    expect(t.gender.toLowerCase()).toBe("women");
  }

  if (isMobile) {
    await panel.getByTestId("show-results").click();
    await expect(panel).toBeHidden();
    await expect(page.getByTestId("open-filters")).toBeFocused();
    await expect(page.getByTestId("open-filters")).toHaveText("Filters (1)");
  }
  await expect(page.getByTestId("filter-chip")).toHaveText(["Women"]);

  await page.reload();
  expect(await total(page)).toBe(narrowed);

  panel = await openFilters(page, isMobile);
  await expect(panel.getByTestId("facet-gender").getByRole("checkbox", { name: /^Women\b/ })).toBeChecked();
  await panel.getByTestId("clear-filters").click();
  await expect(page).toHaveURL(/\/search\?q=sneakers$/);
  expect(await total(page)).toBe(all);
});

test("should narrow by a typed price range", async ({ page, isMobile }) => {
  await page.goto("/search?q=jeans");
  const all = await total(page);
  const panel = await openFilters(page, isMobile);
  await panel.getByRole("textbox", { name: "Min price" }).fill("60");
  await panel.getByRole("textbox", { name: "Max price" }).fill("120");
  await panel.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]min=60&max=120(&|$)/);
  const inRange = await total(page);
  expect(inRange).toBeGreaterThan(0);
  expect(inRange).toBeLessThan(all);
  for (const t of await tiles(page)) {
    expect(t.cents).toBeGreaterThanOrEqual(60_00);
    expect(t.cents).toBeLessThanOrEqual(120_00);
  }
});

test("should sort by price, page through, and keep both in the URL", async ({ page }) => {
  await page.goto("/search?q=jeans");
  const all = await total(page);
  expect(all).toBeGreaterThan(24);

  await page.getByRole("combobox", { name: "Sort" }).selectOption("price-asc");
  await expect(page).toHaveURL(/[?&]sort=price-asc(&|$)/);
  const page1 = await tiles(page);
  expect(page1).toHaveLength(24);
  expect(nonDecreasing(page1.map((t) => t.cents))).toBe(true);

  await page.getByTestId("page-next").click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(page.getByTestId("page-status")).toHaveText(`Page 2 of ${Math.ceil(all / 24)}`);
  const page2 = await tiles(page);
  expect(page2).toHaveLength(Math.min(24, all - 24));
  expect(nonDecreasing([page1.at(-1)!.cents, ...page2.map((t) => t.cents)])).toBe(true);
  expect(page2.some((t) => page1.some((u) => u.id === t.id))).toBe(false);

  await page.reload();
  expect((await tiles(page)).map((t) => t.id)).toEqual(page2.map((t) => t.id));
  await expect(page.getByRole("combobox", { name: "Sort" })).toHaveValue("price-asc");

  await page.getByRole("combobox", { name: "Sort" }).selectOption("price-desc");
  await expect(page).toHaveURL(/[?&]sort=price-desc(&|$)/);
  await expect(page).not.toHaveURL(/[?&]page=/);
  const desc = (await tiles(page)).map((t) => t.cents);
  expect(nonDecreasing([...desc].reverse())).toBe(true);
  expect(desc[0]).toBeGreaterThanOrEqual(page2.at(-1)!.cents);
});

test("should say what to type for an empty query and name the limit for a long one", async ({ page }) => {
  await page.goto("/search");
  await searchFor(page, "   ");
  const error = page.getByTestId("search-error");
  await expect(error).toBeVisible();
  await expect(error).toContainText(/type what you are looking for/i);
  await expect(page.getByRole("searchbox", { name: "Search the catalog" })).toHaveAttribute("aria-invalid", "true");
  await expect(hits(page)).toHaveCount(0);

  await searchFor(page, "the and of");
  await expect(page).toHaveURL(/q=the\+and\+of/);
  await expect(error).toContainText(/type what you are looking for/i);

  await searchFor(page, "red ".repeat(60));
  await expect(error).toContainText("200");

  // a real query clears the message
  await searchFor(page, "boots");
  await expect(hits(page).first()).toBeVisible();
  await expect(error).toHaveCount(0);
});
