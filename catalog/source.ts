// Source tables for the bundled, fictional StyleNova catalog: article types, colours,
// patterns, styles, brands, seasons and the vocabulary used for names and descriptions.
// Pure data: imports nothing (no node:*, no sharp, no lib/*), so the generator, the
// renderer and tests can all share it.

export type Gender = "Women" | "Men" | "Unisex";
export type Category = "Apparel" | "Footwear" | "Accessories";
export type SizeSystem = "letter" | "waist" | "shoe" | "one";
export type Season = "Spring" | "Summer" | "Fall" | "Winter";
export type PriceTier = "budget" | "mid" | "premium" | "luxury";

export const STYLES = ["casual", "formal", "streetwear", "boho", "minimalist", "sporty", "vintage"] as const;
export type Style = (typeof STYLES)[number];

export const PATTERNS = ["solid", "stripes", "checks", "dots", "floral", "camo", "colour-block"] as const;
export type Pattern = (typeof PATTERNS)[number];

export const SEASONS: readonly Season[] = ["Spring", "Summer", "Fall", "Winter"];
export const YEARS: readonly number[] = [2021, 2022, 2023, 2024, 2025];

export interface ColourDef {
  name: string; // lowercase, as written to the CSV
  title: string; // as used in product names
  hex: string; // "#rrggbb"
}

export const COLOURS: readonly ColourDef[] = [
  { name: "black", title: "Black", hex: "#1f1f22" },
  { name: "white", title: "White", hex: "#f7f6f2" },
  { name: "grey", title: "Grey", hex: "#8d9096" },
  { name: "navy", title: "Navy", hex: "#1f2d4d" },
  { name: "beige", title: "Beige", hex: "#d8c3a0" },
  { name: "brown", title: "Brown", hex: "#6e4a2f" },
  { name: "red", title: "Red", hex: "#c62f2f" },
  { name: "burgundy", title: "Burgundy", hex: "#7a1f33" },
  { name: "pink", title: "Pink", hex: "#eb9cb8" },
  { name: "orange", title: "Orange", hex: "#e87a2c" },
  { name: "yellow", title: "Yellow", hex: "#f0c534" },
  { name: "olive", title: "Olive", hex: "#6b6b2e" },
  { name: "green", title: "Green", hex: "#2f8a4e" },
  { name: "teal", title: "Teal", hex: "#1f7f80" },
  { name: "blue", title: "Blue", hex: "#2f5fb3" },
  { name: "light blue", title: "Light Blue", hex: "#9cc3e6" },
  { name: "purple", title: "Purple", hex: "#6d3f98" },
];

export type ColourName = string;
const COLOUR_BY_NAME = new Map(COLOURS.map((c) => [c.name, c]));

/** Look up a colour by its lowercase name; undefined for names outside the table. */
export function colourByName(name: string): ColourDef | undefined {
  return COLOUR_BY_NAME.get(name.toLowerCase());
}

export interface MaterialDef {
  phrase: string; // used in descriptions: "soft viscose"
  title: string; // used in names: "Viscose"; "" = never in the name
}

export interface ArticleTypeDef {
  key: string; // stable internal key, also the renderer's silhouette key
  articleType: string; // plural display name, e.g. "Tshirts"
  category: Category;
  subcategory: string;
  plural: boolean; // "a pair of" when true (jeans, boots...)
  genders: Partial<Record<Gender, number>>; // weights
  sizeSystem: SizeSystem;
  price: { min: number; max: number }; // USD
  nouns: readonly string[]; // the last words of a product name
  materials: readonly MaterialDef[];
  styles: readonly Style[]; // styles that make sense for this article type
  patterns: Partial<Record<Pattern, number>>; // weights; absent = never
  seasons: Partial<Record<Season, number>>; // weights
  colours?: Partial<Record<string, number>>; // palette weights; absent = all colours equal
}

const m = (phrase: string, title: string): MaterialDef => ({ phrase, title });

const FOUR_SEASONS = { Spring: 1, Summer: 1, Fall: 1, Winter: 1 };
const WARM = { Spring: 2, Summer: 3, Fall: 1 };
const COLD = { Fall: 2, Winter: 3, Spring: 0.5 };
const DENIM = { blue: 5, "light blue": 4, navy: 2.5, black: 3, grey: 1.5, white: 1 };
const NEUTRAL_HEAVY = { black: 3, navy: 2.5, grey: 2.5, beige: 2.5, brown: 2, olive: 1.5, burgundy: 1.5, white: 0.6, red: 0.5, green: 0.6, teal: 0.4, blue: 0.6, "light blue": 0.4, purple: 0.3, pink: 0.4, yellow: 0.3, orange: 0.4 };
const LEATHER = { black: 4, brown: 4, beige: 2, burgundy: 1.5, grey: 1, olive: 1, navy: 0.8, white: 0.6, red: 0.6 };

