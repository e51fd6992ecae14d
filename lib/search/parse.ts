// Query understanding for word search: read a shopper's query into the catalog's own
// attributes (lib/search/vocabulary.ts phrases, longest phrase first) and a price range
// ("under 50", "below $50", "less than 50", "between 20 and 80", "20-80", "over 100",
// "from 30"), leaving the other words (stop words removed) for BM25. Chips the shopper
// removed (their tokens in `drop`) are not applied: their words are searched as plain
// words instead. Pure.
import type { UnderstoodChip } from "./contract";
import { foldWord, splitWords, STOP_WORDS } from "./text";
import { valueLabel, type Vocabulary } from "./vocabulary";

export interface QueryWord {
  /** the word as typed (lowercase) */
  text: string;
  /** its folded form, the BM25 term */
  term: string;
}

export interface PriceRange {
  min: number | null;
  max: number | null;
}

export interface ParsedQuery {
  /** understood and not dropped, in query order */
  chips: UnderstoodChip[];
  /** understood but removed by the shopper (their words are in `words`) */
  dropped: UnderstoodChip[];
  /** the words left to rank by, in query order, stop words removed */
  words: QueryWord[];
  /** the price range read from the query (null when none, or when its chip was dropped) */
  price: PriceRange | null;
}

export const PRICE_TOKEN = "price";

const NUM = String.raw`(?:\$|usd|€|£)?\s?(\d{1,7}(?:[.,]\d{1,2})?)\s?(?:\$|€|£|dollars?|usd|bucks|euros?|eur|pounds?|gbp)?`;
const B = String.raw`(?<![a-z0-9.$])`;
const E = String.raw`(?![a-z0-9])`;

interface PricePattern {
  re: RegExp;
  read: (a: number, b: number) => PriceRange & { word?: "over" | "from" };
}

const PRICE_PATTERNS: PricePattern[] = [
  { re: new RegExp(String.raw`${B}(?:between|from)\s+${NUM}\s*(?:and|to|-|–)\s*${NUM}${E}`, "g"), read: (a, b) => ({ min: Math.min(a, b), max: Math.max(a, b) }) },
  // a bare range, not a size range ("size 8-10")
  { re: new RegExp(String.raw`${B}(?<!(?:size|uk|us|eu)\s?)${NUM}\s*(?:-|–|to)\s*${NUM}${E}`, "g"), read: (a, b) => ({ min: Math.min(a, b), max: Math.max(a, b) }) },
  { re: new RegExp(String.raw`${B}${NUM}\s+(?:or|and)\s+(?:less|under|below|lower|cheaper)${E}`, "g"), read: (a) => ({ min: null, max: a }) },
  {
    re: new RegExp(String.raw`${B}(?:under|below|less than|cheaper than|lower than|up to|upto|at most|no more than|not more than|max(?:imum)?|within|<=?)\s*${NUM}${E}`, "g"),
    read: (a) => ({ min: null, max: a }),
  },
  { re: new RegExp(String.raw`${B}${NUM}\s*(?:\+|(?:and|or)\s+(?:up|above|over|more))(?![a-z0-9])`, "g"), read: (a) => ({ min: a, max: null, word: "from" }) },
  { re: new RegExp(String.raw`${B}(?:over|above|more than|greater than|>=?)\s*${NUM}${E}`, "g"), read: (a) => ({ min: a, max: null, word: "over" }) },
  { re: new RegExp(String.raw`${B}(?:from|at least|starting at|min(?:imum)?)\s*${NUM}${E}`, "g"), read: (a) => ({ min: a, max: null, word: "from" }) },
];

const money = (n: number) => `$${Number.isInteger(n) ? n : n.toFixed(2)}`;
const num = (s: string | undefined) => Number((s ?? "").replace(",", "."));

/** The chip of a price range. */
export function priceChip(range: PriceRange, source: string, word: "over" | "from" = "over"): UnderstoodChip {
  const { min, max } = range;
  const value = min !== null && max !== null ? `${min}-${max}` : max !== null ? `<${max}` : `>${min}`;
  const label = min !== null && max !== null ? `${money(min)}-${money(max)}` : max !== null ? `under ${money(max)}` : `${word} ${money(min as number)}`;
  return { key: "price", value, label, token: PRICE_TOKEN, source };
}

