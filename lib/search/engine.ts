// Word search over one catalog snapshot: the understood chips of the query become hard
// filters ANDed with the shopper's explicit filters (an explicit filter wins over a chip of
// the same key); the words left rank by BM25 (lib/search/bm25.ts), plus a small boost when
// a product agrees with a colour or type named in those words, plus the CLIP text tower's
// similarity when the caller passes it (blended, never instead). With nothing left to rank
// by, article types take turns (most common first, newest first within a type). Sorts
// (relevance, price up/down with unpriced last, newest), pages of SEARCH_LIMITS.pageSize,
// facets counted without their own key's filter, a `why` in words for each hit, and when
// the understood filters together match nothing, the least important are relaxed and the
// notice says so. Pure: index and state in, result out; lib/feed/text-search.ts adds the
// catalog, the CLIP vector and the public projection.
import { canonicalColour } from "@/lib/catalog/colours";
import { formatPrice } from "@/lib/format/price";
import type { Product } from "@/lib/recommender/types";
import { bm25Scores, buildProductBm25, hasTerm, type Bm25Index } from "./bm25";
import { FILTER_KEYS, SEARCH_LIMITS, type Facet, type FilterKey, type SearchState, type TextSearchResponse, type UnderstoodChip } from "./contract";
import { parseQuery, type ParsedQuery, type PriceRange, type QueryWord } from "./parse";
import { EMPTY_QUERY_MESSAGE, SearchInputError } from "./url";
import { buildVocabulary, productValues, valueLabel, type Vocabulary } from "./vocabulary";

/** Facets the result carries, in display order. */
export const FACET_KEYS: readonly FilterKey[] = ["gender", "type", "colour", "brand"];
/** Most values a facet lists (values the shopper selected are always listed). */
export const MAX_FACET_VALUES = 40;
/** Understood filters relaxed first when together they match nothing (least important first). */
export const RELAX_ORDER: ReadonlyArray<FilterKey | "price"> = ["usage", "season", "brand", "price", "colour", "gender", "type"];
/** Weight of the CLIP similarity (min-max over the matches) next to BM25 (divided by the best score). */
export const CLIP_WEIGHT = 0.3;
/** Products the CLIP text tower alone may bring in (the best this many by similarity). */
export const CLIP_MATCHES = 48;
/** Boost per agreeing colour / article type named in the ranked words. */
export const AGREEMENT_BOOST = 0.2;

export interface SearchIndex {
  products: readonly Product[];
  vocab: Vocabulary;
  bm25: Bm25Index;
  /** per key, per product position: its lowercase values */
  keyValues: Record<FilterKey, string[][]>;
  /** rank of each position in the default order (newest year first, then name, then id) */
  defaultRank: Uint32Array;
  /** rank of each position in the "newest" sort (year desc, then id desc) */
  newestRank: Uint32Array;
}

export interface SearchOptions {
  /** CLIP text similarity of the ranked words to each product (by position; NaN without a vector) */
  clip?: Float32Array | null;
  /** product ids left out (the benchmark hides each query's own product) */
  exclude?: ReadonlySet<number>;
}

export interface EngineHit {
  product: Product;
  why: string;
}

/** TextSearchResponse without what the route adds (kind, state, the public projection of products). */
export type EngineResult = Omit<TextSearchResponse, "kind" | "state" | "hits"> & { hits: EngineHit[] };

function ranks(n: number, compare: (a: number, b: number) => number): Uint32Array {
  const order = Array.from({ length: n }, (_, i) => i).sort(compare);
  const rank = new Uint32Array(n);
  order.forEach((pos, r) => (rank[pos] = r));
  return rank;
}

/** Build the search index of a catalog (visible products); once per catalog version. */
export function buildSearchIndex(products: readonly Product[]): SearchIndex {
  const keyValues = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, products.map((p) => productValues(p, key).map((v) => v.toLowerCase()))]),
  ) as Record<FilterKey, string[][]>;
  const year = (p: Product) => p.year ?? -Infinity;
  return {
    products,
    vocab: buildVocabulary(products),
    bm25: buildProductBm25(products),
    keyValues,
    defaultRank: ranks(products.length, (a, b) => {
      const pa = products[a];
      const pb = products[b];
      return year(pb) - year(pa) || pa.name.localeCompare(pb.name) || pa.id - pb.id;
    }),
    newestRank: ranks(products.length, (a, b) => year(products[b]) - year(products[a]) || products[b].id - products[a].id),
  };
}