export const ARTICLE_TYPES: readonly ArticleTypeDef[] = [
  {
    key: "tshirt", articleType: "Tshirts", category: "Apparel", subcategory: "Topwear", plural: false,
    genders: { Women: 3, Men: 3, Unisex: 2 }, sizeSystem: "letter", price: { min: 12, max: 90 },
    nouns: ["T-Shirt", "Crew-Neck Tee", "Relaxed Tee", "Classic Tee"],
    materials: [m("organic cotton", "Organic Cotton"), m("soft cotton jersey", "Jersey"), m("a linen blend", "Linen"), m("heavyweight cotton", "Heavyweight")],
    styles: ["casual", "streetwear", "minimalist", "sporty", "vintage", "boho"],
    patterns: { solid: 5, stripes: 3, dots: 1.2, floral: 0.8, camo: 1, "colour-block": 1 },
    seasons: WARM,
  },
  {
    key: "shirt", articleType: "Shirts", category: "Apparel", subcategory: "Topwear", plural: false,
    genders: { Women: 3, Men: 4, Unisex: 1 }, sizeSystem: "letter", price: { min: 25, max: 180 },
    nouns: ["Shirt", "Button-Down Shirt", "Classic Shirt", "Relaxed Shirt"],
    materials: [m("crisp cotton poplin", "Cotton"), m("breathable linen", "Linen"), m("brushed flannel", "Flannel"), m("washed chambray", "Chambray"), m("fluid silk", "Silk")],
    styles: ["casual", "formal", "minimalist", "vintage", "boho"],
    patterns: { solid: 4, stripes: 3, checks: 3, dots: 1.4, floral: 1.2 },
    seasons: FOUR_SEASONS,
  },
  {
    key: "sweater", articleType: "Sweaters", category: "Apparel", subcategory: "Topwear", plural: false,
    genders: { Women: 3, Men: 3, Unisex: 1 }, sizeSystem: "letter", price: { min: 35, max: 320 },
    nouns: ["Sweater", "Crew-Neck Jumper", "Knit Sweater", "Pullover"],
    materials: [m("fine merino wool", "Merino"), m("soft cashmere", "Cashmere"), m("chunky cotton knit", "Cotton Knit"), m("warm lambswool", "Lambswool")],
    styles: ["casual", "minimalist", "vintage", "formal", "boho"],
    patterns: { solid: 6, stripes: 2, checks: 0.6, "colour-block": 1, dots: 0.3 },
    seasons: COLD,
  },
  {
    key: "hoodie", articleType: "Hoodies", category: "Apparel", subcategory: "Topwear", plural: false,
    genders: { Women: 2, Men: 3, Unisex: 3 }, sizeSystem: "letter", price: { min: 30, max: 160 },
    nouns: ["Hoodie", "Pullover Hoodie", "Hooded Sweatshirt"],
    materials: [m("brushed fleece", "Fleece"), m("loopback French terry", "Terry"), m("organic cotton", "Organic Cotton")],
    styles: ["casual", "streetwear", "sporty", "minimalist"],
    patterns: { solid: 6, "colour-block": 2, camo: 1.5, stripes: 0.5 },
    seasons: { Fall: 3, Winter: 2, Spring: 2 },
  },
  {
    key: "dress", articleType: "Dresses", category: "Apparel", subcategory: "Dress", plural: false,
    genders: { Women: 1 }, sizeSystem: "letter", price: { min: 30, max: 420 },
    nouns: ["Midi Dress", "Maxi Dress", "Sundress", "Slip Dress", "Fit-and-Flare Dress"],
    materials: [m("soft viscose", "Viscose"), m("light cotton", "Cotton"), m("breezy linen", "Linen"), m("fluid silk", "Silk"), m("matte crepe", "Crepe")],
    styles: ["casual", "formal", "boho", "minimalist", "vintage"],
    patterns: { solid: 4, floral: 4, dots: 3, stripes: 1.2, checks: 1 },
    seasons: { Spring: 3, Summer: 4, Fall: 1.5, Winter: 0.5 },
  },
  {
    key: "skirt", articleType: "Skirts", category: "Apparel", subcategory: "Bottomwear", plural: false,
    genders: { Women: 1 }, sizeSystem: "letter", price: { min: 25, max: 220 },
    nouns: ["A-Line Skirt", "Pleated Skirt", "Midi Skirt", "Mini Skirt", "Skirt"],
    materials: [m("light cotton", "Cotton"), m("soft suede", "Suede"), m("washed denim", "Denim"), m("fluid satin", "Satin"), m("wool twill", "Wool")],
    styles: ["casual", "formal", "boho", "vintage", "minimalist"],
    patterns: { solid: 4, floral: 2.5, checks: 2, dots: 2.2, stripes: 1 },
    seasons: FOUR_SEASONS,
  },
  {
    key: "jeans", articleType: "Jeans", category: "Apparel", subcategory: "Bottomwear", plural: true,
    genders: { Women: 3, Men: 3, Unisex: 1 }, sizeSystem: "waist", price: { min: 35, max: 260 },
    nouns: ["Straight-Leg Jeans", "Slim-Fit Jeans", "Relaxed Jeans", "Five-Pocket Jeans"],
    materials: [m("rigid cotton denim", ""), m("stretch denim", "Stretch"), m("Japanese selvedge denim", "Selvedge"), m("organic cotton denim", "Organic")],
    styles: ["casual", "streetwear", "vintage", "minimalist"],
    patterns: { solid: 1 },
    seasons: FOUR_SEASONS,
    colours: DENIM,
  },
  {
    key: "trousers", articleType: "Trousers", category: "Apparel", subcategory: "Bottomwear", plural: true,
    genders: { Women: 3, Men: 3 }, sizeSystem: "waist", price: { min: 35, max: 280 },
    nouns: ["Tailored Trousers", "Chinos", "Pleated Trousers", "Straight Trousers"],
    materials: [m("wool twill", "Wool"), m("cotton twill", "Cotton"), m("washed linen", "Linen"), m("fine corduroy", "Corduroy")],
    styles: ["formal", "casual", "minimalist", "vintage"],
    patterns: { solid: 6, checks: 1.5, stripes: 1 },
    seasons: FOUR_SEASONS,
    colours: NEUTRAL_HEAVY,
  },
  {
    key: "shorts", articleType: "Shorts", category: "Apparel", subcategory: "Bottomwear", plural: true,
    genders: { Women: 3, Men: 3, Unisex: 1 }, sizeSystem: "letter", price: { min: 18, max: 120 },
    nouns: ["Shorts", "Chino Shorts", "Bermuda Shorts", "Pull-On Shorts"],
    materials: [m("cotton twill", "Cotton"), m("breezy linen", "Linen"), m("washed denim", "Denim"), m("quick-dry nylon", "Nylon")],
    styles: ["casual", "sporty", "streetwear", "boho"],
    patterns: { solid: 5, stripes: 1.5, floral: 1.5, camo: 1, checks: 1 },
    seasons: { Summer: 4, Spring: 2 },
  },
  {
    key: "jacket", articleType: "Jackets", category: "Apparel", subcategory: "Outerwear", plural: false,
    genders: { Women: 3, Men: 3, Unisex: 1.5 }, sizeSystem: "letter", price: { min: 55, max: 520 },
    nouns: ["Bomber Jacket", "Zip-Up Jacket", "Field Jacket", "Jacket"],
    materials: [m("supple leather", "Leather"), m("recycled nylon", "Nylon"), m("soft suede", "Suede"), m("waxed cotton", "Waxed"), m("wool blend", "Wool")],
    styles: ["casual", "streetwear", "sporty", "vintage"],
    patterns: { solid: 6, camo: 1.5, "colour-block": 1.5, checks: 1 },
    seasons: { Spring: 2, Fall: 3, Winter: 1 },
  },
  {
    key: "coat", articleType: "Coats", category: "Apparel", subcategory: "Outerwear", plural: false,
    genders: { Women: 3, Men: 3 }, sizeSystem: "letter", price: { min: 90, max: 880 },
    nouns: ["Overcoat", "Double-Breasted Coat", "Long Coat", "Tailored Coat"],
    materials: [m("dense wool", "Wool"), m("a cashmere blend", "Cashmere"), m("cotton gabardine", "Gabardine"), m("boiled wool", "Boiled Wool")],
    styles: ["formal", "minimalist", "vintage", "casual"],
    patterns: { solid: 7, checks: 2 },
    seasons: COLD,
    colours: NEUTRAL_HEAVY,
  },
  {
    key: "sneakers", articleType: "Sneakers", category: "Footwear", subcategory: "Shoes", plural: true,
    genders: { Women: 2, Men: 2, Unisex: 3 }, sizeSystem: "shoe", price: { min: 45, max: 320 },
    nouns: ["Sneakers", "Low-Top Sneakers", "Court Sneakers", "Trainers"],
    materials: [m("smooth leather", "Leather"), m("sturdy canvas", "Canvas"), m("soft suede", "Suede"), m("breathable mesh", "Mesh")],
    styles: ["casual", "streetwear", "sporty", "minimalist"],
    patterns: { solid: 6, "colour-block": 2 },
    seasons: FOUR_SEASONS,
    colours: { white: 4, black: 3, grey: 1.5, navy: 1.5, beige: 1.2, red: 1, blue: 1, green: 1, "light blue": 0.8, pink: 0.8, olive: 0.8, yellow: 0.6, orange: 0.7, burgundy: 0.7, purple: 0.6, teal: 0.6, brown: 0.6 },
  },
  {
    key: "boots", articleType: "Boots", category: "Footwear", subcategory: "Shoes", plural: true,
    genders: { Women: 3, Men: 3, Unisex: 1 }, sizeSystem: "shoe", price: { min: 70, max: 480 },
    nouns: ["Chelsea Boots", "Ankle Boots", "Boots"],
    materials: [m("polished leather", "Leather"), m("soft suede", "Suede"), m("waxed leather", "Waxed Leather")],
    styles: ["casual", "vintage", "boho", "streetwear", "formal"],
    patterns: { solid: 1 },
    seasons: { Fall: 3, Winter: 3, Spring: 1 },
    colours: LEATHER,
  },
  {
    key: "heels", articleType: "Heels", category: "Footwear", subcategory: "Shoes", plural: true,
    genders: { Women: 1 }, sizeSystem: "shoe", price: { min: 50, max: 560 },
    nouns: ["Pumps", "Stiletto Pumps", "Court Heels", "Heels"],
    materials: [m("smooth leather", "Leather"), m("glossy patent leather", "Patent"), m("soft suede", "Suede"), m("satin", "Satin")],
    styles: ["formal", "minimalist", "vintage"],
    patterns: { solid: 8, dots: 0.4, floral: 0.4 },
    seasons: FOUR_SEASONS,
    colours: { black: 4, red: 2.5, beige: 2.5, pink: 1.5, navy: 1.2, burgundy: 1.5, white: 1, brown: 0.8, purple: 0.6, green: 0.5, blue: 0.6, yellow: 0.4, teal: 0.4, "light blue": 0.4, orange: 0.3, grey: 0.6, olive: 0.2 },
  },
  {
    key: "handbag", articleType: "Handbags", category: "Accessories", subcategory: "Bags", plural: false,
    genders: { Women: 4, Unisex: 1 }, sizeSystem: "one", price: { min: 35, max: 1200 },
    nouns: ["Top-Handle Bag", "Handbag", "Satchel", "Structured Bag"],
    materials: [m("pebbled leather", "Leather"), m("heavy canvas", "Canvas"), m("soft suede", "Suede"), m("vegan leather", "Vegan Leather")],
    styles: ["formal", "minimalist", "boho", "casual", "vintage"],
    patterns: { solid: 7, checks: 1, stripes: 0.7 },
    seasons: FOUR_SEASONS,
    colours: { ...LEATHER, pink: 1.2, red: 1.2, navy: 1.2, white: 1, olive: 1, green: 0.6, teal: 0.5, yellow: 0.5, orange: 0.5, purple: 0.5, "light blue": 0.5, blue: 0.5 },
  },
  {
    key: "hat", articleType: "Hats", category: "Accessories", subcategory: "Headwear", plural: false,
    genders: { Women: 2, Men: 2, Unisex: 3 }, sizeSystem: "one", price: { min: 15, max: 180 },
    nouns: ["Fedora", "Wide-Brim Hat", "Felt Hat", "Hat"],
    materials: [m("wool felt", "Wool Felt"), m("woven straw", "Straw"), m("brushed cotton", "Cotton")],
    styles: ["casual", "boho", "vintage", "formal", "minimalist"],
    patterns: { solid: 6, checks: 1, stripes: 0.5 },
    seasons: FOUR_SEASONS,
    colours: { black: 3, beige: 3, brown: 3, grey: 2, navy: 1.5, burgundy: 1.2, olive: 1.2, white: 1, green: 0.6, red: 0.5, pink: 0.5, blue: 0.5, teal: 0.4, "light blue": 0.4, purple: 0.4, yellow: 0.4, orange: 0.4 },
  },
];

