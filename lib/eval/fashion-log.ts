// An interaction log of simulated shoppers on a real catalog (the fashion-products
// dataset), for the offline top-K protocol: each shopper gets a hidden taste
// (simulate.ts generateTaste), answers the quiz, and swipes `swipes` cards dealt the way a
// deck shows items. Two decks:
//  - "popular": within the quiz's hard filters (gender), cards drawn without replacement
//    by a Zipf popularity over the catalog (seeded), like real traffic's head and tail;
//  - "recommender": the app's own ranking in memory (createMemoryFeed: recommend +
//    applyEvent, no collaborative signal, no image vectors), i.e. the log a store running
//    the content model would collect.
// Decisions are simulate.ts `decide` (like / superlike / pass with 10% noise); the log rows
// carry like +1, superlike +2, pass -1. Pure apart from the CSV read in loadCatalogProducts.
import fs from "node:fs";
import { parseCsv } from "@/lib/catalog/csv";
import { detectFormat, validateRow } from "@/lib/catalog/rows";
import type { Interaction } from "@/lib/recommender/evaluate";
import { buildContentIndex } from "@/lib/recommender/content";
import { createRng, weightedIndex, shuffled, type Rng } from "@/lib/recommender/random";
import { hardFilter } from "@/lib/recommender/rules";
import { createMemoryFeed, decide, generateTaste, quizFromTaste } from "@/lib/recommender/simulate";
import type { FeedbackAction, Product } from "@/lib/recommender/types";

export type DeckKind = "popular" | "recommender";

/** The catalog CSV as recommender products (valid rows, ids 1..n in file order), or null when absent. */
export function loadCatalogProducts(csvPath: string): Product[] | null {
  if (!fs.existsSync(csvPath)) return null;
  const [head, ...records] = parseCsv(fs.readFileSync(csvPath, "utf8"));
  const header = head.fields.map((h) => h.trim());
  const detected = detectFormat(header);
  if ("error" in detected) throw new Error(`${csvPath}: ${detected.error}`);
  const products: Product[] = [];
  for (const rec of records) {
    if (rec.fields.length !== header.length) continue;
    const r = validateRow(detected.format, Object.fromEntries(header.map((h, i) => [h, rec.fields[i]])));
    if ("error" in r) continue;
    const { image: _image, ...rest } = r.row;
    products.push({ ...rest, id: products.length + 1, image: null, hidden: false });
  }
  return products;
}

const RATING: Record<FeedbackAction, number> = { like: 1, superlike: 2, pass: -1 };

/** Zipf exponent of the "popular" deck's item popularity. */
export const DECK_ZIPF = 0.8;

export interface ShopperLogOptions {
  shoppers: number;
  swipes: number;
  seed: number;
  deck: DeckKind;
  noise?: number;
}

export interface ShopperLog {
  interactions: Interaction[];
  likeRate: number;
  superlikeRate: number;
}

async function dealPopular(products: readonly Product[], weightOf: ReadonlyMap<number, number>, filter: (p: Product) => boolean, rng: Rng, n: number): Promise<Product[]> {
  const pool = products.filter(filter);
  const w = pool.map((p) => weightOf.get(p.id) ?? 0);
  const out: Product[] = [];
  for (let i = 0; i < n && out.length < pool.length; i++) {
    const j = weightedIndex(rng, w);
    out.push(pool[j]);
    w[j] = 0;
  }
  return out;
}

/** Simulated shoppers' swipes as an interaction log (user, item = product id, rating). */
export async function simulateShopperLog(products: readonly Product[], opts: ShopperLogOptions): Promise<ShopperLog> {
  const rng = createRng(opts.seed);
  const noise = opts.noise ?? 0.1;
  const order = shuffled(rng, products.map((p) => p.id)); // popularity rank -> product id
  const weightOf = new Map(order.map((id, rank) => [id, 1 / Math.pow(rank + 1, DECK_ZIPF)]));
  const interactions: Interaction[] = [];
  let likes = 0;
  let superlikes = 0;
  const contentIndex = opts.deck === "recommender" ? buildContentIndex(products) : undefined; // products only: built once
  for (let s = 0; s < opts.shoppers; s++) {
    const taste = generateTaste(products, rng);
    const quiz = quizFromTaste(taste, rng);
    const user = `s${s}`;
    const record = (p: Product, action: FeedbackAction, t: number) => {
      if (action !== "pass") likes++;
      if (action === "superlike") superlikes++;
      interactions.push({ user, item: String(p.id), rating: RATING[action], timestamp: t });
    };
    if (opts.deck === "popular") {
      const cards = await dealPopular(products, weightOf, hardFilter(quiz), rng, opts.swipes);
      cards.forEach((p, t) => record(p, decide(taste, p, rng, noise), t));
      continue;
    }
    const feed = createMemoryFeed(products, null, rng, 0, { contentIndex });
    await feed.start(quiz);
    let t = 0;
    while (t < opts.swipes) {
      const batch = await feed.next(10);
      if (batch.length === 0) break;
      for (const r of batch) {
        if (t >= opts.swipes) break;
        const p = r.product;
        const action = decide(taste, p, rng, noise);
        await feed.feedback(p.id, action);
        record(p, action, t++);
      }
    }
  }
  const n = interactions.length || 1;
  return { interactions, likeRate: likes / n, superlikeRate: superlikes / n };
}