export interface SearchPlan {
  parsed: ParsedQuery;
  /** understood chips in effect (not dropped, not overridden by an explicit filter of the same key) */
  active: UnderstoodChip[];
  /** the words to rank by */
  words: QueryWord[];
}

const hasExplicit = (state: SearchState, key: FilterKey) => (state.filters[key] ?? []).length > 0;
const explicitPrice = (state: SearchState) => state.min !== null || state.max !== null;

/** Parse the query against the catalog and decide which chips apply; throws SearchInputError when there is nothing to search for. */
export function planSearch(vocab: Vocabulary, state: SearchState): SearchPlan {
  const parsed = parseQuery(state.q, vocab, state.drop);
  const active = parsed.chips.filter((c) => (c.key === "price" ? !explicitPrice(state) : !hasExplicit(state, c.key)));
  const anyExplicit = FILTER_KEYS.some((k) => hasExplicit(state, k)) || explicitPrice(state);
  if (active.length === 0 && parsed.words.length === 0 && !anyExplicit) throw new SearchInputError("q", EMPTY_QUERY_MESSAGE);
  return { parsed, active, words: parsed.words };
}

interface Filters {
  sets: Partial<Record<FilterKey, Set<string>>>;
  price: PriceRange | null;
}

function chipRange(c: UnderstoodChip): PriceRange {
  const v = c.value;
  if (v.startsWith("<")) return { min: null, max: Number(v.slice(1)) };
  if (v.startsWith(">")) return { min: Number(v.slice(1)), max: null };
  const [a, b] = v.split("-").map(Number);
  return { min: a, max: b };
}

function filtersOf(vocab: Vocabulary, state: SearchState, chips: readonly UnderstoodChip[]): Filters {
  const sets: Filters["sets"] = {};
  for (const key of FILTER_KEYS) {
    const explicit = state.filters[key] ?? [];
    const values = explicit.length > 0 ? explicit : chips.filter((c) => c.key === key).map((c) => c.value);
    if (values.length === 0) continue;
    // colours by any spelling, colour families by their colours
    const lower = key === "colour" ? values.flatMap((v) => vocab.families.get(v.toLowerCase()) ?? [canonicalColour(v)]) : values.map((v) => v.toLowerCase());
    sets[key] = new Set(lower);
  }
  const priceChip = chips.find((c) => c.key === "price");
  const price = explicitPrice(state) ? { min: state.min, max: state.max } : priceChip ? chipRange(priceChip) : null;
  return { sets, price };
}

function passes(index: SearchIndex, pos: number, f: Filters, skip?: FilterKey): boolean {
  for (const key of FILTER_KEYS) {
    const set = f.sets[key];
    if (!set || key === skip) continue;
    if (!index.keyValues[key][pos].some((v) => set.has(v))) return false;
  }
  if (f.price) {
    const cents = index.products[pos].priceCents;
    if (cents === null) return false;
    if (f.price.min !== null && cents < Math.round(f.price.min * 100)) return false;
    if (f.price.max !== null && cents > Math.round(f.price.max * 100)) return false;
  }
  return true;
}

const hasFilters = (f: Filters) => f.price !== null || Object.keys(f.sets).length > 0;
const quote = (s: string) => `“${s}”`;

/** Colours and types named in the ranked words (dropped or relaxed chips): a small ranking boost, not a filter. */
function agreements(vocab: Vocabulary, words: readonly QueryWord[]): { type: Set<string>; colour: Set<string> } {
  const out = { type: new Set<string>(), colour: new Set<string>() };
  const terms = words.map((w) => w.term);
  for (let i = 0; i < terms.length; i++) {
    for (let len = Math.min(vocab.maxWords, terms.length - i); len >= 1; len--) {
      const entries = vocab.phrases.get(terms.slice(i, i + len).join(" "));
      if (!entries) continue;
      for (const e of entries) if (e.key === "type" || e.key === "colour") out[e.key].add(e.value.toLowerCase());
      break;
    }
  }
  return out;
}

