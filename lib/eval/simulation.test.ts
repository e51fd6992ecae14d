// The simulated shoppers train and serve the collaborative model as the app does: the
// trainer's schedule on the simulated clock writes the first model once enough swipes
// arrived, it is swapped in before the next session, cards then carry a collaborative
// component, and two runs with one seed are identical (real SQLite, small bundled catalog).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBundledCatalog } from "@/lib/catalog/seed";
import { closeDb, db } from "@/lib/db/client";
import { clearCollabModels } from "@/lib/db/collab";
import { getEmbedder } from "@/lib/embedding";
import { getCatalog } from "@/lib/feed/catalog";
import { currentCollabModel, refreshCollabModel, resetCollabCache } from "@/lib/feed/collab";
import { nextCards } from "@/lib/feed/deck";
import { TRAINER_FIRST_MODEL_EVENTS } from "@/lib/recommender/config";
import { createRng } from "@/lib/recommender/random";
import { simulate } from "@/lib/recommender/simulate";
import { trainedDbFeeds } from "./simulation";

const SEED = 3;
const SESSIONS = 4;
const SWIPES = 40;

async function run() {
  await (await db()).shopper.deleteMany({});
  await clearCollabModels();
  resetCollabCache({ poller: { setTimer: () => 0, clearTimer: () => undefined } });
  await refreshCollabModel();
  const { products } = await getCatalog();
  const { makeFeed, training } = trainedDbFeeds(SEED);
  const sessions = await simulate(products, makeFeed, createRng(SEED), SESSIONS, SWIPES);
  // every simulated shopper's next cards: those whose likes the served model connects to
  // other shoppers' carry a collaborative component
  let collabCards = 0;
  for (let i = 0; i < SESSIONS; i++) {
    const { cards } = await nextCards(`sim-${SEED}-${i}`, { limit: 10, exclude: [] });
    collabCards += cards.filter((c) => c.components.collaborative !== null).length;
  }
  return {
    swipes: sessions.map((s) => s.swipes.map((w) => [w.product.id, w.action])),
    runs: training.runs,
    withoutModel: training.sessionsWithoutModel,
    served: currentCollabModel()?.version ?? null,
    collabCards,
  };
}

beforeAll(async () => {
  await seedBundledCatalog({ embedder: await getEmbedder(), count: 120 });
}, 300_000);
afterAll(async () => {
  resetCollabCache({ poller: undefined });
  await closeDb();
});

describe("simulated shoppers with the background trainer", () => {
  it("swap in the model the trainer's schedule writes, and repeat exactly for a seed", async () => {
    const a = await run();
    // first model before the first session that follows TRAINER_FIRST_MODEL_EVENTS swipes
    const first = Math.ceil(TRAINER_FIRST_MODEL_EVENTS / SWIPES);
    expect(a.runs[0]).toMatchObject({ beforeSession: first, version: 1, events: first * SWIPES });
    expect(a.withoutModel).toBe(first);
    expect(a.served).toBe(a.runs.at(-1)!.version);
    expect(a.collabCards).toBeGreaterThan(0);
    const b = await run();
    expect(b).toEqual(a);
  }, 300_000);
});
