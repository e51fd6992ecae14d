"use client";
// Search by words (GET /api/search?q=); search by photo is the <PhotoSearch /> section
// (photo-search.tsx). Results can be liked (POST /api/feedback, action like; a retry reuses
// the same clientEventId). Idle, loading, empty and error states.
import { useRef, useState } from "react";
import { api, newEventId, type SearchResponse } from "@/app/_store/api-client";
import { CheckIcon, HeartIcon, SearchIcon } from "./icons";
import { PhotoSearch } from "./photo-search";
import { ProductCard, roundAction } from "./product-card";
import { StateBox, TileSkeletons } from "./state-box";

type Query = { kind: "text"; q: string };
type LikeState = "saving" | "liked" | "error";

const MODE_LABEL: Record<SearchResponse["mode"], string> = { clip: "Matched with CLIP", text: "Matched by words", visual: "Matched by look" };

export function SearchPanel() {
  const [text, setText] = useState("");
  const [query, setQuery] = useState<Query | null>(null);
  const [result, setResult] = useState<SearchResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [likes, setLikes] = useState<Record<number, LikeState>>({});
  const [likeError, setLikeError] = useState<string | null>(null);
  const eventIds = useRef(new Map<number, string>());
  const seq = useRef(0);

  const run = async (q: Query, request: () => Promise<SearchResponse>) => {
    const id = ++seq.current;
    setQuery(q);
    setLoading(true);
    setError(null);
    try {
      const r = await request();
      if (id === seq.current) setResult(r);
    } catch (e) {
      if (id === seq.current) {
        setResult(null);
        setError(e instanceof Error ? e.message : "Search failed");
      }
    } finally {
      if (id === seq.current) setLoading(false);
    }
  };

  const submitText = (e: React.FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    if (!q) {
      setError("Type what you are looking for, e.g. “black leather boots”.");
      return;
    }
    void run({ kind: "text", q }, () => api.search(q));
  };

  const like = async (productId: number) => {
    let id = eventIds.current.get(productId);
    if (!id) eventIds.current.set(productId, (id = newEventId()));
    setLikes((l) => ({ ...l, [productId]: "saving" }));
    setLikeError(null);
    try {
      await api.feedback({ productId, action: "like", clientEventId: id });
      setLikes((l) => ({ ...l, [productId]: "liked" }));
    } catch (e) {
      setLikes((l) => ({ ...l, [productId]: "error" }));
      setLikeError(e instanceof Error ? e.message : "Could not save the like.");
    }
  };

  return (
    <div className="pt-6">
      <h1 className="text-3xl font-bold tracking-tight">Search</h1>
      <p className="mt-1 text-stone-600 dark:text-stone-400">Describe a piece, or show us a photo of something you love.</p>

      <div className="mt-5 flex flex-col gap-3 md:flex-row md:items-stretch">
        <form role="search" onSubmit={submitText} className="flex flex-1 items-center gap-2 rounded-2xl bg-white p-1.5 pl-4 shadow-sm ring-1 ring-stone-200 focus-within:ring-2 focus-within:ring-brand-500 dark:bg-stone-900 dark:ring-stone-800">
          <SearchIcon size={20} className="shrink-0 text-stone-400" />
          <label htmlFor="search-q" className="sr-only">Search the catalog</label>
          <input
            id="search-q"
            type="search"
            name="q"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="e.g. navy linen shirt"
            autoComplete="off"
            enterKeyHint="search"
            className="min-w-0 flex-1 bg-transparent py-2 text-base outline-none placeholder:text-stone-400 focus-visible:outline-none"
          />
          <button type="submit" className="h-11 rounded-xl bg-stone-900 px-5 text-sm font-semibold text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900">
            Search
          </button>
        </form>
      </div>

      <div className="mt-6" aria-live="polite" aria-busy={loading}>
        {likeError ? <p role="alert" className="mb-3 text-sm font-medium text-nope">{likeError}</p> : null}
        {error ? (
          <StateBox title="Search didn't work" tone="error" role="alert" testId="search-error"><p>{error}</p></StateBox>
        ) : loading ? (
          <TileSkeletons />
        ) : !result ? (
          <StateBox title="Find your next favourite" testId="search-idle">
            <p>Try “red summer dress”, “white sneakers” or upload a photo.</p>
          </StateBox>
        ) : result.hits.length === 0 ? (
          <StateBox title="Nothing matched" testId="search-empty">
            <p>No pieces match {query ? `“${query.q}”` : "that"}. Try fewer or different words.</p>
          </StateBox>
        ) : (
          <>
            <p className="mb-3 text-sm text-stone-600 dark:text-stone-400" data-testid="search-summary">
              {result.hits.length} results · {MODE_LABEL[result.mode]}
            </p>
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="search-results">
              {result.hits.map((h) => {
                const st = likes[h.product.id];
                return (
                  <li key={h.product.id}>
                    <ProductCard
                      product={h.product}
                      testId="search-hit"
                      meta={`${Math.round(h.score * 100)}% match`}
                      action={
                        <button
                          type="button"
                          className={`${roundAction} ${st === "liked" ? "!bg-like !text-white" : ""}`}
                          onClick={() => void like(h.product.id)}
                          disabled={st === "saving" || st === "liked"}
                          aria-pressed={st === "liked"}
                          aria-label={st === "liked" ? `Liked ${h.product.name}` : `Like ${h.product.name}`}
                          data-testid="like-hit"
                        >
                          {st === "liked" ? <CheckIcon size={18} strokeWidth={3} /> : <HeartIcon size={18} />}
                        </button>
                      }
                    />
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>

      <PhotoSearch />
    </div>
  );
}
