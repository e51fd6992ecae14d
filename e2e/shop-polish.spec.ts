// The small things shoppers notice: the install manifest and icons, the favicon, the 404
// page, the taste panel's empty state, the landing page's pictures on a phone, the
// compact quiz footer, 44 px tap targets and the "why this" line at 375x548.
import { expect, test, type Page } from "@playwright/test";
import { deckSettled, openDeck, quizByApi, topCard, waitForSync } from "./helpers";

/** Width and height from a PNG's IHDR chunk (bytes 16-23), or null when it is no PNG. */
function pngSize(buf: Buffer): { width: number; height: number } | null {
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  if (buf.length < 24 || sig.some((b, i) => buf[i] !== b)) return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

async function expectImage(page: Page, href: string, type: string, size?: number): Promise<void> {
  const res = await page.request.get(href);
  expect(res.status(), href).toBe(200);
  expect(res.headers()["content-type"], href).toContain(type);
  if (size !== undefined) expect(pngSize(await res.body()), href).toEqual({ width: size, height: size });
}

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

test("should link a web app manifest that opens the deck and whose icons load at their sizes", async ({ page }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  const m = (await res.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
  expect(m).toMatchObject({ name: expect.stringContaining("StyleNova"), short_name: "StyleNova", start_url: "/deck", display: "standalone" });
  expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const sizes = (purpose: string) => m.icons.filter((i) => (i.purpose ?? "any").split(" ").includes(purpose)).map((i) => i.sizes);
  expect(sizes("any")).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(sizes("maskable").length).toBeGreaterThan(0);
  for (const icon of m.icons) {
    expect(icon.type).toBe("image/png");
    await expectImage(page, icon.src, "image/png", Number(icon.sizes.split("x")[0]));
  }
});

test("should link an SVG favicon and a 180 px apple touch icon that load", async ({ page }) => {
  await page.goto("/deck");
  const svg = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(svg).toBeTruthy();
  await expectImage(page, svg!, "image/svg+xml");
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  expect(apple).toBeTruthy();
  await expectImage(page, apple!, "image/png", 180);
  await expectImage(page, "/favicon.ico", "image/");
});

test("should answer an unknown page with a styled 404 that leads back into the shop", async ({ page }) => {
  const res = await page.goto("/no-such-page-here");
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "StyleNova home" })).toHaveAttribute("href", "/");
  const deckLink = page.getByRole("link", { name: "Back to your deck" });
  // the shop's stylesheet applies: a filled, rounded brand button, not a default blue link
  const style = await deckLink.evaluate((el) => getComputedStyle(el));
  expect(style.backgroundColor).not.toBe("rgba(0, 0, 0, 0)");
  expect(Number.parseFloat(style.borderTopLeftRadius)).toBeGreaterThan(10);
  await deckLink.click();
  await expect(page).toHaveURL(/\/deck$/);
});

test("should tell a new shopper how to start a taste profile instead of loading forever", async ({ page }) => {
  await page.goto("/deck");
  await expect(page.getByTestId("deck-no-profile")).toBeVisible();
  const panel = page.getByTestId("learning-panel");
  await expect(panel).toHaveAttribute("data-state", "no-profile");
  await expect(panel.getByTestId("learning-empty")).toContainText("style quiz");
  await expect(panel).not.toContainText("Loading");
  await panel.getByRole("link", { name: "Start the style quiz" }).click();
  await expect(page).toHaveURL(/\/quiz$/);
});

test("should say calmly, once, that the server is unreachable without blaming the connection", async ({ page }) => {
  await openDeck(page);
  await page.route("**/api/feedback", (route) => route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: "upstream down" }) }));
  await page.getByRole("button", { name: "Like", exact: true }).click();
  const status = page.getByTestId("sync-status");
  await expect(status).toHaveText("We can't reach StyleNova right now. Your swipes are saved and will sync when we're back.");
  await expect(page.getByText("We can't reach StyleNova right now.")).toHaveCount(1);
  // visible, and not covered (by the phone tab bar or anything else)
  await expect(status).toBeInViewport({ ratio: 1 });
  expect(await status.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  })).toBe(true);
  await expect(page.locator("main")).not.toContainText(/offline|connection|upstream/i);
  await page.unroute("**/api/feedback");
  await waitForSync(page);
  await expect(status).toHaveCount(0);
});

