// The one text normaliser of word search: query parsing (lib/search/parse.ts), the catalog
// vocabulary (vocabulary.ts) and the BM25 index (bm25.ts) all fold words with it, so a
// plural in a query meets the singular in a product name ("dresses" -> "dress",
// "men's" -> "men"). Lowercase, accents dropped, apostrophes and in-word hyphens removed
// ("t-shirt" -> "tshirt"), light plural folding. Pure; safe in the browser.
import { stem } from "@/lib/recommender/text";

/** Words that carry no meaning for a product search (removed from the words BM25 ranks by). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an and any anything are as at be best buy by can could do does for from get give good great has have i im in " +
    "into is it its just like looking look me my need nice of on one or our please pair pairs shop show some " +
    "something someone stuff that the their them these thing things this those to us want wanted we what which with " +
    "would you your outfit outfits clothes clothing item items piece pieces wear " +
    // price phrase connectors: a dropped "under $50" chip leaves only its number behind
    "under below over above less more than between upto up least most max maximum min minimum cheaper"
  ).split(" "),
);

/** Plurals whose singular means something else ("short dress" is not a pair of shorts). */
const KEEP_PLURAL = new Set(["shorts", "briefs", "trunks", "boxers", "tights"]);
/** Plurals the light stemmer misses. */
const IRREGULAR: Record<string, string> = { kurtis: "kurti", capris: "capri", scarves: "scarf", wolves: "wolf", knives: "knife" };

/** One lowercase word (already split) in its folded form: plural folded, never empty for a non-empty word. */
export function foldWord(word: string): string {
  const w = word.toLowerCase();
  if (KEEP_PLURAL.has(w)) return w;
  return IRREGULAR[w] ?? stem(w);
}

/** The raw lowercase words of a text, in order (stop words kept): accents, apostrophes, in-word hyphens removed. */
export function splitWords(text: string): string[] {
  const cleaned = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/([a-z])-(?=[a-z])/g, "$1")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  return cleaned === "" ? [] : cleaned.split(" ");
}

/** Folded words of a text, stop words kept (for phrase matching). */
export function foldedWords(text: string): string[] {
  return splitWords(text).map(foldWord);
}

/** Folded words of a text without stop words: the terms BM25 indexes and ranks by. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of splitWords(text)) if (!STOP_WORDS.has(w)) out.push(foldWord(w));
  return out;
}

/** A catalog value as a phrase key: its folded words joined by one space ("Sports Shoes" -> "sport shoe"). */
export function phraseKey(value: string): string {
  return foldedWords(value).join(" ");
}