const SEP = "\u0000";

/** Pull price phrases out of a lowercase query: the range they add up to and the text without them. */
function readPrices(text: string): { chip: UnderstoodChip | null; rest: string; range: PriceRange | null } {
  let min: number | null = null;
  let max: number | null = null;
  let word: "over" | "from" = "over";
  const sources: string[] = [];
  let rest = text;
  for (const p of PRICE_PATTERNS) {
    rest = rest.replace(p.re, (m: string, ...args: unknown[]) => {
      // the groups, then the offset and the whole string
      const groups = args.slice(0, -2) as Array<string | undefined>;
      const r = p.read(num(groups[0]), num(groups[1]));
      if (r.min !== null && Number.isFinite(r.min)) min = min === null ? r.min : Math.max(min, r.min);
      if (r.max !== null && Number.isFinite(r.max)) max = max === null ? r.max : Math.min(max, r.max);
      if (r.word && r.max === null) word = r.word;
      sources.push(m.trim());
      return SEP;
    });
  }
  if (min === null && max === null) return { chip: null, rest, range: null };
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  const range = { min, max };
  return { chip: priceChip(range, sources.join(" "), word), rest, range };
}

type Piece = { kind: "word"; word: QueryWord } | { kind: "chips"; chips: UnderstoodChip[]; words: QueryWord[] };

/** Read a query: understood chips (longest phrase first), the rest words, the price range. */
export function parseQuery(q: string, vocab: Vocabulary, drop: readonly string[] = []): ParsedQuery {
  const dropped = new Set(drop);
  const lower = q.toLowerCase();
  const prices = readPrices(lower);
  const pieces: Piece[] = [];
  const seen = new Set<string>();
  for (const segment of prices.rest.split(SEP)) {
    const raw = splitWords(segment);
    const folded = raw.map(foldWord);
    let i = 0;
    while (i < raw.length) {
      let matched = 0;
      for (let len = Math.min(vocab.maxWords, raw.length - i); len >= 1 && matched === 0; len--) {
        if (len === 1 && STOP_WORDS.has(raw[i])) break;
        const entries = vocab.phrases.get(folded.slice(i, i + len).join(" "));
        if (!entries) continue;
        const source = raw.slice(i, i + len).join(" ");
        const words = raw.slice(i, i + len).flatMap((w, j) => (STOP_WORDS.has(w) ? [] : [{ text: w, term: folded[i + j] }]));
        const chips: UnderstoodChip[] = [];
        for (const e of entries) {
          const token = `${e.key}:${e.value}`;
          if (seen.has(token)) continue;
          seen.add(token);
          chips.push({ key: e.key, value: e.value, label: e.label ?? valueLabel(e.key, e.value), token, source });
        }
        pieces.push({ kind: "chips", chips, words });
        matched = len;
      }
      if (matched > 0) {
        i += matched;
        continue;
      }
      if (!STOP_WORDS.has(raw[i])) pieces.push({ kind: "word", word: { text: raw[i], term: folded[i] } });
      i++;
    }
  }
  const out: ParsedQuery = { chips: [], dropped: [], words: [], price: null };
  if (prices.chip) {
    if (dropped.has(prices.chip.token)) {
      out.dropped.push(prices.chip);
      for (const w of splitWords(prices.chip.source)) if (!STOP_WORDS.has(w)) out.words.push({ text: w, term: foldWord(w) });
    } else {
      out.chips.push(prices.chip);
      out.price = prices.range;
    }
  }
  for (const piece of pieces) {
    if (piece.kind === "word") {
      out.words.push(piece.word);
      continue;
    }
    const kept = piece.chips.filter((c) => !dropped.has(c.token));
    out.chips.push(...kept);
    out.dropped.push(...piece.chips.filter((c) => dropped.has(c.token)));
    // the words come back only when every chip they were read as was removed
    if (kept.length === 0 && piece.chips.length > 0) out.words.push(...piece.words);
  }
  return out;
}
