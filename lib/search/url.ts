// The URL state of /search and GET /api/search (lib/search/contract.ts SearchState): parse
// query parameters into a SearchState, naming the bad parameter when one is wrong, and
// write a state back as parameters (defaults omitted, so equal states give equal URLs).
// Pure and client-safe: the /search page and the route handler share it.
import { FILTER_KEYS, SEARCH_LIMITS, SORTS, type FilterKey, type SearchState, type SortKey } from "./contract";

/** Most values one filter parameter may list, and the longest value. */
export const FILTER_LIMITS = { maxValues: 30, maxValueChars: 80, maxDropTokens: 30 } as const;

/** What the API answers to an empty (or only stop words) query with no filters. */
export const EMPTY_QUERY_MESSAGE = "Type what you are looking for, e.g. “black running shoes under 50”.";

/** A search parameter the shopper (or a link) got wrong; `param` names it. */
export class SearchInputError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = "SearchInputError";
  }
}

/** Parameters that take one value (filters and drop may repeat: their values join). */
const SINGLE_PARAMS = ["q", "min", "max", "sort", "page"] as const;

/** A state with nothing chosen: the defaults every omitted parameter stands for. */
export function emptySearchState(q = ""): SearchState {
  return {
    q,
    filters: Object.fromEntries(FILTER_KEYS.map((k) => [k, [] as string[]])) as Record<FilterKey, string[]>,
    min: null,
    max: null,
    sort: "relevance",
    page: 1,
    drop: [],
  };
}

function list(params: URLSearchParams, name: string, maxValues: number): string[] {
  const raw = params.getAll(name).join(",");
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of raw.split(",")) {
    const v = part.trim().replace(/\s+/g, " ");
    if (v === "") continue;
    if (v.length > FILTER_LIMITS.maxValueChars) throw new SearchInputError(name, `${name}: each value must be at most ${FILTER_LIMITS.maxValueChars} characters`);
    const key = v.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  if (out.length > maxValues) throw new SearchInputError(name, `${name}: at most ${maxValues} values`);
  return out;
}

function amount(params: URLSearchParams, name: "min" | "max"): number | null {
  const raw = params.get(name);
  if (raw === null || raw.trim() === "") return null;
  const n = Number(raw.trim());
  if (!Number.isFinite(n) || !/^\d+(\.\d+)?$/.test(raw.trim())) {
    throw new SearchInputError(name, `${name} must be a price in whole currency units, e.g. ${name}=50 (got "${raw.slice(0, 20)}")`);
  }
  return n;
}

/** Parse URL parameters into a SearchState; throws SearchInputError naming the bad parameter. Unknown parameters are ignored. */
export function parseSearchState(params: URLSearchParams): SearchState {
  for (const name of SINGLE_PARAMS) {
    if (params.getAll(name).length > 1) throw new SearchInputError(name, `${name} is given more than once`);
  }
  const q = (params.get("q") ?? "").trim().replace(/\s+/g, " ");
  if (q.length > SEARCH_LIMITS.maxQueryChars) {
    throw new SearchInputError("q", `q must be at most ${SEARCH_LIMITS.maxQueryChars} characters (got ${q.length})`);
  }
  const state = emptySearchState(q);
  for (const key of FILTER_KEYS) state.filters[key] = list(params, key, FILTER_LIMITS.maxValues);
  state.min = amount(params, "min");
  state.max = amount(params, "max");
  if (state.min !== null && state.max !== null && state.min > state.max) {
    throw new SearchInputError("min", `min (${state.min}) must not be more than max (${state.max})`);
  }
  const sort = params.get("sort");
  if (sort !== null && sort !== "") {
    if (!(SORTS as readonly string[]).includes(sort)) {
      throw new SearchInputError("sort", `sort must be one of ${SORTS.join(", ")} (got "${sort.slice(0, 30)}")`);
    }
    state.sort = sort as SortKey;
  }
  const page = params.get("page");
  if (page !== null && page !== "") {
    const n = Number(page);
    if (!/^\d+$/.test(page.trim()) || !Number.isInteger(n) || n < 1 || n > SEARCH_LIMITS.maxPage) {
      throw new SearchInputError("page", `page must be a whole number from 1 to ${SEARCH_LIMITS.maxPage} (got "${page.slice(0, 20)}")`);
    }
    state.page = n;
  }
  state.drop = list(params, "drop", FILTER_LIMITS.maxDropTokens);
  return state;
}

/** The parameters of a state, defaults omitted, in a fixed order (parseSearchState reads them back). */
export function searchStateToParams(state: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q.trim() !== "") p.set("q", state.q.trim());
  for (const key of FILTER_KEYS) {
    const values = state.filters[key] ?? [];
    if (values.length > 0) p.set(key, values.join(","));
  }
  if (state.min !== null) p.set("min", String(state.min));
  if (state.max !== null) p.set("max", String(state.max));
  if (state.sort !== "relevance") p.set("sort", state.sort);
  if (state.page !== 1) p.set("page", String(state.page));
  if (state.drop.length > 0) p.set("drop", state.drop.join(","));
  return p;
}
