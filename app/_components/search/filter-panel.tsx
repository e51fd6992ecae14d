"use client";
// The refinements of a word search: gender, article type, colour, brand (and season and
// occasion when the server counts them) as multi-select lists with counts from the
// response's facets, a price range in whole currency units, and "Clear all". Used in the
// desktop side column and inside the phone sheet. Presentational: every change is handed
// to `onChange` as the next URL state.
import { useId, useState } from "react";
import { FILTER_KEYS, type Facet, type FilterKey, type SearchState } from "@/lib/search/contract";
import { activeFilterCount, clearFilters, facetOptions, parsePriceInput, toggleFilter, withPrice } from "@/lib/search/edit";
import { currencySymbol } from "@/lib/format/price";

const TITLES: Record<FilterKey, string> = { gender: "Gender", type: "Article type", colour: "Colour", brand: "Brand", season: "Season", usage: "Occasion" };
/** values a group shows before "Show all" */
const FIRST = 6;

interface Props {
  state: SearchState;
  facets: readonly Facet[];
  currency: string;
  onChange: (next: SearchState) => void;
}

export function FilterPanel({ state, facets, currency, onChange }: Props) {
  const count = activeFilterCount(state);
  return (
    <div className="space-y-5" data-testid="search-filters">
      {FILTER_KEYS.map((key) => {
        const options = facetOptions(facets.find((f) => f.key === key), state.filters[key] ?? []);
        if (options.length === 0) return null;
        return <FacetGroup key={key} filterKey={key} options={options} selected={state.filters[key] ?? []} onToggle={(v) => onChange(toggleFilter(state, key, v))} />;
      })}
      <PriceRange key={`${state.min}-${state.max}`} min={state.min} max={state.max} currency={currency} onApply={(min, max) => onChange(withPrice(state, min, max))} />
      {count > 0 ? (
        <button
          type="button"
          onClick={() => onChange(clearFilters(state))}
          className="min-h-11 w-full rounded-xl px-4 text-sm font-semibold text-stone-800 ring-1 ring-stone-300 hover:bg-stone-100 dark:text-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800"
          data-testid="clear-filters"
        >
          Clear all
        </button>
      ) : null}
    </div>
  );
}

function FacetGroup({ filterKey, options, selected, onToggle }: { filterKey: FilterKey; options: { value: string; label: string; count: number }[]; selected: readonly string[]; onToggle: (value: string) => void }) {
  const id = useId();
  const [all, setAll] = useState(false);
  // ticked values always show, even past the first few
  const shown = all ? options : options.filter((o, i) => i < FIRST || selected.includes(o.value));
  return (
    <fieldset data-testid={`facet-${filterKey}`}>
      <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">{TITLES[filterKey]}</legend>
      <ul id={`${id}-list`}>
        {shown.map((o) => {
          const checked = selected.includes(o.value);
          return (
            <li key={o.value}>
              <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-1 text-sm hover:bg-stone-100 dark:hover:bg-stone-800/70">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() => onToggle(o.value)}
                  className="h-5 w-5 shrink-0 accent-stone-900 dark:accent-white"
                  data-testid="facet-option"
                  data-value={o.value}
                  data-count={o.count}
                />
                <span className="min-w-0 flex-1 truncate capitalize">{o.label}</span>
                <span className="tabular-nums text-stone-600 dark:text-stone-400" aria-hidden="true">{o.count}</span>
                <span className="sr-only">, {o.count} {o.count === 1 ? "result" : "results"}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {options.length > FIRST ? (
        <button
          type="button"
          onClick={() => setAll((a) => !a)}
          aria-expanded={all}
          aria-controls={`${id}-list`}
          className="mt-1 min-h-11 px-1 text-sm font-semibold text-brand-700 underline-offset-4 hover:underline dark:text-brand-400"
        >
          {all ? "Show fewer" : `Show all ${options.length}`}
        </button>
      ) : null}
    </fieldset>
  );
}

function PriceRange({ min, max, currency, onApply }: { min: number | null; max: number | null; currency: string; onApply: (min: number | null, max: number | null) => void }) {
  const id = useId();
  const [lo, setLo] = useState(min === null ? "" : String(min));
  const [hi, setHi] = useState(max === null ? "" : String(max));
  const [error, setError] = useState<string | null>(null);
  const symbol = currencySymbol(currency);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const a = parsePriceInput(lo);
    const b = parsePriceInput(hi);
    if (!a.ok || !b.ok) return setError("Enter whole amounts, e.g. 20 and 80.");
    if (a.value !== null && b.value !== null && a.value > b.value) return setError("The lowest price must not be above the highest.");
    setError(null);
    onApply(a.value, b.value);
  };
  const box = "min-h-11 w-full min-w-0 rounded-xl bg-white px-3 text-base ring-1 ring-stone-300 dark:bg-stone-900 dark:ring-stone-700";
  return (
    <form onSubmit={submit} noValidate data-testid="price-range">
      <fieldset>
        <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">Price ({symbol})</legend>
        <div className="flex items-end gap-2">
          <label className="flex-1 text-sm">
            <span className="mb-1 block text-stone-700 dark:text-stone-300">Min<span className="sr-only"> price</span></span>
            <input id={`${id}-min`} inputMode="numeric" pattern="[0-9]*" value={lo} onChange={(e) => setLo(e.target.value)} className={box} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-err` : undefined} />
          </label>
          <label className="flex-1 text-sm">
            <span className="mb-1 block text-stone-700 dark:text-stone-300">Max<span className="sr-only"> price</span></span>
            <input id={`${id}-max`} inputMode="numeric" pattern="[0-9]*" value={hi} onChange={(e) => setHi(e.target.value)} className={box} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-err` : undefined} />
          </label>
          <button type="submit" className="min-h-11 shrink-0 rounded-xl bg-stone-900 px-3 text-sm font-semibold text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200">
            Apply
          </button>
        </div>
        {error ? <p id={`${id}-err`} role="alert" className="mt-1 text-sm text-rose-700 dark:text-rose-300">{error}</p> : null}
      </fieldset>
    </form>
  );
}
