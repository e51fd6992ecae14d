// Photo search: a real product picture from the seeded catalog, pasted with sharp onto a busy
// background, is picked as a photo; the crop box is dragged onto the item (touch on the phone,
// mouse on desktop); "Search this area" shows "Closest matches" without a percentage, the
// product itself among the first hits; a type chip narrows the hits; a hit opens /p/<id>; the
// crop and results states have no serious axe violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";
import { touchDragAt } from "./helpers";

interface Product {
  id: number;
  articleType: string;
  imageUrl: string | null;
}

const SCENE = { width: 900, height: 1200 };
const ITEM = { left: 380, top: 430, width: 440 };

/** A busy scene (stripes and blobs of many colours) with the picture pasted at ITEM. */
async function busyPhoto(picture: Buffer): Promise<{ jpeg: Buffer; item: { left: number; top: number; width: number; height: number } }> {
  const item = await sharp(picture).resize({ width: ITEM.width }).jpeg().toBuffer();
  const height = (await sharp(item).metadata()).height ?? 0;
  const stripes = Array.from({ length: 22 }, (_, i) => `<rect x="${i * 45}" y="-200" width="24" height="1600" fill="hsl(${(i * 47) % 360} 70% 50%)" transform="rotate(${(i % 5) * 8} 450 600)"/>`).join("");
  const blobs = Array.from({ length: 28 }, (_, i) => `<circle cx="${(i * 137) % SCENE.width}" cy="${(i * 211) % SCENE.height}" r="${20 + ((i * 13) % 50)}" fill="hsl(${(i * 83) % 360} 60% ${30 + (i % 4) * 12}%)"/>`).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SCENE.width}" height="${SCENE.height}"><rect width="100%" height="100%" fill="#5d4a2e"/>${stripes}${blobs}</svg>`;
  const jpeg = await sharp(Buffer.from(svg)).composite([{ input: item, left: ITEM.left, top: ITEM.top }]).jpeg({ quality: 88 }).toBuffer();
  return { jpeg, item: { left: ITEM.left, top: ITEM.top, width: ITEM.width, height } };
}

/** Drag from the centre of `handle` by (dx, dy) with the project's pointer. */
async function drag(page: Page, handle: Locator, dx: number, dy: number, touch: boolean): Promise<void> {
  // fails if the handle is off screen or covered by another element
  await handle.hover({ trial: true });
  const box = (await handle.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (touch) {
    const cdp = await page.context().newCDPSession(page);
    await touchDragAt(cdp, x, y, dx, dy, 12);
    await cdp.detach();
  } else {
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 6 });
    await page.mouse.move(x + dx, y + dy, { steps: 6 });
    await page.mouse.up();
  }
}

