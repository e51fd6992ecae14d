// Brand hygiene for one imported catalog file. Names in the Fashion Product Images
// layout read "<Brand> <Gender word> <description>" ("Inkfruit Mens Chain Reaction
// T-shirt", "United Colors of Benetton Men Solid Polo"), and there is no brand column.
// Two passes over the whole file: (1) count the text before the first gender word of
// every name (plus any brand column values) into a known brand list, case-folded so
// Puma / PUMA are one brand shown in its most common spelling; (2) give each product
// the longest known brand its name starts with. Pure: arrays in, values out.
import { CANONICAL_COLOURS, canonicalColour } from "./colours";

/** Gender words that end a brand prefix (case-insensitive, whole words). */
export const GENDER_WORD = /(?:^|\s)(?:men|mens|men's|women|womens|women's|woman|boy|boys|boy's|girl|girls|girl's|unisex|kids)(?=\s|$|[,.:;-])/i;

/** Longest brand prefix we believe (in words); longer texts before a gender word are descriptions. */
const MAX_BRAND_WORDS = 5;

const fold = (s: string) => s.trim().replace(/\s+/g, " ").replace(/[’`]/g, "'").toLowerCase();
const tidy = (s: string) => s.trim().replace(/\s+/g, " ");

/** The text before the first gender word of a name, or null when there is none (or it starts the name). */
export function brandCandidate(name: string): string | null {
  const m = GENDER_WORD.exec(name.replace(/[’`]/g, "'"));
  if (!m) return null;
  const words = tidy(name.slice(0, m.index)).split(" ").filter(Boolean);
  // "Newhide Brown Men Belt": a colour right before the gender word describes the item
  while (words.length > 1 && CANONICAL_COLOURS[canonicalColour(words[words.length - 1])]) words.pop();
  if (words.length === 0 || words.length > MAX_BRAND_WORDS) return null;
  return words.join(" ");
}

export interface BrandIndex {
  /** case-folded brand -> display spelling */
  display: Map<string, string>;
  /** the longest known brand the name starts with (display spelling), or "" */
  brandOf(name: string): string;
  /** a given brand (e.g. a brand column value) in its canonical display spelling */
  canonical(brand: string): string;
}

function mostCommonSpelling(spellings: Map<string, number>): string {
  // most common; ties go to a spelling that is not all capitals, then alphabetical
  const allCaps = (s: string) => s === s.toUpperCase() && s !== s.toLowerCase();
  return [...spellings].sort((a, b) => b[1] - a[1] || Number(allCaps(a[0])) - Number(allCaps(b[0])) || a[0].localeCompare(b[0]))[0][0];
}

/** Words of a folded text that are a prefix of another folded text ("arrow" of "arrow sport"). */
function shorterPrefixes(key: string): string[] {
  const words = key.split(" ");
  return words.slice(1).map((_, i) => words.slice(0, i + 1).join(" "));
}

type Tally = { counts: Map<string, number>; spellings: Map<string, Map<string, number>> };

function addTo(t: Tally, raw: string, weight: number): void {
  const text = tidy(raw);
  if (text === "") return;
  const key = fold(text);
  t.counts.set(key, (t.counts.get(key) ?? 0) + weight);
  const sp = t.spellings.get(key) ?? new Map<string, number>();
  sp.set(text, (sp.get(text) ?? 0) + 1);
  t.spellings.set(key, sp);
}

const startsWithKey = (folded: string, key: string) => folded === key || (folded.startsWith(key) && /[\s,:-]/.test(folded[key.length]));

/** First words that never start a brand, even when several names share them. */
const NOT_A_BRAND = new Set(["set", "pack", "combo", "the", "a", "an", "new", "free", "buy", "gift", "kids", "baby", ...Object.keys(CANONICAL_COLOURS)]);

/**
 * Pass 2b: names with no known brand and no gender word ("Lakme Enrich Satins Lipstick
 * 134", "Royal Diadem Black Earrings") share a brand when two or more of them start with
 * the same word; the brand is the words all of them share (at most three).
 */
function brandsFromSharedLeads(names: readonly string[], known: Set<string>, t: Tally): void {
  const groups = new Map<string, string[][]>();
  for (const n of names) {
    const f = fold(n);
    if ([...known].some((k) => startsWithKey(f, k))) continue;
    const words = tidy(n).split(" ");
    const lead = words[0].toLowerCase();
    if (words.length < 2 || NOT_A_BRAND.has(lead) || !/^\p{L}/u.test(lead)) continue;
    groups.set(lead, [...(groups.get(lead) ?? []), words]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const shortest = Math.min(...group.map((w) => w.length));
    let len = 1;
    while (len < Math.min(3, shortest - 1) && group.every((w) => w[len].toLowerCase() === group[0][len].toLowerCase())) len++;
    for (const w of group) addTo(t, w.slice(0, len).join(" "), 1);
    known.add(fold(group[0].slice(0, len).join(" ")));
  }
}

/**
 * Build the known brand list of one file. Pass 1 counts the text before the first gender
 * word of every name. A candidate seen twice or more is a brand; a candidate seen once is
 * a brand only when no shorter candidate starts it (so "Inkfruit" from a single
 * "Inkfruit Mens ..." counts, but "Fabindia Cotton Kurta" from a single "Fabindia Cotton
 * Kurta Men" falls back to "Fabindia"). Brand column values always count.
 */
export function buildBrandIndex(names: readonly string[], givenBrands: readonly string[] = []): BrandIndex {
  const t: Tally = { counts: new Map(), spellings: new Map() };
  for (const n of names) {
    const c = brandCandidate(n);
    if (c) addTo(t, c, 1);
  }
  for (const b of givenBrands) addTo(t, b, 2); // a brand column value is a brand, whatever its count
  const frequent = new Set([...t.counts].filter(([, n]) => n >= 2).map(([k]) => k));
  const known = new Set(frequent);
  for (const [k, n] of t.counts) if (n < 2 && !shorterPrefixes(k).some((p) => t.counts.has(p))) known.add(k);
  brandsFromSharedLeads(names, known, t);
  const display = new Map([...known].map((k) => [k, mostCommonSpelling(t.spellings.get(k) as Map<string, number>)]));
  const longestFirst = [...known].sort((a, b) => b.length - a.length);
  return {
    display,
    brandOf(name: string): string {
      const n = fold(name);
      const hit = longestFirst.find((k) => startsWithKey(n, k));
      return hit ? (display.get(hit) as string) : "";
    },
    canonical(brand: string): string {
      const t2 = tidy(brand);
      return display.get(fold(t2)) ?? t2;
    },
  };
}

/** The name without a leading brand ("Inkfruit Mens Tee" -> "Mens Tee"); unchanged when little would be left. */
export function stripBrand(name: string, brand: string): string {
  const n = tidy(name);
  const b = tidy(brand);
  if (b === "" || !fold(n).startsWith(fold(b)) || !/^[\s,:-]/.test(n.slice(b.length))) return name;
  const rest = n.slice(b.length).replace(/^[\s,:-]+/, "");
  return rest.length < 3 ? name : rest.charAt(0).toUpperCase() + rest.slice(1);
}
