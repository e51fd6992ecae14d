// The word-search vocabulary of one catalog: every phrase a shopper may type for an
// attribute the catalog has (article types with their plurals, colours and their other
// spellings and families, genders, seasons, usage/style values, brands) and a lexicon of common
// shopper words ("sneakers", "tee", "hoodie", "office", "wedding", "summer"...) mapped
// onto the catalog's own values. Lexicon entries whose values the catalog lacks are
// dropped, so every understood chip filters on a value that exists. Built once per
// catalog version (lib/feed/text-search.ts caches it). Pure: products in, maps out.
import { ALIASES, canonicalColour } from "@/lib/catalog/colours";
import type { Product } from "@/lib/recommender/types";
import type { FilterKey } from "./contract";
import { phraseKey, STOP_WORDS } from "./text";

export interface VocabEntry {
  key: FilterKey;
  /** the catalog's value (type "Sports Shoes", colour "navy", gender "men", season "Summer", usage "sports", brand "Nike"),
   *  or a colour family's name ("neutral": the colours it gathers are in `families`) */
  value: string;
  /** what its chip says when not the value itself ("Neutral colours") */
  label?: string;
}

export interface Vocabulary {
  /** folded phrase ("running shoe") -> the values it stands for, all of one key */
  phrases: Map<string, VocabEntry[]>;
  /** the longest phrase, in words */
  maxWords: number;
  /** per key: lowercase value -> the catalog's spelling of it */
  values: Record<FilterKey, Map<string, string>>;
  /** colour family name -> the catalog colours it gathers (a colour filter of a family name means them all) */
  families: Map<string, string[]>;
}

/** Which key a phrase means when several could claim it (first wins). */
const KEY_PRIORITY: readonly FilterKey[] = ["type", "colour", "gender", "season", "usage", "brand"];

/**
 * Shopper words for article types: phrases -> tiers of catalog types. The first tier with
 * any type the catalog has wins ("sneakers" means Sneakers where that type exists, else
 * Casual Shoes and Sports Shoes). A catalog's own type names always beat the lexicon.
 */
const TYPE_LEXICON: ReadonlyArray<readonly [readonly string[], readonly (readonly string[])[]]> = [
  [["tee", "tees", "t shirt", "tee shirt", "tshirt"], [["Tshirts"]]],
  [["sneaker", "trainer", "kicks"], [["Sneakers"], ["Casual Shoes", "Sports Shoes"]]],
  [["running shoe", "runner", "sport shoe", "athletic shoe", "gym shoe", "training shoe", "jogging shoe", "running sneaker"], [["Sports Shoes"], ["Sneakers"]]],
  [["dress shoe", "office shoe", "oxford", "brogue", "derby shoe"], [["Formal Shoes"]]],
  [["loafer", "moccasin", "slip on"], [["Casual Shoes"]]],
  [["flip flop", "flipflop", "slipper", "chappal", "slide"], [["Flip Flops"]]],
  [["heel", "pump", "stiletto", "high heel"], [["Heels"]]],
  [["ballerina", "ballet flat"], [["Flats"]]],
  [["boot", "ankle boot", "chelsea boot"], [["Boots"]]],
  [["hoodie", "hoody", "hooded sweatshirt"], [["Hoodies"], ["Sweatshirts"]]],
  [["sweatshirt", "sweat shirt"], [["Sweatshirts"], ["Hoodies"]]],
  [["sweater", "jumper", "pullover", "knitwear", "cardigan"], [["Sweaters"]]],
  [["jean", "denim jean", "denims"], [["Jeans"]]],
  [["trouser", "pant", "chino", "slack"], [["Trousers"]]],
  [["jogger", "sweatpant", "track pant", "trackpant"], [["Track Pants"]]],
  [["legging", "jegging"], [["Leggings"]]],
  [["bermuda", "bermuda shorts"], [["Shorts"]]],
  [["dress", "frock", "gown", "sundress", "maxi dress"], [["Dresses"]]],
  [["blouse"], [["Tops"], ["Shirts"]]],
  [["tank top", "camisole", "cami"], [["Tops"]]],
  [["button down", "button up"], [["Shirts"]]],
  [["blazer"], [["Blazers"], ["Jackets"]]],
  [["bomber", "bomber jacket"], [["Jackets"]]],
  [["coat", "overcoat", "parka", "trench", "trench coat"], [["Coats"], ["Jackets"]]],
  [["handbag", "purse", "tote", "tote bag", "shoulder bag", "satchel"], [["Handbags"]]],
  [["backpack", "rucksack", "school bag"], [["Backpacks"]]],
  [["hat", "fedora"], [["Hats"], ["Caps"]]],
  [["cap", "baseball cap"], [["Caps"], ["Hats"]]],
  [["sunglass", "shades", "sunnies"], [["Sunglasses"]]],
  [["wristwatch", "watch"], [["Watches"]]],
  [["perfume", "fragrance", "scent", "cologne", "body mist"], [["Perfume and Body Mist", "Fragrance Gift Set"]]],
  [["deo"], [["Deodorant"]]],
  [["scarf", "muffler", "stole", "shawl"], [["Scarves", "Mufflers", "Stoles", "Shawl"]]],
  [["tie", "necktie"], [["Ties"]]],
  [["necklace", "chain"], [["Necklace and Chains"]]],
  [["nail paint", "nail varnish"], [["Nail Polish"]]],
  [["nightwear", "pajama", "pyjama", "nightsuit", "night suit"], [["Night suits", "Nightdress"]]],
  [["swimsuit", "swimwear", "bikini"], [["Swimwear"]]],
  [["saree", "sari"], [["Sarees"]]],
  [["tracksuit"], [["Tracksuits"]]],
];

