// The quiz's choices computed from the visible catalog (pure: products in, options out),
// memoized per catalog snapshot. Colocated with GET /api/quiz/options; must not import
// lib/db. (Candidate to move into lib/feed.)
import type { Product } from "@/lib/recommender/types";
import type { OptionCount, OptionWithImage, QuizOptions } from "@/lib/schemas/quiz-options";

const SIZE_ORDER = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "3XL", "4XL"];

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

export function sortSizes(sizes: Iterable<string>): string[] {
  const rank = (s: string) => {
    const i = SIZE_ORDER.indexOf(s.toUpperCase());
    if (i >= 0) return i;
    const n = Number.parseFloat(s);
    return Number.isFinite(n) ? 100 + n : 10_000;
  };
  return [...new Set(sizes)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
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
    colours: withoutImage(tally(products, (p) => p.colours)),
    brands: withoutImage(tally(products, (p) => [p.brand])),
    styles: tally(products, (p) => p.styles),
    sizes: sortSizes(products.flatMap((p) => p.sizes)),
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
