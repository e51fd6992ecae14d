// The simulated shoppers' interaction log (fashion-log.ts): deterministic for a seed, every
// shopper's cards within the quiz's gender filter (and dealt once, or again only after a pass), ratings like +1 / superlike +2 / pass -1;
// and the real fashion dataset loads as products (skipped, saying so, when it is absent).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateSyntheticCatalog } from "@/lib/recommender/synthetic";
import { loadCatalogProducts, simulateShopperLog, type DeckKind } from "./fashion-log";

const DATASET = path.resolve(process.cwd(), "..", "shared", "datasets", "fashion-products", "items.csv");
const catalog = generateSyntheticCatalog({ size: 240, seed: 5 }).products;
const genderOf = new Map(catalog.map((p) => [String(p.id), p.gender]));

describe("simulated shoppers' log on a small catalog", () => {
  for (const deck of ["popular", "recommender"] as DeckKind[]) {
    it(`${deck} deck: same seed, same log; another seed, another log; one gender (or unisex) per shopper`, async () => {
      const opts = { shoppers: 12, swipes: 15, seed: 3, deck };
      const a = await simulateShopperLog(catalog, opts);
      const b = await simulateShopperLog(catalog, opts);
      const c = await simulateShopperLog(catalog, { ...opts, seed: 4 });
      expect(a.interactions).toEqual(b.interactions);
      expect(a.interactions).not.toEqual(c.interactions);
      expect(a.interactions.length).toBe(12 * 15);
      expect(a.interactions.every((i) => [-1, 1, 2].includes(i.rating!))).toBe(true);
      expect(a.likeRate).toBeGreaterThan(0);
      const byUser = new Map<string, Set<string>>();
      const seen = new Map<string, Map<string, number>>(); // user -> item -> last rating
      for (const i of a.interactions) {
        const g = genderOf.get(i.item)!;
        expect(g).toBeDefined();
        if (g !== "unisex") (byUser.get(i.user) ?? byUser.set(i.user, new Set()).get(i.user)!).add(g);
        const s = seen.get(i.user) ?? seen.set(i.user, new Map()).get(i.user)!;
        // the popular deck deals without replacement; the app's ranking may bring back a card
        // passed a while ago (a soft exclusion, rules.ts), never a liked one
        if (deck === "popular") expect(s.has(i.item), "a card is dealt once per shopper").toBe(false);
        else if (s.has(i.item)) expect(s.get(i.item), "only a passed card comes back").toBe(-1);
        s.set(i.item, i.rating!);
      }
      for (const [user, genders] of byUser) expect(genders.size, user).toBeLessThanOrEqual(1);
      // the catalog has both genders, so the filter is doing the work
      expect(new Set([...genderOf.values()].filter((g) => g !== "unisex")).size).toBeGreaterThan(1);
    });
  }
});

describe("the fashion dataset as a catalog", () => {
  it("an absent CSV gives null", () => {
    expect(loadCatalogProducts(path.join(DATASET, "..", "no-such-file.csv"))).toBeNull();
  });

  const present = fs.existsSync(DATASET);
  it.skipIf(!present)(`loads the valid rows as products with ids 1..n${present ? "" : ` (skipped: ${DATASET} is absent)`}`, () => {
    const products = loadCatalogProducts(DATASET)!;
    expect(products.length).toBeGreaterThan(1000);
    expect(products.map((p) => p.id)).toEqual(products.map((_, i) => i + 1));
    expect(new Set(products.map((p) => p.gender)).size).toBeGreaterThan(1);
    expect(products.every((p) => p.image === null && !p.hidden)).toBe(true);
  });
  if (!present) console.warn(`fashion-log.test: ${DATASET} is absent; the dataset test is skipped`);
});
