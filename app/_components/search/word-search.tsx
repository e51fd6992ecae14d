"use client";
// Search by words on /search. The URL is the state: a submitted query, a ticked filter, a
// price range, the sort, the page and a removed chip each navigate to the URL of the
// next state (searchStateToParams), and the Server Component page answers it, so reload,
// back/forward and a shared link show the same results. While the next answer loads the
// controls show the next state at once (useOptimistic) and the results dim.
// Layout: chips above the results; filters in a side column on desktop and in a sheet on
// phones; the count, sort and pager around the grid.
import { useRouter } from "next/navigation";
import { useEffect, useOptimistic, useRef, useTransition } from "react";
import { SEARCH_LIMITS, SORTS, type SearchState, type SortKey, type TextSearchResponse } from "@/lib/search/contract";
import { activeFilterCount, appliedFilters, clearFilters, dropChip, withPage, withQuery, withSort } from "@/lib/search/edit";
import { searchStateToParams } from "@/lib/search/url";
import { formatWholePrice } from "@/lib/format/price";
import { StateBox } from "../state-box";
import { FilterPanel } from "./filter-panel";
import { FilterSheet } from "./filter-sheet";
import type { Likes } from "./likes";
import type { SearchOutcome } from "./outcome";
import { SearchBox } from "./search-box";
import { SearchChips, chipClass } from "./search-chips";
import { Pager, ResultGrid } from "./search-results";

const SORT_LABELS: Record<SortKey, string> = { relevance: "Relevance", "price-asc": "Price: low to high", "price-desc": "Price: high to low", newest: "Newest" };

export const searchHref = (s: SearchState): string => {
  const qs = searchStateToParams(s).toString();
  return qs ? `/search?${qs}` : "/search";
};

interface Props {
  /** the URL's state, parsed by the page */
  state: SearchState;
  outcome: SearchOutcome;
  likes: Likes;
  /** beside the words box (the photo search's button) */
  aside?: React.ReactNode;
  /** shown instead of the word results while another search (a photo) is on screen */
  replaceResults?: React.ReactNode;
  /** the shopper submitted words (e.g. put a photo search away) */
  onSearch?: () => void;
}

export function WordSearch({ state, outcome, likes, aside, replaceResults, onSearch }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(state);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);

  // after a chip, filter chip or page went away with the click, focus lands on the results
  useEffect(() => {
    if (!focusResults.current) return;
    focusResults.current = false;
    heading.current?.focus();
  }, [outcome]);

  const go = (next: SearchState, opts: { focusResults?: boolean } = {}) => {
    focusResults.current = Boolean(opts.focusResults);
    startTransition(() => {
      setShown(next);
      router.push(searchHref(next), { scroll: false });
    });
  };

  const submit = (text: string) => {
    onSearch?.();
    const q = text.trim();
    // an empty query still goes to the server, which says what to type
    if (!q) startTransition(() => router.push("/search?q=", { scroll: false }));
    else go(withQuery(shown, q));
  };

  const queryError = outcome.kind === "error" && outcome.status < 500 ? outcome.message : null;

  return (
    <div className="pt-6">
      <h1 className="text-3xl font-bold tracking-tight">Search</h1>
      <p className="mt-1 text-stone-600 dark:text-stone-400">Say what you want in your own words, or show us a photo of something you love.</p>

      <div className="mt-5 flex flex-col gap-3 md:flex-row md:items-start">
        <SearchBox q={state.q} onSubmit={submit} error={queryError} />
        {aside}
      </div>

      {replaceResults ?? (
        <div className="mt-5">
          {outcome.kind === "results" ? (
            <Results response={outcome.response} state={shown} pending={pending} go={go} heading={heading} likes={likes} />
          ) : outcome.kind === "error" && outcome.status >= 500 ? (
            <StateBox title="Search didn't work" tone="error" role="alert" testId="search-failed">
              <p>{outcome.message}</p>
              <button type="button" onClick={() => startTransition(() => router.refresh())} className="mt-3 min-h-11 rounded-xl px-4 font-semibold text-stone-900 ring-1 ring-stone-300 hover:bg-white dark:text-stone-100 dark:ring-stone-700">
                Try again
              </button>
            </StateBox>
          ) : (
            <StateBox title="Find your next favourite" testId="search-idle">
              <p>Try “black sports shoes under 50”, “summer dress for a wedding” or upload a photo.</p>
            </StateBox>
          )}
        </div>
      )}
    </div>
  );
}

interface ResultsProps {
  response: TextSearchResponse;
  /** the state on screen: the URL's, or the next one while it loads */
  state: SearchState;
  pending: boolean;
  go: (next: SearchState, opts?: { focusResults?: boolean }) => void;
  heading: React.RefObject<HTMLHeadingElement | null>;
  likes: Likes;
}

