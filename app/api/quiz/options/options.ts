// The quiz's choices computed from the visible catalog (pure: products in, options out),
// memoized per catalog snapshot. Colocated with GET /api/quiz/options; must not import
// lib/db. (Candidate to move into lib/feed.) Colours are counted in the one vocabulary
// (lib/catalog/colours) and placeholder styles ("NA") are never offered, also for
// catalogs imported before the importer tidied them.
import { canonicalColours } from "@/lib/catalog/colours";
import { cleanStyles } from "@/lib/catalog/hygiene";
import type { Product } from "@/lib/recommender/types";
import type { OptionCount, OptionWithImage, QuizOptions, StyleExample } from "@/lib/schemas/quiz-options";
import { groupSizes, sortSizes } from "./sizes";

export { sortSizes } from "./sizes";

/**
 * "Enough products" for a value to be offered up front: 5 products or 0.5% of the
 * catalog, whichever is smaller (never below 1). On the 2,022-product real dataset that
 * is 5; on a 300-product catalog it is 2; tiny catalogs show everything. The rest of the
 * values stay reachable under "More".
 */
export function minOptionCount(catalogSize: number): number {
  return Math.max(1, Math.min(5, Math.ceil(catalogSize * 0.005)));
}

function byCount<T extends OptionCount>(xs: T[]): T[] {
  return xs.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function tally(products: Product[], values: (p: Product) => string[]): OptionWithImage[] {
  const m = new Map<string, OptionWithImage>();
  for (const p of products) {
    for (const value of new Set(values(p).filter(Boolean))) {
      const o = m.get(value) ?? { value, count: 0, imageUrl: null };
      o.count++;
      if (!o.imageUrl && p.image) o.imageUrl = `/media/${p.image}`;
      m.set(value, o);
    }
  }
  return byCount([...m.values()]);
}

const withoutImage = (xs: OptionWithImage[]): OptionCount[] => xs.map(({ value, count }) => ({ value, count }));

/**
 * Style tiles illustrated by products that have the style. Per style, products are
 * bucketed by article type and gender; a bucket's score is its count times its purity
 * (the share of that article type's products with the style), so "formal" shows a
 * formal shoe or shirt, not the first casual-and-formal lipstick. The client picks the
 * best example inside the shopper's chosen categories and gender when it knows them.
 */
function styleOptions(products: Product[]): OptionWithImage[] {
  const typeTotal = new Map<string, number>();
  for (const p of products) typeTotal.set(p.articleType, (typeTotal.get(p.articleType) ?? 0) + 1);
  const styles = new Map<string, { count: number; buckets: Map<string, StyleExample & { withImage: boolean }> }>();
  for (const p of products) {
    for (const style of cleanStyles(p.styles)) {
      const s = styles.get(style) ?? { count: 0, buckets: new Map() };
      s.count++;
      const key = `${p.articleType}\u0000${p.gender}`;
      const b = s.buckets.get(key) ?? { articleType: p.articleType, gender: p.gender, count: 0, imageUrl: "", withImage: false };
      b.count++;
      if (!b.withImage && p.image) Object.assign(b, { imageUrl: `/media/${p.image}`, withImage: true });
      s.buckets.set(key, b);
      styles.set(style, s);
    }
  }
  const score = (b: StyleExample) => (b.count * b.count) / (typeTotal.get(b.articleType) ?? 1);
  return byCount(
    [...styles].map(([value, s]) => {
      const examples = [...s.buckets.values()]
        .filter((b) => b.withImage)
        .sort((a, b) => score(b) - score(a) || a.articleType.localeCompare(b.articleType))
        .slice(0, 16)
        .map(({ articleType, gender, count, imageUrl }) => ({ articleType, gender, count, imageUrl }));
      return { value, count: s.count, imageUrl: examples[0]?.imageUrl ?? null, examples };
    }),
  );
}

function priceRange(products: Product[]): QuizOptions["price"] {
  let min: number | null = null;
  let max: number | null = null;
  const currencies = new Map<string, number>();
  for (const p of products) {
    if (p.priceCents === null) continue;
    min = min === null ? p.priceCents : Math.min(min, p.priceCents);
    max = max === null ? p.priceCents : Math.max(max, p.priceCents);
    currencies.set(p.currency, (currencies.get(p.currency) ?? 0) + 1);
  }
  const currency = [...currencies].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "USD";
  return { minCents: min, maxCents: max, currency };
}

export function buildQuizOptions(products: Product[]): QuizOptions {
  return {
    categories: tally(products, (p) => [p.articleType]),
    colours: withoutImage(tally(products, (p) => canonicalColours(p.colours))),
    brands: withoutImage(tally(products, (p) => [p.brand])),
    styles: styleOptions(products),
    sizes: sortSizes(products.flatMap((p) => p.sizes)),
    sizeGroups: groupSizes(products),
    minCount: minOptionCount(products.length),
    genders: withoutImage(tally(products, (p) => [p.gender])),
    price: priceRange(products),
  };
}

const memo = new WeakMap<readonly Product[], QuizOptions>();

/** Options for a catalog snapshot's product list (computed once per snapshot). */
export function quizOptionsFor(products: Product[]): QuizOptions {
  let o = memo.get(products);
  if (!o) memo.set(products, (o = buildQuizOptions(products)));
  return o;
}