async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include("[data-testid=photo-search]").analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`), label).toEqual([]);
}

test("should search by a cropped photo and narrow the closest matches by type", async ({ page, isMobile }) => {
  // a product picture of the seeded catalog, of a type with company in the catalog
  const list = await page.request.get("/api/products?limit=100");
  expect(list.status()).toBe(200);
  const products = ((await list.json()) as { items: Product[] }).items.filter((p) => p.imageUrl);
  const counts = new Map<string, number>();
  products.forEach((p) => counts.set(p.articleType, (counts.get(p.articleType) ?? 0) + 1));
  const target = products.find((p) => (counts.get(p.articleType) ?? 0) >= 3) ?? products[0];
  const picture = await page.request.get(target.imageUrl!);
  expect(picture.status()).toBe(200);
  const { jpeg, item } = await busyPhoto(await picture.body());

  await page.goto("/search");
  if (isMobile) await expect(page.getByText("Take a photo")).toBeVisible();
  await page.getByTestId("photo-input").setInputFiles({ name: "street.jpg", mimeType: "image/jpeg", buffer: jpeg });
  const image = page.getByTestId("photo-crop-image");
  await expect(image).toBeVisible();
  await expect(image).toHaveJSProperty("complete", true);
  await expect(page.getByRole("button", { name: "Search this area" })).toBeInViewport();
  await expectNoSeriousViolations(page, "crop box");

  // drag the corners onto the pasted picture (a few px inside its edges); positions are
  // measured against the shown photo, so a page scroll during a drag cannot skew them
  const selection = page.locator(".ReactCrop__crop-selection");
  const inset = 6;
  const place = async () => {
    const shown = (await image.boundingBox())!;
    const sx = shown.width / SCENE.width;
    const sy = shown.height / SCENE.height;
    const sel = (await selection.boundingBox())!;
    return {
      sel: { x0: sel.x - shown.x, y0: sel.y - shown.y, x1: sel.x + sel.width - shown.x, y1: sel.y + sel.height - shown.y },
      want: { x0: item.left * sx + inset, y0: item.top * sy + inset, x1: (item.left + item.width) * sx - inset, y1: (item.top + item.height) * sy - inset },
    };
  };
  let p = await place();
  await drag(page, page.getByRole("button", { name: "Top-left corner of the search area" }), p.want.x0 - p.sel.x0, p.want.y0 - p.sel.y0, isMobile);
  p = await place();
  expect(Math.abs(p.sel.x0 - p.want.x0)).toBeLessThan(8);
  expect(Math.abs(p.sel.y0 - p.want.y0)).toBeLessThan(8);
  await drag(page, page.getByRole("button", { name: "Bottom-right corner of the search area" }), p.want.x1 - p.sel.x1, p.want.y1 - p.sel.y1, isMobile);
  p = await place();
  expect(Math.abs(p.sel.x1 - p.want.x1)).toBeLessThan(8);
  expect(Math.abs(p.sel.y1 - p.want.y1)).toBeLessThan(8);

  await page.getByRole("button", { name: "Search this area" }).click();
  const results = page.getByTestId("photo-results");
  await expect(results.getByRole("heading", { name: "Closest matches" })).toBeVisible();
  await expect(results).not.toContainText("%");
  const hits = page.getByTestId("photo-hit");
  expect(await hits.count()).toBeGreaterThan(10);
  const firstIds = await hits.evaluateAll((els) => els.slice(0, 5).map((e) => Number(e.getAttribute("data-product-id"))));
  expect(firstIds).toContain(target.id);
  await expectNoSeriousViolations(page, "results");

  // narrow by a type chip: every hit left has that type, as many as the chip said
  const chips = page.getByTestId("photo-type-chip");
  const chip = chips.nth(2); // "All" is first; the second type, so narrowing changes the list
  await expect(chip).toBeVisible();
  const type = (await chip.getAttribute("data-type"))!;
  const count = Number(await chip.locator("span").innerText());
  const before = await hits.count();
  await chip.click();
  await expect(chip).toHaveAttribute("aria-pressed", "true");
  await expect(hits).toHaveCount(count);
  expect(count).toBeLessThan(before);
  const types = await page.locator("[data-article-type]").evaluateAll((els) => els.map((e) => e.getAttribute("data-article-type")));
  expect(new Set(types)).toEqual(new Set([type]));
  await chips.first().click();
  await expect(hits).toHaveCount(before);

  // a hit opens its product page
  const id = await hits.first().getAttribute("data-product-id");
  await hits.first().getByTestId("product-link").click();
  await expect(page).toHaveURL(new RegExp(`/p/${id}$`));
});

test("should say so when the picked file is not a readable photo", async ({ page }) => {
  await page.goto("/search");
  await page.getByTestId("photo-input").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a photo") });
  await expect(page.getByTestId("photo-pick-error")).toContainText("Choose a photo");
  await page.getByTestId("photo-input").setInputFiles({ name: "broken.jpg", mimeType: "image/jpeg", buffer: Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]) });
  await expect(page.getByTestId("photo-pick-error")).toContainText("couldn't read that photo");
});
