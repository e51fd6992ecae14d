// Product pictures: the deck card shows the whole item with its text below (not over) it,
// pictures are shown whole (contain) and come through Next's image pipeline sized for the
// device (2x on a phone) as AVIF or WebP. Assertion-based: bounding boxes and responses.
import { expect, test, type Page } from "@playwright/test";
import { openDeck, topCard } from "./helpers";

const topImage = (page: Page) => topCard(page).locator("img[data-product-image]");

test.describe("product pictures", () => {
  test("the deck card's text sits below the picture, never over it", async ({ page }) => {
    await openDeck(page);
    const imageBox = (await topCard(page).getByTestId("card-image").boundingBox())!;
    const textBox = (await topCard(page).getByTestId("card-text").boundingBox())!;
    expect(imageBox.height).toBeGreaterThan(150);
    expect(textBox.y).toBeGreaterThanOrEqual(imageBox.y + imageBox.height - 1); // no overlap
    const img = topImage(page);
    await expect(img).toHaveCSS("object-fit", "contain");
    const imgBox = (await img.boundingBox())!;
    expect(imgBox.y + imgBox.height).toBeLessThanOrEqual(textBox.y + 1);
    // the first card's picture is fetched eagerly, with high priority
    await expect(img).not.toHaveAttribute("loading", "lazy");
    await expect(img).toHaveAttribute("fetchpriority", "high");
  });

  test("pictures come from /_next/image at 2x for the phone, as AVIF or WebP @phone-only", async ({ page }) => {
    const served: { url: string; type: string }[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/_next/image")) served.push({ url: r.url(), type: r.headers()["content-type"] ?? "" });
    });
    await openDeck(page);
    const img = topImage(page);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    const current = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
    const url = new URL(current);
    expect(url.pathname).toBe("/_next/image");
    expect(url.searchParams.get("url")).toMatch(/^\/media\/products\//);
    const cssWidth = (await img.boundingBox())!.width;
    const w = Number(url.searchParams.get("w"));
    expect(w).toBeGreaterThanOrEqual(Math.floor(cssWidth * 2)); // sharp at DPR 2
    expect(w).toBeLessThanOrEqual(1024);
    await expect.poll(() => served.find((s) => current.endsWith(new URL(s.url).search))?.type ?? "").toMatch(/^image\/(avif|webp)$/);
    // the pipeline negotiates the format from the Accept header
    const webp = await page.request.get(`/_next/image?url=${encodeURIComponent(url.searchParams.get("url")!)}&w=750&q=75`, { headers: { accept: "image/webp,*/*" } });
    expect(webp.status()).toBe(200);
    expect(webp.headers()["content-type"]).toBe("image/webp");
  });

  test("the detail sheet shows the whole picture @phone-only", async ({ page }) => {
    await openDeck(page);
    await page.getByTestId("card-details").click();
    const sheet = page.getByTestId("detail-sheet");
    await expect(sheet).toBeVisible();
    const img = sheet.locator("img[data-product-image]").first();
    await expect(img).toHaveCSS("object-fit", "contain");
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => new URL(el.currentSrc || el.src).pathname)).toBe("/_next/image");
  });
});