/** Colour family words: the catalog colours they gather (a plain colour word means that colour only). */
const COLOUR_FAMILIES: ReadonlyArray<{ name: string; label: string; phrases: readonly string[]; colours: readonly string[] }> = [
  { name: "neutral", label: "Neutral colours", phrases: ["neutral", "neutral colour", "neutral tone"], colours: ["black", "white", "off-white", "cream", "grey", "charcoal", "beige", "tan", "nude", "khaki"] },
  { name: "pastel", label: "Pastel colours", phrases: ["pastel", "pastel colour", "pastel shade"], colours: ["light blue", "lavender", "peach", "pink", "cream"] },
  { name: "earthy", label: "Earth tones", phrases: ["earthy", "earth tone", "earthy tone"], colours: ["brown", "tan", "olive", "khaki", "rust", "beige", "mustard"] },
  { name: "jewel tone", label: "Jewel tones", phrases: ["jewel tone", "jewel colour"], colours: ["teal", "burgundy", "purple", "magenta", "navy"] },
];

const GENDER_LEXICON: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [["men", "mens", "man", "male", "gents", "guy", "him", "his"], ["men"]],
  [["women", "womens", "woman", "lady", "ladies", "female", "her"], ["women"]],
  [["boy"], ["boys"]],
  [["girl"], ["girls"]],
  [["kid", "kids", "child", "children", "childrens", "junior"], ["boys", "girls"]],
  [["unisex"], ["unisex"]],
];

/** Season words -> catalog seasons (compared case-insensitively). */
const SEASON_LEXICON: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [["summer", "summery", "summertime", "beach", "poolside", "hot weather", "sunny"], ["summer"]],
  [["winter", "wintry", "wintery", "cold weather", "snow"], ["winter"]],
  [["fall", "autumn", "autumnal"], ["fall", "autumn"]],
  [["spring", "springtime"], ["spring"]],
];

/** Occasion and style words -> tiers of usage/style values (first tier the catalog has wins). */
const USAGE_LEXICON: ReadonlyArray<readonly [readonly string[], readonly (readonly string[])[]]> = [
  [["office", "work", "workwear", "business", "meeting", "interview", "corporate", "workday"], [["formal", "smart casual"]]],
  [["wedding", "ceremony", "reception"], [["formal", "ethnic"]]],
  [["festive", "traditional", "diwali", "ethnic wear"], [["ethnic"]]],
  [["party", "cocktail", "partywear", "party wear"], [["party"], ["formal"]]],
  [["gym", "workout", "training", "running", "jogging", "yoga", "sport", "sporty", "athletic", "fitness", "activewear", "athleisure"], [["sports", "sporty"]]],
  [["casual", "everyday", "weekend", "daily"], [["casual"]]],
  [["street", "streetwear", "urban"], [["streetwear"]]],
  [["boho", "bohemian", "hippie", "festival"], [["boho"]]],
  [["minimal", "minimalist"], [["minimalist"]]],
  [["vintage", "retro"], [["vintage"]]],
  [["travel", "vacation", "holiday", "trip"], [["travel"]]],
];

interface Candidate {
  key: FilterKey;
  values: string[];
  exact: boolean;
  label?: string;
}

const EMPTY_KEYS = (): Record<FilterKey, Map<string, string>> => ({
  gender: new Map(), type: new Map(), colour: new Map(), brand: new Map(), season: new Map(), usage: new Map(),
});