const ARTICLE_BY_TYPE = new Map(ARTICLE_TYPES.map((a) => [a.articleType.toLowerCase(), a]));

/** Find an article type by its display name ("Tshirts"), case-insensitive. */
export function articleTypeByName(articleType: string): ArticleTypeDef | undefined {
  return ARTICLE_BY_TYPE.get(articleType.toLowerCase());
}

export interface BrandDef {
  name: string;
  styles: Partial<Record<Style, number>>; // house style bias (weights)
  tier: PriceTier;
}

// Invented names; any likeness to a real label is accidental.
export const BRANDS: readonly BrandDef[] = [
  { name: "Northwind", styles: { casual: 3, minimalist: 2, vintage: 1 }, tier: "mid" },
  { name: "Lumen & Loom", styles: { minimalist: 3, formal: 2 }, tier: "premium" },
  { name: "Atelier Vessa", styles: { formal: 3, minimalist: 2, vintage: 1 }, tier: "luxury" },
  { name: "Kestrel Row", styles: { sporty: 3, streetwear: 2, casual: 1 }, tier: "mid" },
  { name: "Oakhaven", styles: { vintage: 3, casual: 2, boho: 1 }, tier: "mid" },
  { name: "Marisol", styles: { boho: 3, casual: 2, vintage: 1 }, tier: "mid" },
  { name: "Fieldnote", styles: { casual: 3, vintage: 1, minimalist: 1 }, tier: "budget" },
  { name: "Velour Lane", styles: { formal: 2, vintage: 2, boho: 1 }, tier: "premium" },
  { name: "Stitchline", styles: { casual: 2, streetwear: 2, sporty: 1 }, tier: "budget" },
  { name: "Harbor & Hale", styles: { casual: 2, formal: 2, minimalist: 1 }, tier: "premium" },
  { name: "Solenne", styles: { minimalist: 3, formal: 1, boho: 1 }, tier: "luxury" },
  { name: "Quarry Supply", styles: { streetwear: 3, casual: 1, vintage: 1 }, tier: "mid" },
  { name: "Moth & Meadow", styles: { boho: 3, vintage: 2 }, tier: "premium" },
  { name: "Metro Parade", styles: { streetwear: 3, sporty: 2 }, tier: "budget" },
  { name: "Brindlewood", styles: { vintage: 3, formal: 1, casual: 1 }, tier: "premium" },
  { name: "Saltmarsh", styles: { casual: 2, boho: 2, sporty: 1 }, tier: "budget" },
  { name: "Ivory Pike", styles: { formal: 3, minimalist: 2 }, tier: "luxury" },
  { name: "Peregrine Athletic", styles: { sporty: 4, casual: 1 }, tier: "mid" },
];

