// Deterministic generator for the bundled, fictional product catalog.
// Pure: same { count, seed } -> same rows; randomness comes only from ./prng (no
// Math.random, no Date). Imports only ./source, ./prng and ./names: no node:*, no sharp, no lib/*.
//
// Row i depends only on (seed, i), so a smaller catalog is a prefix of a bigger one and
// 100,000 rows take well under a second. Article types are dealt in shuffled blocks so
// every type gets an equal share.

import { buildName } from "./names";
import { draw, hashSeed, memoTables, mulberry32, pick, shuffled, weightTable, type Rng } from "./prng";
import {
  ARTICLE_TYPES, BRANDS, CAMO_TONES, COLOURS, PATTERN_WORDS, SEASON_OCCASIONS, SIZE_SYSTEMS, STYLE_COLOUR,
  STYLE_OCCASIONS, STYLE_PATTERN, STYLE_WORDS, TIER_RANGE, YEARS, colourByName,
  type ArticleTypeDef, type BrandDef, type Category, type Gender, type MaterialDef, type Pattern,
  type Season, type Style,
} from "./source";

export interface CatalogRow {
  id: string; // "SN-00001"
  name: string;
  brand: string;
  gender: Gender;
  category: Category;
  subcategory: string;
  articleType: string; // plural display name, e.g. "Dresses"
  colours: string[]; // lowercase, primary first
  pattern: Pattern;
  styles: Style[]; // 1-2 tags
  season: Season;
  year: number;
  price: number; // USD, major units with cents, e.g. 49.9
  currency: "USD";
  sizes: string[]; // [] = one size
  description: string;
  image: string; // relative to the CSV's folder: "images/<id>.jpg"
}

export interface GenerateOptions {
  count?: number;
  seed?: number;
}

export const DEFAULT_COUNT = 720;
export const DEFAULT_SEED = 42;

const BLOCK = ARTICLE_TYPES.length;

