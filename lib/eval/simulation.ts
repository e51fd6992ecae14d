// Simulated-shopper evaluation on one catalog: seeds the catalog into the current data
// folder if empty, then runs sessions through the database-backed feed (lib/feed) and
// through random-order and most-popular baselines with the same tastes. The collaborative
// model is trained as the app trains it: the background trainer's own pass
// (lib/training/trainer, its schedule and default model) runs before every session on a
// simulated clock (SESSION_MS per session), and a written version is swapped into the served
// poller before the session starts, so every run with one seed is identical. Server-only.
import "server-only";
import { clearCollabModels } from "@/lib/db/collab";
import { db, closeDb } from "@/lib/db/client";
import { countProducts } from "@/lib/db/products";
import { migrate } from "@/lib/db/migrate";
import { getEmbedder } from "@/lib/embedding";
import { env } from "@/lib/env";
import { importCatalog } from "@/lib/catalog/importer";
import { seedBundledCatalog } from "@/lib/catalog/seed";
import { createProgress } from "@/lib/catalog/progress";
import { getCatalog } from "@/lib/feed/catalog";
import { refreshCollabModel, resetCollabCache } from "@/lib/feed/collab";
import { createDbFeed } from "@/lib/feed/sim-feed";
import { trainCollabModel } from "@/lib/recommender/collab-model";
import { createRng, hashSeed } from "@/lib/recommender/random";
import { deckReport } from "@/lib/recommender/deck-metrics";
import { createPopularityFeed, createRandomFeed, likeRateByBucket, popularityFromSimulation, simulate, summarise, type SimFeed } from "@/lib/recommender/simulate";
import { simulateShape, TASTE_SHAPES } from "@/lib/recommender/taste-shapes";
import type { PanelAgreement } from "@/lib/feed/sim-feed";
import { createTrainer, type TrainerRun } from "@/lib/training/trainer";

/** Swipes per simulated session. */
export const SIM_SWIPES = 60;
/** Simulated time per session (a 40-swipe session takes a shopper about two minutes). */
export const SESSION_MS = 2 * 60_000;
const SIM_EPOCH = Date.UTC(2025, 0, 1);

export interface SimTraining {
  /** the trainer's passes that wrote a model, with the session they preceded */
  runs: Array<{ beforeSession: number; version: number; kind: string; events: number }>;
  /** wall time of the trainer passes and model loads (reported only; the runs use the simulated clock) */
  wallMs: number;
  /** sessions served with no collaborative model */
  sessionsWithoutModel: number;
}

/**
 * Database-backed feeds for sessions 0, 1, ...: before session i starts, the clock reads
 * SIM_EPOCH + i * SESSION_MS, the trainer runs one pass (training only when its schedule
 * says so) and a new version is loaded into the served model before the first card.
 */
export function trainedDbFeeds(seed: number, agreement?: PanelAgreement, prefix = "sim"): { makeFeed: (i: number) => SimFeed; training: SimTraining } {
  let clock = SIM_EPOCH;
  const trainer = createTrainer({
    holder: `simulation-${seed}`,
    now: () => clock,
    train: (m, info) => trainCollabModel(m, { ...info, rng: createRng(hashSeed(`collab|${seed}|${info.version}`)) }),
  });
  const training: SimTraining = { runs: [], sessionsWithoutModel: 0, wallMs: 0 };
  let served = false;
  const makeFeed = (i: number): SimFeed => {
    const feed = createDbFeed(`${prefix}-${seed}-${i}`, agreement);
    return {
      ...feed,
      async start(quiz) {
        clock = SIM_EPOCH + i * SESSION_MS;
        const t0 = performance.now();
        const run: TrainerRun = await trainer.runOnce();
        if (run.status === "trained") {
          const r = await refreshCollabModel();
          if (!r.swapped || r.version !== run.version) throw new Error(`model v${run.version} was written but not loaded: ${r.error ?? `serving v${r.version}`}`);
          training.runs.push({ beforeSession: i, version: run.version!, kind: run.kind!, events: trainer.accumulator.size });
          served = true;
        } else if (run.status !== "up-to-date") throw new Error(`the simulation's trainer could not train: ${run.status}`);
        training.wallMs += performance.now() - t0;
        if (!served) training.sessionsWithoutModel++;
        await feed.start(quiz);
      },
    };
  };
  return { makeFeed, training };
}

