"use client";
// The words box of /search: a labelled search field and its button. A message from the
// server about the query itself (empty, only filler words, too long) sits right under the
// box and is tied to the field (aria-describedby, aria-invalid). Presentational: the
// parent decides where a submitted query goes.
import { useState } from "react";
import { SearchIcon } from "../icons";

interface Props {
  /** the query in the URL; the field follows it on back/forward */
  q: string;
  onSubmit: (q: string) => void;
  /** the server's 4xx message for this query */
  error: string | null;
}

export function SearchBox({ q, onSubmit, error }: Props) {
  const [text, setText] = useState(q);
  const [seen, setSeen] = useState(q);
  if (q !== seen) {
    // the URL's query changed (back/forward, a shared link): show it
    setSeen(q);
    setText(q);
  }
  return (
    <div className="flex-1">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(text);
        }}
        className={`flex items-center gap-2 rounded-2xl bg-white p-1.5 pl-4 shadow-sm ring-1 focus-within:ring-2 focus-within:ring-brand-500 dark:bg-stone-900 ${
          error ? "ring-rose-400 dark:ring-rose-500/60" : "ring-stone-200 dark:ring-stone-800"
        }`}
      >
        <SearchIcon size={20} className="shrink-0 text-stone-400" />
        <label htmlFor="search-q" className="sr-only">Search the catalog</label>
        <input
          id="search-q"
          type="search"
          name="q"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="e.g. black sports shoes under 50"
          autoComplete="off"
          enterKeyHint="search"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "search-q-error" : undefined}
          className="min-w-0 flex-1 bg-transparent py-2 text-base outline-none placeholder:text-stone-500 focus-visible:outline-none dark:placeholder:text-stone-400"
        />
        <button
          type="submit"
          className="h-11 rounded-xl bg-stone-900 px-5 text-sm font-semibold text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200"
        >
          Search
        </button>
      </form>
      {error ? (
        <p id="search-q-error" role="alert" className="mt-2 px-1 text-sm font-medium text-rose-700 dark:text-rose-300" data-testid="search-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