/** Fraction of an article type's price range that each tier draws from. */
export const TIER_RANGE: Record<PriceTier, { lo: number; hi: number }> = {
  budget: { lo: 0, hi: 0.25 },
  mid: { lo: 0.15, hi: 0.5 },
  premium: { lo: 0.4, hi: 0.78 },
  luxury: { lo: 0.7, hi: 1 },
};

/** Style -> pattern affinity (multiplies the article type's pattern weight). */
export const STYLE_PATTERN: Record<Style, Partial<Record<Pattern, number>>> = {
  casual: {},
  formal: { floral: 0.3, camo: 0, "colour-block": 0.2, dots: 0.6, checks: 1.3, stripes: 1.3 },
  streetwear: { camo: 3, "colour-block": 2.5, floral: 0.4, dots: 0.4 },
  boho: { floral: 3, dots: 1.5, camo: 0, "colour-block": 0.3, checks: 0.7 },
  minimalist: { solid: 2, stripes: 0.6, checks: 0.4, dots: 0.3, floral: 0.2, camo: 0, "colour-block": 0.4 },
  sporty: { "colour-block": 2.5, stripes: 1.5, floral: 0.2, dots: 0.3, checks: 0.3, camo: 0.8 },
  vintage: { dots: 2, checks: 1.8, stripes: 1.3, floral: 1.3, camo: 0.3, "colour-block": 0.5 },
};