export async function runSimulation(opts: { catalog: string; sessions: number; seed: number; datasetCsv: string; shapeSessions?: number }) {
  const started = Date.now();
  await migrate(env().databaseUrl);
  if ((await countProducts({ includeHidden: true })) === 0) {
    const embedder = await getEmbedder();
    const onProgress = createProgress();
    if (opts.catalog === "bundled") await seedBundledCatalog({ embedder, onProgress });
    else await importCatalog({ csvPath: opts.datasetCsv, embedder, onProgress, source: opts.catalog });
  }
  const client = await db();
  await client.shopper.deleteMany({}); // a clean slate of shoppers and models: runs are repeatable
  await clearCollabModels();
  // no polling timer: versions are swapped in only by trainedDbFeeds, between sessions
  resetCollabCache({ poller: { setTimer: () => 0, clearTimer: () => undefined } });
  await refreshCollabModel();
  const { products } = await getCatalog();

  // the web client's refill pattern (the app), then 10-card batches (the earlier protocol)
  const agreement: PanelAgreement = { checked: 0, equal: 0 };
  const { makeFeed, training } = trainedDbFeeds(opts.seed, agreement);
  const stylenova = await simulate(products, makeFeed, createRng(opts.seed), opts.sessions, SIM_SWIPES, { pattern: "client" });
  const batched = await simulate(products, (i) => createDbFeed(`batch-${opts.seed}-${i}`), createRng(opts.seed), opts.sessions, SIM_SWIPES, { pattern: "batch" });
  const shuffleRng = createRng(opts.seed + 1);
  const random = await simulate(products, () => createRandomFeed(products, shuffleRng), createRng(opts.seed), opts.sessions, SIM_SWIPES);
  const popularity = popularityFromSimulation(products, createRng(opts.seed + 2));
  const popular = await simulate(products, () => createPopularityFeed(products, popularity), createRng(opts.seed), opts.sessions, SIM_SWIPES);
  // other taste shapes, with the served model as trained above, against random order
  const shapes = [];
  const shapeSessions = opts.shapeSessions ?? Math.ceil(opts.sessions / 2);
  for (const [k, shape] of TASTE_SHAPES.entries()) {
    const mine = await simulateShape(products, (i) => createDbFeed(`shape-${opts.seed}-${k}-${i}`), createRng(opts.seed + 10 + k), shape, shapeSessions, SIM_SWIPES, "client");
    const rnd = await simulateShape(products, () => createRandomFeed(products, shuffleRng), createRng(opts.seed + 10 + k), shape, shapeSessions, SIM_SWIPES, "client");
    const d = deckReport(mine);
    shapes.push({ shape, sessions: shapeSessions, stylenova: likeRateByBucket(mine), random: likeRateByBucket(rnd), capBroken: d.capBroken, falseExplanations: d.falseExplanations });
  }
  await closeDb();
  return {
    catalog: opts.catalog,
    products: products.length,
    seed: opts.seed,
    swipes: SIM_SWIPES,
    feeds: {
      stylenova: summarise(stylenova, products.length),
      "stylenova (10-card batches)": summarise(batched, products.length),
      random: summarise(random, products.length),
      popular: summarise(popular, products.length),
    },
    deck: { client: deckReport(stylenova), batch: deckReport(batched) },
    panelAgreement: agreement,
    shapes,
    collabTraining: training,
    ms: Date.now() - started,
  };
}
