// Shared e2e helpers: take the quiz (UI or API), read and swipe the deck (keys, buttons,
// mouse drag, real touch drag via CDP), wait for the feedback queue, keep screenshots.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { expect, type CDPSession, type Locator, type Page, type TestInfo } from "@playwright/test";

export const QUIZ = { categories: ["Dresses", "Sneakers", "Coats", "Handbags"], colours: ["black"], brands: [], styles: [], gender: null, sizes: [], budget: { minCents: null, maxCents: null } };

export const deck = (page: Page) => page.getByTestId("deck");
export const topCard = (page: Page) => page.getByTestId("swipe-card");

export async function quizByApi(page: Page, quiz: object = QUIZ): Promise<void> {
  const res = await page.request.post("/api/quiz", { data: quiz });
  expect(res.status(), await res.text()).toBe(200);
}

/** Open the deck with a profile made through the API; resolves once a card is on top. */
export async function openDeck(page: Page, quiz: object = QUIZ): Promise<void> {
  await quizByApi(page, quiz);
  await page.goto("/deck");
  await deckSettled(page);
}

/**
 * The deck is on screen and its drag code has loaded: the cards' surfaces are swapped for
 * draggable ones once, after the first view, so measure boxes only after this.
 */
export async function deckSettled(page: Page): Promise<void> {
  await expect(topCard(page)).toBeVisible();
  await expect(deck(page)).toHaveAttribute("data-drag", "ready");
}

export async function topId(page: Page): Promise<string> {
  return (await topCard(page).getAttribute("data-product-id")) ?? "";
}

export async function topColour(page: Page): Promise<string> {
  return (await topCard(page).getAttribute("data-colour")) ?? "";
}

/** Wait until the card on top is a different product than `before`. */
export async function expectNewTop(page: Page, before: string): Promise<string> {
  await expect(topCard(page)).not.toHaveAttribute("data-product-id", before);
  return topId(page);
}

/** Every swipe and undo has reached the server. */
export async function waitForSync(page: Page): Promise<void> {
  await expect(deck(page)).toHaveAttribute("data-pending", "0", { timeout: 20_000 });
}

export async function likedIds(page: Page): Promise<{ id: number; action: string }[]> {
  const res = await page.request.get("/api/likes");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { items: { product: { id: number }; action: string }[] };
  return body.items.map((i) => ({ id: i.product.id, action: i.action }));
}

/** Drag the top card with the mouse (pointer events) by dx, dy. */
export async function mouseDrag(page: Page, card: Locator, dx: number, dy: number): Promise<void> {
  const box = (await card.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 3, y + dy / 3, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

/** A real touch drag from (x, y) by (dx, dy) through CDP Input.dispatchTouchEvent. */
export async function touchDragAt(cdp: CDPSession, x: number, y: number, dx: number, dy: number, steps = 10): Promise<void> {
  const point = (px: number, py: number) => [{ x: px, y: py, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: point(x, y) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: point(x + (dx * i) / steps, y + (dy * i) / steps) });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

/** Drag the top card with a real touch sequence (CDP Input.dispatchTouchEvent). */
export async function touchDrag(page: Page, card: Locator, dx: number, dy: number, steps = 10): Promise<void> {
  const box = (await card.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  await touchDragAt(cdp, box.x + box.width / 2, box.y + box.height / 2, dx, dy, steps);
  await cdp.detach();
}

/** Drag with whatever pointer the project has: touch on phones, mouse on desktop. */
export async function dragTop(page: Page, dx: number, dy: number, isMobile: boolean): Promise<void> {
  const card = topCard(page);
  // the drag code loads after the first view (the card is static until then)
  await expect(deck(page)).toHaveAttribute("data-drag", "ready");
  if (isMobile) await touchDrag(page, card, dx, dy);
  else await mouseDrag(page, card, dx, dy);
}

/** Wait for the <img>s inside the viewport to finish loading (for screenshots). */
export async function imagesLoaded(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        [...document.images].every((i) => {
          const r = i.getBoundingClientRect();
          const visible = r.bottom > 0 && r.top < innerHeight && r.width > 0;
          return !visible || i.complete;
        }),
      undefined,
      { timeout: 8_000 },
    )
    .catch(() => undefined);
}

/** Keep a screenshot as a test artifact (and optionally a copy in the README folder). */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string, opts: { readmeName?: string } = {}): Promise<void> {
  await imagesLoaded(page);
  const file = testInfo.outputPath(`${testInfo.project.name}-${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(`${testInfo.project.name}-${name}`, { path: file, contentType: "image/png" });
  if (opts.readmeName) {
    const dir = path.join(process.env.E2E_DATA_DIR ?? path.join(process.cwd(), ".data", "e2e"), "screenshots");
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(file, path.join(dir, opts.readmeName));
  }
}

/** A small solid-colour PNG, built in memory (no image library): for the photo search. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.concat(Array.from({ length: width }, () => Buffer.from(rgb)))]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}