/** Style -> colour affinity (multiplies the palette weight; missing colours use `rest`). */
export const STYLE_COLOUR: Record<Style, { weights: Partial<Record<string, number>>; rest: number }> = {
  casual: { weights: {}, rest: 1 },
  formal: { weights: { black: 3, navy: 3, grey: 2, white: 2, beige: 1.5, burgundy: 1.5, brown: 1, purple: 0.8, teal: 0.7 }, rest: 0.45 },
  minimalist: { weights: { black: 3, white: 3, grey: 2.5, beige: 2.5, navy: 1.5, "light blue": 1, olive: 0.8, pink: 0.7, teal: 0.7 }, rest: 0.4 },
  boho: { weights: { brown: 2, beige: 2, burgundy: 2, olive: 2, orange: 2, yellow: 1.8, pink: 1.8, white: 1.2, teal: 1.8, purple: 1.2 }, rest: 0.5 },
  streetwear: { weights: { black: 2.5, olive: 2, grey: 1.5, white: 1.5, red: 1.5, orange: 1.2, purple: 1.5, yellow: 1.2, teal: 1.2 }, rest: 0.6 },
  sporty: { weights: { blue: 2, red: 1.8, black: 1.8, white: 1.8, green: 1.5, "light blue": 1.5, grey: 1.5, yellow: 1.2, orange: 1.2, navy: 1.2, teal: 1.2 }, rest: 0.5 },
  vintage: { weights: { burgundy: 2, brown: 2, olive: 2, navy: 1.5, beige: 1.5, yellow: 1.5, green: 1.3, red: 1.1, teal: 1.2, pink: 1.1 }, rest: 0.6 },
};

