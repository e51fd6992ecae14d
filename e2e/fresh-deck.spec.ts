// Fresh decks: a product the admin hides leaves an open deck within one card refill (and
// one the admin renames shows its new name), and
// a like on a product hidden between display and swipe is kept in the likes as "No longer
// available" (never silently dropped). The admin acts through its API with the e2e admin
// token in a request context of its own; every change is reverted afterwards.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { deck, expectNewTop, likedIds, openDeck, topCard, topId, waitForSync } from "./helpers";

const TOKEN = process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-123";
const KEEP = 5; // app/_store/use-deck-refill.ts: a refill starts below this many cards

let undo: { id: number; patch: Record<string, unknown> }[] = [];

/** PATCH a product as the admin; returns the product as it was before. */
async function adminPatch(request: APIRequestContext, id: number, patch: Record<string, unknown>): Promise<{ name: string; hidden: boolean }> {
  const login = await request.post("/api/admin/login", { data: { token: TOKEN } });
  expect(login.status()).toBe(200);
  const before = (await (await request.get(`/api/admin/products/${id}`)).json()) as { name: string; hidden: boolean };
  const r = await request.patch(`/api/admin/products/${id}`, { data: patch });
  expect(r.status(), await r.text()).toBe(200);
  return before;
}

async function setHidden(request: APIRequestContext, id: number, value: boolean): Promise<void> {
  await adminPatch(request, id, { hidden: value });
  if (value) undo.push({ id, patch: { hidden: false } });
}

/** The deck buffer's product ids as persisted (written shortly after each change). */
async function storedBuffer(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const raw = localStorage.getItem("stylenova-shop");
    const state = raw ? (JSON.parse(raw) as { state?: { buffer?: { product: { id: number } }[] } }).state : undefined;
    return (state?.buffer ?? []).map((c) => c.product.id);
  });
}

/** The persisted buffer once it matches what the deck shows (same length, same top card). */
async function settledBuffer(page: Page): Promise<number[]> {
  let ids: number[] = [];
  await expect
    .poll(async () => {
      ids = await storedBuffer(page);
      return ids.length >= KEEP + 1 && ids.length === Number(await deck(page).getAttribute("data-buffer")) && String(ids[0]) === (await topId(page));
    })
    .toBe(true);
  return ids;
}

async function pass(page: Page): Promise<string> {
  const before = await topId(page);
  await page.getByRole("button", { name: "Pass", exact: true }).click();
  return expectNewTop(page, before);
}

test.afterEach(async ({ request }) => {
  for (const u of undo) await adminPatch(request, u.id, u.patch);
  undo = [];
});

test("should drop a product the admin hides from an open deck within one refill, and show an edit", async ({ page, request }) => {
  await openDeck(page);
  const ids = await settledBuffer(page);
  const victim = ids[ids.length - 1]; // the last card held: several swipes away from the top
  const edited = ids[ids.length - 2];
  await setHidden(request, victim, true);
  const renamed = `Freshly Renamed ${edited}`;
  const was = await adminPatch(request, edited, { name: renamed });
  undo.push({ id: edited, patch: { name: was.name } });

  // swipe until the buffer drops below KEEP (one refill starts); the victim is still behind the top
  for (let i = 0; i < ids.length - KEEP + 1; i++) {
    expect(await topId(page)).not.toBe(String(victim));
    await pass(page);
  }
  await expect.poll(() => storedBuffer(page)).not.toContain(victim);
  await expect.poll(async () => Number(await deck(page).getAttribute("data-buffer"))).toBeGreaterThanOrEqual(KEEP);
  // it never comes up, and the renamed card shows its new name in its old place
  let sawEdited = false;
  for (let i = 0; i < KEEP; i++) {
    await expect(topCard(page)).not.toHaveAttribute("data-product-id", String(victim));
    if ((await topId(page)) === String(edited)) {
      sawEdited = true;
      await expect(topCard(page)).toContainText(renamed);
    }
    await pass(page);
  }
  expect(sawEdited).toBe(true);
  await waitForSync(page);
});

test("should keep a like on a product hidden between display and swipe", async ({ page, request }) => {
  await openDeck(page);
  const shown = Number(await topId(page));
  await setHidden(request, shown, true);

  await page.getByRole("button", { name: "Like", exact: true }).click();
  await expectNewTop(page, String(shown));
  await waitForSync(page);
  const res = await page.request.get("/api/likes");
  const items = ((await res.json()) as { items: { product: { id: number }; action: string; available: boolean }[] }).items;
  expect(items.map((i) => ({ id: i.product.id, action: i.action, available: i.available }))).toContainEqual({ id: shown, action: "like", available: false });
  expect((await likedIds(page)).map((l) => l.id)).toContain(shown);

  await page.goto("/likes");
  const tile = page.locator(`[data-testid="liked-item"][data-product-id="${shown}"]`);
  await expect(tile).toBeVisible();
  await expect(tile).toHaveAttribute("data-available", "false");
  await expect(tile.getByTestId("unavailable-badge")).toHaveText(/No longer available/i);
  await expect(tile.locator("a[href]")).toHaveCount(0); // no way to a product page or a buy flow
});