/** The catalog's values of one key for a product (its spelling). */
export function productValues(p: Product, key: FilterKey): string[] {
  switch (key) {
    case "gender": return [p.gender];
    case "type": return p.articleType ? [p.articleType] : [];
    case "colour": return p.colours;
    case "brand": return p.brand ? [p.brand] : [];
    case "season": return p.season ? [p.season] : [];
    case "usage": return p.styles;
  }
}

/** How a value reads on a chip or a facet ("light blue" -> "Light blue", "men" -> "Men"). */
export function valueLabel(key: FilterKey, value: string): string {
  if (key === "type" || key === "brand") return value;
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Build the vocabulary of a catalog (visible products). */
export function buildVocabulary(products: readonly Product[]): Vocabulary {
  const values = EMPTY_KEYS();
  for (const p of products) {
    for (const key of KEY_PRIORITY) {
      for (const v of productValues(p, key)) {
        const lower = v.toLowerCase();
        if (v.trim() !== "" && !values[key].has(lower)) values[key].set(lower, v);
      }
    }
  }
  const candidates = new Map<string, Candidate[]>();
  const offer = (phrase: string, key: FilterKey, wanted: readonly string[], exact: boolean) => {
    const k = phraseKey(phrase);
    if (k === "") return;
    const present = [...new Set(wanted.map((w) => values[key].get(w.toLowerCase())).filter((v): v is string => v !== undefined))];
    if (present.length === 0) return;
    const list = candidates.get(k) ?? [];
    list.push({ key, values: present, exact });
    candidates.set(k, list);
  };
  const offerTiers = (phrase: string, key: FilterKey, tiers: readonly (readonly string[])[]) => {
    for (const tier of tiers) {
      if (tier.some((t) => values[key].has(t.toLowerCase()))) {
        offer(phrase, key, tier, false);
        return;
      }
    }
  };

  // the catalog's own values, each under its own name
  for (const [, v] of values.type) offer(v, "type", [v], true);
  for (const [, v] of values.colour) {
    offer(v, "colour", [v], true);
    if (v.includes("-")) offer(v.replace(/-/g, " "), "colour", [v], true);
    for (const [alias, canonical] of Object.entries(ALIASES)) if (canonical === canonicalColour(v)) offer(alias, "colour", [v], true);
  }
  for (const [, v] of values.gender) offer(v, "gender", [v], true);
  for (const [, v] of values.season) offer(v, "season", [v], true);
  for (const [, v] of values.usage) offer(v, "usage", [v], true);
  for (const [, v] of values.brand) {
    const k = phraseKey(v);
    // one- or two-letter brands ("W", "ID") and stop words would fire on ordinary words
    if (k.replace(/ /g, "").length < 3 || STOP_WORDS.has(k)) continue;
    offer(v, "brand", [v], true);
  }
  // the lexicon, onto the values this catalog has
  for (const [phrases, tiers] of TYPE_LEXICON) for (const ph of phrases) offerTiers(ph, "type", tiers);
  const families = new Map<string, string[]>();
  for (const f of COLOUR_FAMILIES) {
    const present = f.colours.filter((c) => values.colour.has(c));
    // a family of one colour is that colour; of none, nothing
    if (present.length < 2 || values.colour.has(f.name)) continue;
    families.set(f.name, present);
    for (const ph of f.phrases) {
      const list = candidates.get(phraseKey(ph)) ?? [];
      list.push({ key: "colour", values: [f.name], exact: false, label: f.label });
      candidates.set(phraseKey(ph), list);
    }
  }
  for (const [phrases, genders] of GENDER_LEXICON) for (const ph of phrases) offer(ph, "gender", genders, false);
  for (const [phrases, seasons] of SEASON_LEXICON) for (const ph of phrases) offer(ph, "season", seasons, false);
  for (const [phrases, tiers] of USAGE_LEXICON) for (const ph of phrases) offerTiers(ph, "usage", tiers);

  const phrases = new Map<string, VocabEntry[]>();
  let maxWords = 1;
  for (const [phrase, list] of candidates) {
    // a key's exact catalog value beats its lexicon; keys by priority
    const best = [...list].sort((a, b) => KEY_PRIORITY.indexOf(a.key) - KEY_PRIORITY.indexOf(b.key) || Number(b.exact) - Number(a.exact))[0];
    phrases.set(phrase, best.values.map((value) => (best.label ? { key: best.key, value, label: best.label } : { key: best.key, value })));
    maxWords = Math.max(maxWords, phrase.split(" ").length);
  }
  return { phrases, maxWords, values, families };
}