/** Adjectives per style: `apparel` for garments, `general` for shoes, bags and hats. */
export const STYLE_WORDS: Record<Style, { apparel: readonly string[]; general: readonly string[] }> = {
  casual: { apparel: ["relaxed", "easy", "everyday"], general: ["everyday", "easy-going", "versatile"] },
  formal: { apparel: ["tailored", "polished", "refined"], general: ["polished", "refined", "elegant"] },
  streetwear: { apparel: ["oversized", "boxy", "bold"], general: ["bold", "chunky", "statement"] },
  boho: { apparel: ["flowing", "free-spirited", "airy"], general: ["free-spirited", "artisanal", "laid-back"] },
  minimalist: { apparel: ["clean-lined", "pared-back", "understated"], general: ["clean-lined", "understated", "sleek"] },
  sporty: { apparel: ["lightweight", "athletic", "active"], general: ["lightweight", "athletic", "cushioned"] },
  vintage: { apparel: ["retro", "classic", "heritage"], general: ["retro", "heritage", "timeless"] },
};

export const STYLE_OCCASIONS: Record<Style, readonly string[]> = {
  casual: ["weekends", "everyday errands", "coffee with friends"],
  formal: ["the office", "evenings out", "special occasions"],
  streetwear: ["the city", "late nights out", "weekend drops"],
  boho: ["festival season", "slow weekends", "sunny markets"],
  minimalist: ["a capsule wardrobe", "workdays", "quiet weekends"],
  sporty: ["active days", "the gym and beyond", "morning runs"],
  vintage: ["weekend markets", "dinner dates", "everyday wear"],
};

export const SEASON_OCCASIONS: Record<Season, readonly string[]> = {
  Spring: ["mild spring days", "fresh spring mornings"],
  Summer: ["warm days", "long summer evenings"],
  Fall: ["crisp autumn days", "cool autumn evenings"],
  Winter: ["cold mornings", "the colder months"],
};

/** Pattern vocabulary: an adjective for names and a phrase for descriptions ("{2}" = secondary colour). */
export const PATTERN_WORDS: Record<Pattern, { title: string; phrase: string }> = {
  solid: { title: "", phrase: "" },
  stripes: { title: "Striped", phrase: " with {2} stripes" },
  checks: { title: "Checked", phrase: " with a {2} check" },
  dots: { title: "Polka-Dot", phrase: " with {2} polka dots" },
  floral: { title: "Floral", phrase: " with a small {2} floral print" },
  camo: { title: "Camo", phrase: " with a {2} camo print" },
  "colour-block": { title: "Colour-Block", phrase: " blocked with {2}" },
};

/** Earthy tones a camo print is built from (primary and secondary). */
export const CAMO_TONES: readonly string[] = ["olive", "brown", "beige", "black", "green", "grey"];

export const SIZE_SYSTEMS: Record<SizeSystem, readonly string[]> = {
  letter: ["XS", "S", "M", "L", "XL"],
  waist: ["26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36"],
  shoe: ["36", "37", "38", "39", "40", "41", "42", "43", "44", "45"],
  one: [],
};