function Results({ response: r, state, pending, go, heading, likes }: ResultsProps) {
  const currency = r.hits[0]?.product.currency ?? "USD";
  const money = (n: number) => formatWholePrice(n, currency);
  const understood = r.understood.filter((c) => !state.drop.includes(c.token));
  const applied = appliedFilters(state, r.facets, money);
  const filterCount = activeFilterCount(state);
  const pages = Math.min(SEARCH_LIMITS.maxPage, Math.ceil(r.total / (r.pageSize || SEARCH_LIMITS.pageSize)));
  const panel = <FilterPanel state={state} facets={r.facets} currency={currency} onChange={(next) => go(next)} />;
  const results = r.total === 1 ? "1 result" : `${r.total.toLocaleString("en-US")} results`;

  return (
    <div className="space-y-4">
      <SearchChips
        understood={understood}
        applied={applied}
        onDrop={(c) => go(dropChip(state, c.token), { focusResults: true })}
        onRemove={(f) => go(f.remove, { focusResults: true })}
      />
      {r.notice && r.total > 0 ? (
        <p className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200 dark:bg-amber-500/10 dark:text-amber-100 dark:ring-amber-500/30" data-testid="search-notice">
          {r.notice}
        </p>
      ) : null}
      <div className="md:grid md:grid-cols-[14rem_minmax(0,1fr)] md:gap-8">
        <aside aria-labelledby="filters-heading" className="hidden md:block" data-testid="filter-aside">
          <h2 id="filters-heading" className="mb-3 text-lg font-bold">Filters</h2>
          {panel}
        </aside>
        <section aria-labelledby="results-heading">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <div role="status">
              <h2 id="results-heading" ref={heading} tabIndex={-1} className="text-base font-semibold" data-testid="search-count" data-total={r.total}>
                {results}
              </h2>
            </div>
            <div className="flex items-center gap-2">
              <FilterSheet activeCount={filterCount} total={r.total} pending={pending}>{panel}</FilterSheet>
              <label className="flex items-center gap-2 text-sm">
                <span className="text-stone-700 dark:text-stone-300">Sort</span>
                <select
                  value={state.sort}
                  onChange={(e) => go(withSort(state, e.target.value as SortKey))}
                  className="min-h-11 rounded-full bg-white px-3 text-sm font-medium ring-1 ring-stone-300 dark:bg-stone-900 dark:ring-stone-700"
                  data-testid="search-sort"
                >
                  {SORTS.map((s) => <option key={s} value={s}>{SORT_LABELS[s]}</option>)}
                </select>
              </label>
            </div>
          </div>
          {likes.error ? <p role="alert" className="mb-3 text-sm font-medium text-nope">{likes.error}</p> : null}
          <div aria-busy={pending} className={`transition-opacity ${pending ? "opacity-60" : ""}`} data-pending={pending ? "true" : "false"} data-testid="search-body">
            {r.total === 0 ? (
              <StateBox title="Nothing matched" testId="search-empty">
                <p>{r.notice ?? `No pieces match “${state.q}”.`}</p>
                <WaysOut understood={understood.map((c) => ({ id: c.token, label: c.label, act: () => go(dropChip(state, c.token), { focusResults: true }) }))} applied={applied.map((f) => ({ id: f.id, label: f.label, act: () => go(f.remove, { focusResults: true }) }))} clear={filterCount > 1 ? () => go(clearFilters(state), { focusResults: true }) : null} />
              </StateBox>
            ) : r.hits.length === 0 ? (
              <StateBox title="No more results here" testId="search-past-end">
                <p>This page is past the last result.</p>
                <button type="button" onClick={() => go(withPage(state, 1), { focusResults: true })} className={`${chipClass} mt-3 ring-stone-300 dark:ring-stone-700`}>Back to page 1</button>
              </StateBox>
            ) : (
              <ResultGrid hits={r.hits} likes={likes} />
            )}
          </div>
          <Pager page={r.page} pages={pages} href={(p) => searchHref(withPage(state, p))} onPage={(p) => go(withPage(state, p), { focusResults: true })} />
        </section>
      </div>
    </div>
  );
}

interface WayOut {
  id: string;
  label: string;
  act: () => void;
}

/** The empty state's buttons: remove one of the things that narrowed the search. */
function WaysOut({ understood, applied, clear }: { understood: WayOut[]; applied: WayOut[]; clear: (() => void) | null }) {
  const all = [...applied, ...understood];
  if (all.length === 0) return <p className="mt-2">Try fewer or different words.</p>;
  return (
    <div className="mt-3">
      <p>Try without:</p>
      <ul className="mt-2 flex flex-wrap justify-center gap-2">
        {all.map((w) => (
          <li key={w.id}>
            <button type="button" onClick={w.act} className={`${chipClass} bg-white text-stone-800 ring-stone-300 hover:ring-stone-500 dark:bg-stone-900 dark:text-stone-100 dark:ring-stone-700`} data-testid="way-out">
              Remove {w.label}
            </button>
          </li>
        ))}
        {clear ? (
          <li>
            <button type="button" onClick={clear} className={`${chipClass} bg-white text-stone-800 ring-stone-300 hover:ring-stone-500 dark:bg-stone-900 dark:text-stone-100 dark:ring-stone-700`}>
              Clear all filters
            </button>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
