"use client";
// The chips above the results: what the search understood from the shopper's words
// ("Sports Shoes", "Black", "under $50") and the filters the shopper ticked. Each chip
// is a 44 px button that removes it. Presentational: the parent says what removal does.
import type { UnderstoodChip } from "@/lib/search/contract";
import type { AppliedFilter } from "@/lib/search/edit";
import { XIcon } from "../icons";

interface Props {
  understood: readonly UnderstoodChip[];
  applied: readonly AppliedFilter[];
  onDrop: (chip: UnderstoodChip) => void;
  onRemove: (filter: AppliedFilter) => void;
}

export const chipClass =
  "inline-flex min-h-11 items-center gap-1.5 rounded-full py-1.5 pl-3.5 pr-2.5 text-sm font-medium ring-1 transition";

export function SearchChips({ understood, applied, onDrop, onRemove }: Props) {
  if (understood.length === 0 && applied.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="search-chips">
      {understood.length > 0 ? (
        <>
          <p className="text-sm text-stone-600 dark:text-stone-400" id="understood-label">Searching for</p>
          <ul className="contents" aria-labelledby="understood-label">
            {understood.map((c) => (
              <li key={c.token}>
                <button
                  type="button"
                  onClick={() => onDrop(c)}
                  className={`${chipClass} bg-brand-50 text-brand-800 ring-brand-200 hover:ring-brand-500 dark:bg-brand-500/15 dark:text-brand-100 dark:ring-brand-500/40`}
                  aria-label={`Remove ${c.label}`}
                  title={`Read from “${c.source}”`}
                  data-testid="understood-chip"
                  data-token={c.token}
                >
                  {c.label}
                  <XIcon size={14} aria-hidden="true" />
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {applied.length > 0 ? (
        <ul className="contents" aria-label="Your filters">
          {applied.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                onClick={() => onRemove(f)}
                className={`${chipClass} bg-stone-900 text-white ring-stone-900 hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:ring-white dark:hover:bg-stone-200`}
                aria-label={`Remove filter ${f.label}`}
                data-testid="filter-chip"
              >
                {f.label}
                <XIcon size={14} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