/** Generate `count` rows (default 720) from `seed` (default 42). */
export function generateCatalog({ count = DEFAULT_COUNT, seed = DEFAULT_SEED }: GenerateOptions = {}): CatalogRow[] {
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a non-negative integer, got ${count}`);
  const rows: CatalogRow[] = new Array(count);
  let order: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i % BLOCK === 0) order = blockOrder(seed, i / BLOCK);
    rows[i] = buildRow(seed, i, ARTICLE_TYPES[order[i % BLOCK]]);
  }
  return rows;
}

/** The row at position `index` (0-based) of the catalog for `seed`. */
export function generateRow(index: number, seed = DEFAULT_SEED): CatalogRow {
  const order = blockOrder(seed, Math.floor(index / BLOCK));
  return buildRow(seed, index, ARTICLE_TYPES[order[index % BLOCK]]);
}

export function productId(index: number): string {
  return `SN-${String(index + 1).padStart(5, "0")}`;
}

function blockOrder(seed: number, block: number): number[] {
  const rng = mulberry32(hashSeed(seed, block, 0xb10c));
  return shuffled(rng, ARTICLE_TYPES.map((_, k) => k));
}

function buildRow(seed: number, index: number, def: ArticleTypeDef): CatalogRow {
  const rng = mulberry32(hashSeed(seed, index, 0xc0ffee));
  const brand = pickBrand(rng, def);
  const styles = pickStyles(rng, def, brand);
  const pattern = pickPattern(rng, def, styles[0]);
  const primary = pickColour(rng, def, styles[0], pattern);
  const colours = pattern === "solid" ? [primary] : [primary, pickSecondary(rng, primary, pattern)];
  const gender = draw(rng, genderTable(def.key));
  const season = draw(rng, seasonTable(def.key));
  const year = pick(rng, YEARS);
  const noun = pick(rng, def.nouns);
  const material = pick(rng, def.materials);
  const id = productId(index);
  return {
    id,
    name: buildName(rng, mulberry32(hashSeed(seed, index, 0x4a3e)), { def, primary: colours[0], pattern, material, noun }),
    brand: brand.name,
    gender,
    category: def.category,
    subcategory: def.subcategory,
    articleType: def.articleType,
    colours,
    pattern,
    styles,
    season,
    year,
    price: pickPrice(rng, def, brand),
    currency: "USD",
    sizes: pickSizes(rng, def, gender),
    description: buildDescription(rng, { def, brand: brand.name, styles, colours, pattern, season, noun, material }),
    image: `images/${id}.jpg`,
  };
}

const DEF_BY_KEY = new Map(ARTICLE_TYPES.map((d) => [d.key, d]));
const BRAND_BY_NAME = new Map(BRANDS.map((b) => [b.name, b]));
const defOf = (key: string) => DEF_BY_KEY.get(key)!;

const brandTable = memoTables((defKey) => {
  const def = defOf(defKey);
  const weights: Record<string, number> = {};
  for (const b of BRANDS) {
    let fit = 0;
    for (const s of def.styles) fit += b.styles[s] ?? 0;
    weights[b.name] = 0.5 + fit;
  }
  return weightTable(weights);
});

function pickBrand(rng: Rng, def: ArticleTypeDef): BrandDef {
  return BRAND_BY_NAME.get(draw(rng, brandTable(def.key)))!;
}

// key: "<def>|<brand>|<excluded style or ''>"
const styleTable = memoTables((key) => {
  const [defKey, brandName, exclude] = key.split("|");
  const brand = BRAND_BY_NAME.get(brandName)!;
  const w: Partial<Record<Style, number>> = {};
  for (const s of defOf(defKey).styles) if (s !== exclude) w[s] = 0.6 + 3 * (brand.styles[s] ?? 0);
  return weightTable(w);
});

function pickStyles(rng: Rng, def: ArticleTypeDef, brand: BrandDef): Style[] {
  const first = draw(rng, styleTable(`${def.key}|${brand.name}|`));
  if (def.styles.length < 2 || rng() >= 0.4) return [first];
  return [first, draw(rng, styleTable(`${def.key}|${brand.name}|${first}`))];
}

// key: "<def>|<style>"
const patternTable = memoTables((key) => {
  const [defKey, style] = key.split("|") as [string, Style];
  const affinity = STYLE_PATTERN[style];
  const w: Partial<Record<Pattern, number>> = {};
  for (const [p, base] of Object.entries(defOf(defKey).patterns) as [Pattern, number][]) w[p] = base * (affinity[p] ?? 1);
  if (!Object.values(w).some((v) => (v ?? 0) > 0)) w.solid = 1;
  return weightTable(w);
});

function pickPattern(rng: Rng, def: ArticleTypeDef, style: Style): Pattern {
  return draw(rng, patternTable(`${def.key}|${style}`));
}

// key: "<def>|<style>|<camo?>"; camo prints are built from earthy tones only.
const colourTable = memoTables((key) => {
  const [defKey, style, camo] = key.split("|") as [string, Style, string];
  const def = defOf(defKey);
  const affinity = STYLE_COLOUR[style];
  const w: Record<string, number> = {};
  for (const c of COLOURS) {
    if (camo && !CAMO_TONES.includes(c.name)) continue;
    const base = def.colours ? def.colours[c.name] ?? 0 : 1;
    w[c.name] = base * (affinity.weights[c.name] ?? affinity.rest);
  }
  if (!Object.values(w).some((v) => v > 0)) for (const c of CAMO_TONES) w[c] = 1;
  return weightTable(w);
});

function pickColour(rng: Rng, def: ArticleTypeDef, style: Style, pattern: Pattern): string {
  return draw(rng, colourTable(`${def.key}|${style}|${pattern === "camo" ? "camo" : ""}`));
}

const ACCENT_BIAS: Record<string, number> = { white: 3, black: 2, navy: 1.5, beige: 1.5 };

// key: "<primary>|<camo?>"
const secondaryTable = memoTables((key) => {
  const [primary, camo] = key.split("|");
  const w: Record<string, number> = {};
  for (const c of COLOURS) {
    if (c.name === primary || colourDistance(c.name, primary) < 110) continue;
    if (camo) w[c.name] = CAMO_TONES.includes(c.name) ? 1 : 0;
    else w[c.name] = ACCENT_BIAS[c.name] ?? 0.6;
  }
  if (!Object.values(w).some((v) => v > 0)) w[primary === "white" ? "navy" : "white"] = 1;
  return weightTable(w);
});

function pickSecondary(rng: Rng, primary: string, pattern: Pattern): string {
  return draw(rng, secondaryTable(`${primary}|${pattern === "camo" ? "camo" : ""}`));
}

function colourDistance(a: string, b: string): number {
  const [ra, ga, ba] = hexRgb(colourByName(a)!.hex);
  const [rb, gb, bb] = hexRgb(colourByName(b)!.hex);
  return Math.hypot(ra - rb, ga - gb, ba - bb);
}

function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const genderTable = memoTables((defKey) => weightTable(defOf(defKey).genders));
const seasonTable = memoTables((defKey) => weightTable(defOf(defKey).seasons));

/** A price inside the article type's range, in the brand tier's slice, with a retail ending. */
function pickPrice(rng: Rng, def: ArticleTypeDef, brand: BrandDef): number {
  const { lo, hi } = TIER_RANGE[brand.tier];
  const { min, max } = def.price;
  const raw = min + (lo + (hi - lo) * rng()) * (max - min);
  let p: number;
  if (raw < 100) p = Math.round(raw) - 0.1;
  else if (raw < 500) p = Math.round(raw / 5) * 5 - 0.1;
  else p = Math.round(raw / 10) * 10;
  if (p < min) p = min;
  if (p > max) p = max;
  return Math.round(p * 100) / 100;
}

function pickSizes(rng: Rng, def: ArticleTypeDef, gender: Gender): string[] {
  const all = SIZE_SYSTEMS[def.sizeSystem];
  if (all.length === 0) return [];
  let sizes: readonly string[] = all;
  if (def.sizeSystem === "waist") sizes = gender === "Women" ? all.slice(0, 7) : gender === "Men" ? all.slice(2) : all;
  if (def.sizeSystem === "shoe") sizes = gender === "Women" ? all.slice(0, 6) : gender === "Men" ? all.slice(4) : all;
  if (def.sizeSystem === "letter" && gender === "Men") sizes = all.slice(1);
  // Some items are sold out at one end of the range.
  const r = rng();
  if (r < 0.15) return sizes.slice(1);
  if (r < 0.3) return sizes.slice(0, -1);
  return sizes.slice();
}

interface DescriptionParts {
  def: ArticleTypeDef;
  brand: string;
  styles: Style[];
  colours: string[];
  pattern: Pattern;
  season: Season;
  noun: string;
  material: MaterialDef;
}

interface Words {
  brand: string;
  adj: string;
  style: string;
  noun: string;
  colour: string;
  pattern: string;
  material: string;
  occasion: string;
  verb: string;
  plural: boolean;
}

const KEEP_CASE = new Set(["Oxford", "Chelsea", "Bermuda"]);

const lowerNoun = memoTables((noun) => noun.split(" ").map((w) => (KEEP_CASE.has(w) ? w : w.toLowerCase())).join(" "));

/** "a", "an" or "a pair of" before `phrase`. */
function withArticle(w: Words, phrase: string): string {
  if (w.plural) return `a pair of ${phrase}`;
  return /^[aeiou]/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const TEMPLATES: readonly ((w: Words) => string)[] = [
  (w) => `${cap(withArticle(w, `${w.adj} ${w.style} ${w.noun}`))} in ${w.colour}${w.pattern}, ${w.verb} ${w.material} for ${w.occasion}.`,
  (w) => `${cap(withArticle(w, `${w.adj} ${w.noun}`))} in ${w.colour}${w.pattern}, ${w.verb} ${w.material}: an easy ${w.style} pick for ${w.occasion}.`,
  (w) => `${w.brand} gives ${withArticle(w, w.noun)} a ${w.style} spin: ${w.colour}${w.pattern}, ${w.verb} ${w.material} for ${w.occasion}.`,
  (w) => `Made for ${w.occasion}, ${w.plural ? "these" : "this"} ${w.adj} ${w.noun} ${w.plural ? "come" : "comes"} in ${w.colour}${w.pattern} and ${w.plural ? "are" : "is"} ${w.verb} ${w.material}.`,
  (w) => `${cap(withArticle(w, `${w.colour} ${w.noun}`))}${w.pattern} in ${w.material}, with ${withArticle({ ...w, plural: false }, `${w.adj} ${w.style}`)} feel that suits ${w.occasion}.`,
];

function buildDescription(rng: Rng, p: DescriptionParts): string {
  const style = p.styles[0];
  const apparel = p.def.category === "Apparel";
  const secondary = p.colours[1] ?? "";
  const styleOccasions = STYLE_OCCASIONS[style];
  const seasonOccasions = SEASON_OCCASIONS[p.season];
  const k = Math.floor(rng() * (styleOccasions.length + seasonOccasions.length));
  const occasion = k < styleOccasions.length ? styleOccasions[k] : seasonOccasions[k - styleOccasions.length];
  const w: Words = {
    brand: p.brand,
    adj: pick(rng, apparel ? STYLE_WORDS[style].apparel : STYLE_WORDS[style].general),
    style: p.styles.length > 1 && rng() < 0.5 ? `${style}-meets-${p.styles[1]}` : style,
    noun: lowerNoun(p.noun),
    colour: p.colours[0],
    pattern: PATTERN_WORDS[p.pattern].phrase.replace("{2}", secondary),
    material: p.material.phrase,
    occasion,
    verb: pick(rng, apparel ? ["cut from", "made from", "sewn from"] : ["crafted from", "made from"]),
    plural: p.def.plural,
  };
  return pick(rng, TEMPLATES)(w);
}
