// Simulated-shopper evaluation on one catalog: seeds the catalog into the current data
// folder if empty, then runs sessions through the database-backed feed (lib/feed) and
// through random-order and most-popular baselines with the same tastes. Server-only.
import "server-only";
import { db, closeDb } from "@/lib/db/client";
import { countProducts } from "@/lib/db/products";
import { migrate } from "@/lib/db/migrate";
import { getEmbedder } from "@/lib/embedding";
import { env } from "@/lib/env";
import { importCatalog } from "@/lib/catalog/importer";
import { seedBundledCatalog } from "@/lib/catalog/seed";
import { createProgress } from "@/lib/catalog/progress";
import { getCatalog } from "@/lib/feed/catalog";
import { createDbFeed } from "@/lib/feed/sim-feed";
import { createRng } from "@/lib/recommender/random";
import { createPopularityFeed, createRandomFeed, popularityFromSimulation, simulate, summarise } from "@/lib/recommender/simulate";

export async function runSimulation(opts: { catalog: string; sessions: number; seed: number; datasetCsv: string }) {
  const started = Date.now();
  await migrate(env().databaseUrl);
  if ((await countProducts({ includeHidden: true })) === 0) {
    const embedder = await getEmbedder();
    const onProgress = createProgress();
    if (opts.catalog === "bundled") await seedBundledCatalog({ embedder, onProgress });
    else await importCatalog({ csvPath: opts.datasetCsv, embedder, onProgress, source: opts.catalog });
  }
  const client = await db();
  await client.shopper.deleteMany({}); // a clean slate of shoppers: runs are repeatable
  const { products } = await getCatalog();

  const stylenova = await simulate(products, (i) => createDbFeed(`sim-${opts.seed}-${i}`), createRng(opts.seed), opts.sessions);
  const shuffleRng = createRng(opts.seed + 1);
  const random = await simulate(products, () => createRandomFeed(products, shuffleRng), createRng(opts.seed), opts.sessions);
  const popularity = popularityFromSimulation(products, createRng(opts.seed + 2));
  const popular = await simulate(products, () => createPopularityFeed(products, popularity), createRng(opts.seed), opts.sessions);
  await closeDb();
  return {
    catalog: opts.catalog,
    products: products.length,
    seed: opts.seed,
    feeds: {
      stylenova: summarise(stylenova, products.length),
      random: summarise(random, products.length),
      popular: summarise(popular, products.length),
    },
    ms: Date.now() - started,
  };
}
