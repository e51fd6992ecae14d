"use client";
// Search by words (GET /api/search?q=) or by photo (POST /api/search/photo, field
// `image`, with a preview). Results can be liked (POST /api/feedback, action like; a
// retry reuses the same clientEventId). Idle, loading, empty and error states.
import { useEffect, useRef, useState } from "react";
import { api, newEventId, type PublicProduct, type SearchResponse, type TextSearchResponse } from "@/app/_store/api-client";
import { emptySearchState } from "@/lib/search/url";
import { CameraIcon, CheckIcon, HeartIcon, SearchIcon, XIcon } from "./icons";
import { ProductCard, roundAction } from "./product-card";
import { StateBox, TileSkeletons } from "./state-box";

type Query = { kind: "text"; q: string } | { kind: "photo"; name: string };
type LikeState = "saving" | "liked" | "error";

const MAX_BYTES = 8 * 1024 * 1024;
const MODE_LABEL: Record<SearchResponse["mode"], string> = { clip: "Matched with CLIP", text: "Matched by words", visual: "Matched by look" };

/** What the panel shows of a text or photo answer. */
type Shown = { label: string; hits: { product: PublicProduct; meta: string }[] };
const fromText = (r: TextSearchResponse): Shown => ({ label: r.ranker === "filters" ? "Matched by filters" : "Matched by words", hits: r.hits.map((h) => ({ product: h.product, meta: h.why })) });
const fromPhoto = (r: SearchResponse): Shown => ({ label: MODE_LABEL[r.mode], hits: r.hits.map((h) => ({ product: h.product, meta: `${Math.round(h.score * 100)}% match` })) });

export function SearchPanel() {
  const [text, setText] = useState("");
  const [query, setQuery] = useState<Query | null>(null);
  const [result, setResult] = useState<Shown | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [likes, setLikes] = useState<Record<number, LikeState>>({});
  const [likeError, setLikeError] = useState<string | null>(null);
  const eventIds = useRef(new Map<number, string>());
  const seq = useRef(0);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview);
  }, [preview]);

  const run = async (q: Query, request: () => Promise<Shown>) => {
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
    void run({ kind: "text", q }, () => api.search(emptySearchState(q)).then(fromText));
  };

  const onFile = (file: File | undefined) => {
    if (!file) return;
    if (!file.type.startsWith("image/")) {
      setError("Choose an image file (JPEG, PNG or WebP).");
      return;
    }
    if (file.size > MAX_BYTES) {
      setError("That photo is too large (8 MB at most).");
      return;
    }
    setPreview(URL.createObjectURL(file));
    void run({ kind: "photo", name: file.name }, () => api.searchPhoto(file).then(fromPhoto));
  };

  const clearPhoto = () => {
    setPreview(null);
    if (fileRef.current) fileRef.current.value = "";
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
        <label className="inline-flex cursor-pointer items-center justify-center gap-2 rounded-2xl bg-white px-5 py-3 text-sm font-semibold shadow-sm ring-1 ring-stone-200 hover:ring-stone-400 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-500 dark:bg-stone-900 dark:ring-stone-800">
          <CameraIcon size={20} className="text-brand-700 dark:text-brand-400" />
          Search by photo
          <input ref={fileRef} type="file" accept="image/*" className="sr-only" onChange={(e) => onFile(e.target.files?.[0])} data-testid="photo-input" />
        </label>
      </div>

      {preview ? (
        <div className="mt-4 flex items-center gap-3 rounded-2xl bg-white p-3 ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800" data-testid="photo-preview">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={preview} alt="Your photo" className="h-16 w-16 rounded-xl object-cover" width={64} height={64} />
          <p className="flex-1 text-sm">
            Showing pieces that look like <strong>{query?.kind === "photo" ? query.name : "your photo"}</strong>
          </p>
          <button type="button" onClick={clearPhoto} className="inline-flex h-11 w-11 items-center justify-center rounded-full hover:bg-stone-100 dark:hover:bg-stone-800" aria-label="Remove photo">
            <XIcon size={18} />
          </button>
        </div>
      ) : null}

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
            <p>No pieces match {query?.kind === "text" ? `“${query.q}”` : "that photo"}. Try fewer or different words.</p>
          </StateBox>
        ) : (
          <>
            <p className="mb-3 text-sm text-stone-600 dark:text-stone-400" data-testid="search-summary">
              {result.hits.length} results · {result.label}
            </p>
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="search-results">
              {result.hits.map((h) => {
                const st = likes[h.product.id];
                return (
                  <li key={h.product.id}>
                    <ProductCard
                      product={h.product}
                      testId="search-hit"
                      meta={h.meta}
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
    </div>
  );
}
