// The search API's wire contract (GET /api/search, POST /api/search/photo) and its URL state,
// shared by the route handlers, lib/search and the /search page. Types and constants only:
// safe to import from client components; imports nothing but types.
import type { PublicProduct } from "@/lib/feed/cards";

/** Attribute filters a query can carry. Multi-valued keys take values joined by "," in the URL. */
export const FILTER_KEYS = ["gender", "type", "colour", "brand", "season", "usage"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const SORTS = ["relevance", "price-asc", "price-desc", "newest"] as const;
export type SortKey = (typeof SORTS)[number];

export const SEARCH_LIMITS = { maxQueryChars: 200, pageSize: 24, maxPage: 50 } as const;

/** The parsed URL state of /search and GET /api/search (same parameter names in both):
 *  q, gender, type, colour, brand, season, usage (comma-joined lists), min, max (whole
 *  currency units), sort, page (1-based), drop (comma-joined chip tokens the shopper removed). */
export interface SearchState {
  q: string;
  filters: Record<FilterKey, string[]>;
  min: number | null;
  max: number | null;
  sort: SortKey;
  page: number;
  drop: string[];
}

/** Something the parser understood in the query, shown as a removable chip. Removing it adds
 *  `token` to `drop`, and the words it came from are searched as plain words instead. */
export interface UnderstoodChip {
  key: FilterKey | "price";
  /** canonical catalog value ("Sports Shoes", "black", "Men") or for price "<max" / ">min" / "min-max" */
  value: string;
  /** what the chip says: "Sports Shoes", "Black", "under $50", "$20-$80" */
  label: string;
  /** stable id for `drop`, e.g. "type:Sports Shoes", "price" */
  token: string;
  /** the words of the query it was read from, e.g. "running shoes" */
  source: string;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface Facet {
  key: FilterKey;
  values: FacetValue[];
}

export interface SearchHit {
  product: PublicProduct;
  /** why it matched, in words ("Sports Shoes · black · matches “running”"); never a percentage */
  why: string;
}

export interface TextSearchResponse {
  kind: "text";
  state: SearchState;
  understood: UnderstoodChip[];
  /** the words left after parsing, ranked by BM25 (and the CLIP text tower when a model is present) */
  rest: string;
  /** which rankers ran: "bm25", "clip+bm25", or "filters" when nothing was left to rank by */
  ranker: "bm25" | "clip+bm25" | "filters";
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  /** counts over all matches of the query (before the shopper's own filters of that key) */
  facets: Facet[];
  /** a note for the shopper, e.g. when understood filters had to be relaxed to find anything */
  notice: string | null;
}

export interface PhotoSearchResponse {
  kind: "photo";
  /** the embedding model that compared the pictures */
  modelId: string | null;
  /** "closest matches" order: best first. No score is sent: these are not calibrated numbers */
  hits: PublicProduct[];
  /** article types among the hits, to narrow them with a tap */
  types: FacetValue[];
}