/** Run a search: filters, ranking, sort, page, facets, why, relaxation notice. */
export function searchCatalog(index: SearchIndex, state: SearchState, opts: SearchOptions = {}): EngineResult {
  const plan = planSearch(index.vocab, state);
  const n = index.products.length;
  const excluded = new Uint8Array(n);
  if (opts.exclude?.size) index.products.forEach((p, i) => (excluded[i] = opts.exclude!.has(p.id) ? 1 : 0));

  const clipAll = opts.clip && opts.clip.length === n ? opts.clip : null;
  const run = (chips: readonly UnderstoodChip[], words: readonly QueryWord[]) => {
    const filters = filtersOf(index.vocab, state, chips);
    const terms = words.map((w) => w.term);
    const bm = terms.length > 0 ? bm25Scores(index.bm25, terms) : null;
    const clip = terms.length > 0 ? clipAll : null;
    let clipFloor = Infinity;
    if (clip) {
      const sims: number[] = [];
      for (let i = 0; i < n; i++) if (!excluded[i] && Number.isFinite(clip[i])) sims.push(clip[i]);
      sims.sort((a, b) => b - a);
      if (sims.length > 0) clipFloor = sims[Math.min(CLIP_MATCHES, sims.length) - 1];
    }
    const textMatch = (i: number) => (bm !== null && bm[i] > 0) || (clip !== null && clip[i] >= clipFloor);
    const candidates: number[] = [];
    for (let i = 0; i < n; i++) if (!excluded[i] && passes(index, i, filters)) candidates.push(i);
    let matches = bm || clip ? candidates.filter(textMatch) : candidates;
    // words are a hard requirement only when nothing else narrows the search
    const softText = (bm !== null || clip !== null) && matches.length === 0 && hasFilters(filters);
    if (softText) matches = candidates;
    return { filters, bm, clip, matches, softText, words, textMatch };
  };

  let chips = plan.active;
  let words = plan.words;
  let result = run(chips, words);
  let relaxed: UnderstoodChip[] = [];
  if (result.matches.length === 0 && chips.length > 0) {
    for (const key of RELAX_ORDER) {
      const drop = chips.filter((c) => c.key === key);
      if (drop.length === 0) continue;
      const tryRelaxed = [...relaxed, ...drop];
      const tryChips = chips.filter((c) => c.key !== key);
      // a relaxed chip's words rank instead (every chip read from the same words goes at once)
      const sources = [...new Set(drop.filter((c) => c.key !== "price").map((c) => c.source))];
      const tryWords = [...words, ...sources.flatMap((src) => parseQuery(src, index.vocab, drop.map((c) => c.token)).words)];
      const r = run(tryChips, tryWords);
      relaxed = tryRelaxed;
      chips = tryChips;
      words = tryWords;
      if (r.matches.length > 0) {
        result = r;
        break;
      }
    }
    if (result.matches.length === 0) {
      // relaxing found nothing either: answer for what the shopper asked
      chips = plan.active;
      words = plan.words;
      relaxed = [];
    }
  }

  const { filters, bm, clip, matches, softText, textMatch } = result;
  const ranked = (bm !== null || clip !== null) && !(softText && clip === null);
  const ranker: EngineResult["ranker"] = !ranked ? "filters" : clip ? "clip+bm25" : "bm25";

  // relevance scores
  const score = new Float64Array(n);
  if (ranked) {
    let maxBm = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of matches) {
      if (bm && bm[i] > maxBm) maxBm = bm[i];
      if (clip && Number.isFinite(clip[i])) {
        lo = Math.min(lo, clip[i]);
        hi = Math.max(hi, clip[i]);
      }
    }
    const agree = agreements(index.vocab, words);
    for (const i of matches) {
      let s = bm && maxBm > 0 ? bm[i] / maxBm : 0;
      if (clip && Number.isFinite(clip[i]) && hi > lo) s += (CLIP_WEIGHT * (clip[i] - lo)) / (hi - lo);
      if (index.keyValues.type[i].some((v) => agree.type.has(v))) s += AGREEMENT_BOOST;
      if (index.keyValues.colour[i].some((v) => agree.colour.has(v))) s += AGREEMENT_BOOST;
      score[i] = s;
    }
  }
  const relevance = (a: number, b: number) => (ranked ? score[b] - score[a] : 0) || index.defaultRank[a] - index.defaultRank[b];
  const price = (i: number) => index.products[i].priceCents;
  const byPrice = (dir: 1 | -1) => (a: number, b: number) => {
    const pa = price(a);
    const pb = price(b);
    if (pa === null || pb === null) return (pa === null ? 1 : 0) - (pb === null ? 1 : 0) || relevance(a, b);
    return dir * (pa - pb) || relevance(a, b);
  };
  const compare =
    state.sort === "price-asc" ? byPrice(1) : state.sort === "price-desc" ? byPrice(-1) : state.sort === "newest" ? (a: number, b: number) => index.newestRank[a] - index.newestRank[b] : relevance;
  const sorted = ranked || state.sort !== "relevance" ? [...matches].sort(compare) : interleaveTypes(index, matches);

  const { pageSize } = SEARCH_LIMITS;
  const pageItems = sorted.slice((state.page - 1) * pageSize, state.page * pageSize);
  const agree = agreements(index.vocab, words);
  const hits = pageItems.map((i) => ({ product: index.products[i], why: whyOf(index, i, filters, words, agree, clip !== null && !hasWord(index, i, words)) }));

  // facets: matches of everything but the key's own filter
  const facets: Facet[] = FACET_KEYS.map((key) => {
    const counts = new Map<string, number>();
    const textOk = (i: number) => softText || (bm === null && clip === null) || textMatch(i);
    for (let i = 0; i < n; i++) {
      if (excluded[i] || !passes(index, i, filters, key) || !textOk(i)) continue;
      for (const v of new Set(index.keyValues[key][i])) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const selected = filters.sets[key] ?? new Set<string>();
    for (const v of selected) if (!counts.has(v)) counts.set(v, 0);
    const values = [...counts]
      .map(([lower, count]) => {
        const value = index.vocab.values[key].get(lower) ?? lower;
        return { value, label: valueLabel(key, value), count, selected: selected.has(lower) };
      })
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    const kept = values.filter((v, r) => r < MAX_FACET_VALUES || v.selected).map(({ value, label, count }) => ({ value, label, count }));
    return { key, values: kept };
  });

  let notice: string | null = null;
  if (relaxed.length > 0) {
    const asked = [...chips, ...relaxed].map((c) => quote(c.label));
    notice = `Nothing matched ${asked.join(" + ")} together, so these leave out ${relaxed.map((c) => quote(c.label)).join(" and ")}.`;
  } else if (softText && matches.length > 0) {
    notice = `Nothing here mentions ${words.map((w) => quote(w.text)).join(" or ")}, so these are everything that fits the filters.`;
  }

  return {
    understood: chips,
    rest: words.map((w) => w.text).join(" "),
    ranker,
    total: matches.length,
    page: state.page,
    pageSize,
    hits,
    facets,
    notice,
  };
}

