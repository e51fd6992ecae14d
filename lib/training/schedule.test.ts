// The trainer's schedule on a small store (real SQLite, injected clock): no model until
// TRAINER_FIRST_MODEL_EVENTS events arrived or TRAINER_FIRST_MODEL_MS passed since the
// first one; afterwards a retrain once retrainThreshold(log) new events arrived.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/lib/db/client";
import { clearCollabModels, latestModelInfo } from "@/lib/db/collab";
import { trainCollabModel } from "@/lib/recommender/collab-model";
import { TRAINER_FIRST_MODEL_EVENTS, TRAINER_FIRST_MODEL_MS } from "@/lib/recommender/config";
import { createRng } from "@/lib/recommender/random";
import { createTrainer, retrainThreshold } from "./trainer";

const PRODUCTS = 30;
let n = 0;
async function swipes(count: number): Promise<void> {
  const client = await db();
  for (let i = 0; i < count; i++, n++) {
    const shopperId = `s${Math.floor(n / 10)}`;
    await client.shopper.upsert({ where: { id: shopperId }, create: { id: shopperId }, update: {} });
    await client.feedbackEvent.create({ data: { shopperId, productId: 1 + ((n * 7) % PRODUCTS), action: n % 3 === 0 ? "pass" : "like", clientEventId: `e${n}` } });
  }
}

const knn = (m: Parameters<typeof trainCollabModel>[0], info: { version: number; trainedAt: number; lastEventId: number }) =>
  trainCollabModel(m, { ...info, kind: "item-knn", rng: createRng(1) });

beforeAll(async () => {
  const client = await db();
  for (let i = 1; i <= PRODUCTS; i++)
    await client.product.create({
      data: { id: i, externalId: `p${i}`, name: `P${i}`, brand: "b", category: "c", subcategory: "s", articleType: "t", gender: "women", colours: "[]", styles: "[]", sizes: "[]", description: "" },
    });
});
afterAll(() => closeDb());

describe("trainer schedule on a small store", () => {
  it("writes the first model after a few minutes when only a few events arrived", async () => {
    let now = 10_000;
    const t = createTrainer({ holder: "A", now: () => now, train: knn });
    expect((await t.runOnce()).status).toBe("up-to-date"); // nothing yet
    await swipes(10);
    expect((await t.runOnce()).status).toBe("up-to-date"); // first seen now
    now += TRAINER_FIRST_MODEL_MS - 1;
    expect((await t.runOnce()).status).toBe("up-to-date");
    expect(await latestModelInfo()).toBeNull();
    now += 1;
    expect(await t.runOnce()).toMatchObject({ status: "trained", version: 1 });
  });

  it("writes the first model at once when enough events arrived, then retrains after retrainThreshold new ones", async () => {
    await clearCollabModels();
    const now = 50_000_000;
    const t = createTrainer({ holder: "B", now: () => now, train: knn });
    await swipes(TRAINER_FIRST_MODEL_EVENTS - 10 - 1);
    expect((await t.runOnce()).status).toBe("up-to-date"); // 49 events, clock not moved
    await swipes(1);
    expect(await t.runOnce()).toMatchObject({ status: "trained", version: 1 });
    const need = retrainThreshold(TRAINER_FIRST_MODEL_EVENTS);
    await swipes(need - 1);
    expect((await t.runOnce()).status).toBe("up-to-date");
    await swipes(1);
    expect(await t.runOnce()).toMatchObject({ status: "trained", version: 2 });
    expect((await latestModelInfo())!.lastEventId).toBe(TRAINER_FIRST_MODEL_EVENTS + need);
  });
});
