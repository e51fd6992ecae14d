// Quiz sizes grouped under labelled headings, derived from the catalog: each size value
// of each product is classed by the value and the product's category / article type
// (letter sizes -> clothing, two-digit numbers on clothing -> waist, numbers on footwear
// -> shoes, anything else -> other). Headings name the range found ("Waist (26–36)").
// Pure: products in, groups out.
import type { Product } from "@/lib/recommender/types";
import type { SizeGroup } from "@/lib/schemas/quiz-options";

const SIZE_ORDER = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "3XL", "4XL", "5XL", "6XL"];
const LETTER = /^(?:X{0,3}S|M|X{0,3}L|[2-6]XL)$/i;
const FOOTWEAR = /foot|shoe|sneaker|boot|sandal|heel|flat|flip|loafer|slipper|trainer|mule|clog/i;
const NUMBER = /^(?:(?:EU|UK|US)\s*)?\d{1,2}(?:\.5)?$/i;

export function sortSizes(sizes: Iterable<string>): string[] {
  const rank = (s: string) => {
    const i = SIZE_ORDER.indexOf(s.toUpperCase());
    if (i >= 0) return i;
    const n = Number.parseFloat(s.replace(/^[A-Za-z]+\s*/, ""));
    return Number.isFinite(n) ? 100 + n : 10_000;
  };
  return [...new Set(sizes)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Which kind of size a value is on this product. */
export function sizeKind(p: Pick<Product, "category" | "subcategory" | "articleType">, size: string): SizeGroup["key"] {
  const s = size.trim();
  const footwear = FOOTWEAR.test(p.category) || FOOTWEAR.test(p.subcategory) || FOOTWEAR.test(p.articleType);
  if (footwear && NUMBER.test(s)) return "shoe";
  if (LETTER.test(s)) return "letter";
  if (!footwear && /^\d{2}$/.test(s) && Number(s) >= 22 && Number(s) <= 50) return "waist";
  return "other";
}

function shoeLabel(sizes: string[]): string {
  const nums = sizes.map((s) => Number.parseFloat(s.replace(/^[A-Za-z]+\s*/, ""))).filter(Number.isFinite);
  const system = nums.every((n) => n >= 30) ? "EU " : nums.every((n) => n <= 16) ? "UK " : "EU/UK ";
  return `Shoes (${system}${sizes[0]}–${sizes[sizes.length - 1]})`;
}

const TITLES: Record<SizeGroup["key"], string> = { letter: "Clothing", waist: "Waist", shoe: "Shoes", other: "Other sizes" };

function label(key: SizeGroup["key"], sizes: string[]): string {
  if (key === "shoe") return shoeLabel(sizes);
  if (key === "other" || sizes.length < 2) return sizes.length === 1 && key !== "other" ? `${TITLES[key]} (${sizes[0]})` : TITLES[key];
  return `${TITLES[key]} (${sizes[0]}–${sizes[sizes.length - 1]})`;
}

/** The catalog's sizes under headings, in the order clothing, waist, shoes, other; empty groups left out. */
export function groupSizes(products: readonly Pick<Product, "category" | "subcategory" | "articleType" | "sizes">[]): SizeGroup[] {
  const keys: SizeGroup["key"][] = ["letter", "waist", "shoe", "other"];
  const sizes = new Map(keys.map((k) => [k, new Set<string>()]));
  const types = new Map(keys.map((k) => [k, new Map<string, number>()]));
  for (const p of products) {
    const seen = new Set<SizeGroup["key"]>();
    for (const raw of p.sizes) {
      const s = raw.trim();
      if (s === "") continue;
      const k = sizeKind(p, s);
      sizes.get(k)?.add(s);
      seen.add(k);
    }
    for (const k of seen) types.get(k)?.set(p.articleType, (types.get(k)?.get(p.articleType) ?? 0) + 1);
  }
  return keys
    .filter((k) => (sizes.get(k)?.size ?? 0) > 0)
    .map((key) => {
      const sorted = sortSizes(sizes.get(key) as Set<string>);
      const examples = [...(types.get(key) as Map<string, number>)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([t]) => t);
      return { key, label: label(key, sorted), examples, sizes: sorted };
    });
}