/**
 * The order of results nothing ranks (only filters): article types take turns, the most
 * common type among the matches first, newest first within a type, so a broad query
 * ("something for summer", "nike") opens with a spread of what it found.
 */
export function interleaveTypes(index: SearchIndex, matches: readonly number[]): number[] {
  const groups = new Map<string, number[]>();
  for (const i of matches) {
    const t = index.products[i].articleType;
    const g = groups.get(t);
    if (g) g.push(i);
    else groups.set(t, [i]);
  }
  const lists = [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([, g]) => g.sort((a, b) => index.defaultRank[a] - index.defaultRank[b]));
  const out: number[] = [];
  for (let r = 0; out.length < matches.length; r++) for (const g of lists) if (r < g.length) out.push(g[r]);
  return out;
}

function hasWord(index: SearchIndex, i: number, words: readonly QueryWord[]): boolean {
  return words.some((w) => hasTerm(index.bm25, w.term, i));
}

/** Why a product is in the results, in words (never a percentage). */
function whyOf(index: SearchIndex, i: number, f: Filters, words: readonly QueryWord[], agree: { type: Set<string>; colour: Set<string> }, byLook: boolean): string {
  const p = index.products[i];
  const parts: string[] = [];
  const picked = (key: FilterKey, set: ReadonlySet<string> | undefined) => productValues(p, key).filter((v) => set?.has(v.toLowerCase()));
  if (f.sets.type || agree.type.has(p.articleType.toLowerCase())) parts.push(p.articleType);
  const colours = picked("colour", f.sets.colour ?? agree.colour);
  if (colours.length > 0) parts.push(colours.join(" and "));
  if (f.sets.gender) parts.push(`for ${valueLabel("gender", p.gender).toLowerCase()}`);
  if (f.sets.brand && p.brand) parts.push(`by ${p.brand}`);
  const seasons = picked("season", f.sets.season);
  if (seasons.length > 0) parts.push(`for ${seasons[0].toLowerCase()}`);
  const usage = picked("usage", f.sets.usage);
  if (usage.length > 0) parts.push(usage.join(", "));
  if (f.price && p.priceCents !== null) parts.push(formatPrice(p.priceCents, p.currency));
  const found = [...new Set(words.filter((w) => hasTerm(index.bm25, w.term, i)).map((w) => w.text))];
  if (found.length > 0) parts.push(`matches ${found.map(quote).join(", ")}`);
  else if (byLook && words.length > 0) parts.push(`looks like ${quote(words.map((w) => w.text).join(" "))} to the image model`);
  return parts.length > 0 ? parts.join(" · ") : "in the catalog";
}
