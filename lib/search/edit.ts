// What the /search page does to its URL state when the shopper acts: a new query, a ticked
// filter, a price range, a sort, a page, a removed chip, "Clear all". Pure functions from
// SearchState to SearchState (the page turns the result into a URL with
// searchStateToParams), plus the labels and counts the filter UI shows. Pure and
// client-safe: imports only the contract and lib/search/url.
import { FILTER_KEYS, type FacetValue, type Facet, type FilterKey, type SearchState, type SortKey } from "./contract";
import { emptySearchState } from "./url";

/** A newly typed query starts afresh (no filters, no removed chips, page 1) but keeps the sort. */
export function withQuery(s: SearchState, q: string): SearchState {
  return { ...emptySearchState(q.trim()), sort: s.sort };
}

/** Tick or untick one filter value; back to page 1. */
export function toggleFilter(s: SearchState, key: FilterKey, value: string): SearchState {
  const now = s.filters[key] ?? [];
  const next = now.includes(value) ? now.filter((v) => v !== value) : [...now, value];
  return { ...s, filters: { ...s.filters, [key]: next }, page: 1 };
}

export function withPrice(s: SearchState, min: number | null, max: number | null): SearchState {
  return { ...s, min, max, page: 1 };
}

export function withSort(s: SearchState, sort: SortKey): SearchState {
  return { ...s, sort, page: 1 };
}

export function withPage(s: SearchState, page: number): SearchState {
  return { ...s, page };
}

/** Remove an understood chip: its token joins `drop` (its words are then searched as words). */
export function dropChip(s: SearchState, token: string): SearchState {
  return s.drop.includes(token) ? s : { ...s, drop: [...s.drop, token], page: 1 };
}

/** "Clear all": the shopper's own filters and price range go; the query, its chips and the sort stay. */
export function clearFilters(s: SearchState): SearchState {
  return { ...s, filters: emptySearchState().filters, min: null, max: null, page: 1 };
}

/** How many refinements the shopper applied (each ticked value, and the price range as one). */
export function activeFilterCount(s: SearchState): number {
  const values = FILTER_KEYS.reduce((n, k) => n + (s.filters[k]?.length ?? 0), 0);
  return values + (s.min !== null || s.max !== null ? 1 : 0);
}

/** A shopper's filter as a removable chip. `remove` is the state without it. */
export interface AppliedFilter {
  id: string;
  label: string;
  remove: SearchState;
}

/** The shopper's filters as chips, labelled with the facets' labels where the server sent them. */
export function appliedFilters(s: SearchState, facets: readonly Facet[], formatMoney: (units: number) => string): AppliedFilter[] {
  const labelOf = (key: FilterKey, value: string) => facets.find((f) => f.key === key)?.values.find((v) => v.value === value)?.label ?? value;
  const out: AppliedFilter[] = [];
  for (const key of FILTER_KEYS) {
    for (const value of s.filters[key] ?? []) out.push({ id: `${key}:${value}`, label: labelOf(key, value), remove: toggleFilter(s, key, value) });
  }
  const price = priceLabel(s.min, s.max, formatMoney);
  if (price) out.push({ id: "price", label: price, remove: withPrice(s, null, null) });
  return out;
}

export function priceLabel(min: number | null, max: number | null, formatMoney: (units: number) => string): string | null {
  if (min !== null && max !== null) return `${formatMoney(min)}–${formatMoney(max)}`;
  if (max !== null) return `under ${formatMoney(max)}`;
  if (min !== null) return `over ${formatMoney(min)}`;
  return null;
}

/**
 * The values a filter group lists: the facet's values (most frequent first, as the server
 * sent them), plus any value the shopper ticked that the facet no longer counts (count 0),
 * so a ticked box never disappears.
 */
export function facetOptions(facet: Facet | undefined, selected: readonly string[]): FacetValue[] {
  const values = facet?.values ?? [];
  const missing = selected.filter((v) => !values.some((f) => f.value === v)).map((v) => ({ value: v, label: v, count: 0 }));
  return [...values, ...missing];
}

/** A price box's text as whole currency units: "" is no bound; anything else must be a whole number >= 0. */
export function parsePriceInput(text: string): { ok: true; value: number | null } | { ok: false } {
  const t = text.trim();
  if (t === "") return { ok: true, value: null };
  if (!/^\d{1,7}$/.test(t)) return { ok: false };
  return { ok: true, value: Number(t) };
}