test.describe("on a phone", { tag: "@phone-only" }, () => {
  test("should show real product pictures on the landing page", async ({ page }) => {
    await page.goto("/");
    const imgs = page.getByTestId("landing-strip").locator("img");
    expect(await imgs.count()).toBeGreaterThanOrEqual(3);
    for (const img of await imgs.all()) {
      await expect(img).toBeInViewport();
      // a catalog picture, through Next's image pipeline
      const src = new URL((await img.getAttribute("src")) ?? "", page.url());
      expect(src.searchParams.get("url") ?? src.pathname).toMatch(/^\/media\//);
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(50);
    }
  });

  test("should keep the quiz footer compact, with the tab bar out of the way", async ({ page }) => {
    await page.goto("/quiz");
    await expect(page.getByTestId("quiz-choice").first()).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    const footer = (await page.getByTestId("quiz-footer").boundingBox())!;
    const vh = page.viewportSize()!.height;
    expect(footer.height).toBeLessThanOrEqual(90);
    expect(footer.y + footer.height).toBeCloseTo(vh, 0);
    // the last choice scrolls clear of the footer, so every option stays usable
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = (await page.getByTestId("quiz-choice").last().boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(footer.y);
  });

  test("should keep every control on the deck, quiz and likes pages at least 44 px", async ({ page }) => {
    await openDeck(page);
    await expectTapTargets(page, "deck");
    await page.getByRole("button", { name: "Like", exact: true }).click();
    await waitForSync(page);
    await page.goto("/likes");
    await expect(page.getByTestId("liked-item").first()).toBeVisible();
    await expectTapTargets(page, "likes");
    await page.goto("/quiz");
    await expect(page.getByTestId("quiz-choice").first()).toBeVisible();
    for (let step = 1; step <= 6; step++) {
      await expect(page.getByTestId("quiz-progress")).toHaveText(`Step ${step} of 6`);
      await expectTapTargets(page, `quiz step ${step}`);
      if (step < 6) await page.getByRole("button", { name: "Skip" }).click();
    }
  });

  test("should keep the taste panel heading clear of the tab bar", async ({ page }) => {
    await openDeck(page);
    const heading = page.getByRole("heading", { name: "Your taste profile" });
    const nav = page.getByRole("navigation", { name: "Main" }).last();
    const tabBar = (await nav.boundingBox())!;
    // first view: the deck fills the screen and the panel starts below it, not half under the bar,
    // and the bar is opaque, so the heading does not ghost through it
    expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual(tabBar.y);
    const alpha = await nav.evaluate((n) => {
      const bg = getComputedStyle(n).backgroundColor;
      const m = /\/\s*([\d.]+)\s*\)$/.exec(bg) ?? /^rgba\(.*,\s*([\d.]+)\)$/.exec(bg);
      return m ? Number(m[1]) : 1;
    });
    expect(alpha).toBe(1);
    // brought into view from below (as focus or a link would), it stops above the tab bar
    await heading.evaluate((h) => h.scrollIntoView({ block: "end" }));
    const box = (await heading.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(tabBar.y);
    // and nothing covers it: the topmost element at its centre is the heading itself
    const hit = await heading.evaluate((h) => {
      const r = h.getBoundingClientRect();
      return h.contains(document.elementFromPoint(r.left + 20, r.top + r.height / 2));
    });
    expect(hit).toBe(true);
  });

  test("should show the whole 'why this' line on a 375x548 screen", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 548 });
    await quizByApi(page);
    await page.goto("/deck");
    await deckSettled(page);
    const why = topCard(page).getByTestId("card-why");
    await expect(why).toBeVisible();
    const card = (await topCard(page).boundingBox())!;
    const box = (await why.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(card.y);
    expect(box.y + box.height).toBeLessThanOrEqual(card.y + card.height);
    const tabBar = (await page.getByRole("navigation", { name: "Main" }).last().boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(tabBar.y);
    // no clipped text: the line shows all of itself (no overflow, no ellipsis clamp)
    const clipped = await why.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
    expect(clipped).toBe(false);
  });

  test("should fit the admin dashboard on a 375 px screen", async ({ page }) => {
    const r = await page.request.post("/api/admin/login", { data: { token: process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-123" } });
    expect(r.status()).toBe(200);
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "Performance" })).toBeVisible();
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
  });
});

/** Every visible button, link and choice in the header, main content and tab bar is at least 44x44 CSS px. */
async function expectTapTargets(page: Page, label: string): Promise<void> {
  const small = await page.evaluate(() => {
    const scope = "header, main, nav";
    const els = [...document.querySelectorAll<HTMLElement>(`:is(${scope}) :is(button, a[href], label:has(> input[type=checkbox]), label:has(> input[type=radio]), input:not([type=checkbox]):not([type=radio]):not([type=file]))`)];
    return els
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && !el.closest("[aria-hidden=true], dialog:not([open])");
      })
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 43.5 || r.height < 43.5)
      .map(({ el, r }) => `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
  });
  expect(small, `${label}: controls under 44 px`).toEqual([]);
}
