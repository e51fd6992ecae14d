"use client";
// /search's client side: search by words (WordSearch: URL state, chips, filters, sort,
// paging; answered by the Server Component page) and by photo (POST /api/search/photo,
// field `image`, with a preview). Results of both can be liked (one shared like state).
// The photo part is the block at the end of this file, kept apart so it can be swapped
// for its own component: it renders a button beside the words box and, while a photo is
// on screen, its results in place of the word results.
import { useEffect, useRef, useState } from "react";
import { api, type SearchResponse } from "@/app/_store/api-client";
import type { SearchState } from "@/lib/search/contract";
import { CameraIcon, XIcon } from "./icons";
import { ProductCard } from "./product-card";
import { LikeButton, useLikes, type Likes } from "./search/likes";
import type { SearchOutcome } from "./search/outcome";
import { WordSearch } from "./search/word-search";
import { StateBox, TileSkeletons } from "./state-box";

export function SearchPanel({ state, outcome }: { state: SearchState; outcome: SearchOutcome }) {
  const likes = useLikes();
  const photo = usePhotoSearch();
  return (
    <WordSearch
      state={state}
      outcome={outcome}
      likes={likes}
      aside={<PhotoButton photo={photo} />}
      replaceResults={photo.active ? <PhotoResults photo={photo} likes={likes} /> : null}
      onSearch={photo.clear}
    />
  );
}

// ---------------------------------------------------------------------------------------
// Photo search (POST /api/search/photo): button, preview and results.
// ---------------------------------------------------------------------------------------

const MAX_BYTES = 8 * 1024 * 1024;
const MODE_LABEL: Record<SearchResponse["mode"], string> = { clip: "Matched with CLIP", text: "Matched by words", visual: "Matched by look" };

interface PhotoSearch {
  active: boolean;
  name: string | null;
  preview: string | null;
  result: SearchResponse | null;
  loading: boolean;
  error: string | null;
  onFile: (file: File | undefined) => void;
  clear: () => void;
}

function usePhotoSearch(): PhotoSearch {
  const [name, setName] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [result, setResult] = useState<SearchResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview);
  }, [preview]);

  const onFile = (file: File | undefined) => {
    if (!file) return;
    setName(file.name);
    setResult(null);
    if (!file.type.startsWith("image/")) {
      setError("Choose an image file (JPEG, PNG or WebP).");
      return;
    }
    if (file.size > MAX_BYTES) {
      setError("That photo is too large (8 MB at most).");
      return;
    }
    setPreview(URL.createObjectURL(file));
    const id = ++seq.current;
    setLoading(true);
    setError(null);
    api
      .searchPhoto(file)
      .then((r) => id === seq.current && setResult(r))
      .catch((e: unknown) => id === seq.current && setError(e instanceof Error ? e.message : "Search failed"))
      .finally(() => id === seq.current && setLoading(false));
  };

  const clear = () => {
    seq.current++;
    setName(null);
    setPreview(null);
    setResult(null);
    setLoading(false);
    setError(null);
  };

  return { active: name !== null, name, preview, result, loading, error, onFile, clear };
}

function PhotoButton({ photo }: { photo: PhotoSearch }) {
  return (
    <label className="inline-flex min-h-[3.25rem] cursor-pointer items-center justify-center gap-2 rounded-2xl bg-white px-5 py-3 text-sm font-semibold shadow-sm ring-1 ring-stone-200 hover:ring-stone-400 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-500 dark:bg-stone-900 dark:ring-stone-800">
      <CameraIcon size={20} className="text-brand-700 dark:text-brand-400" />
      Search by photo
      <input
        type="file"
        accept="image/*"
        className="sr-only"
        onChange={(e) => {
          photo.onFile(e.target.files?.[0]);
          // emptied at once, so choosing the same photo again searches again
          e.target.value = "";
        }}
        data-testid="photo-input"
      />
    </label>
  );
}

function PhotoResults({ photo, likes }: { photo: PhotoSearch; likes: Likes }) {
  const { preview, result, loading, error } = photo;
  return (
    <div className="mt-5 space-y-5">
      <div className="flex items-center gap-3 rounded-2xl bg-white p-3 ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800" data-testid="photo-preview">
        {preview ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={preview} alt="Your photo" className="h-16 w-16 rounded-xl object-cover" width={64} height={64} />
        ) : null}
        <p className="flex-1 text-sm">
          Showing pieces that look like <strong>{photo.name ?? "your photo"}</strong>
        </p>
        <button type="button" onClick={photo.clear} className="inline-flex h-11 w-11 items-center justify-center rounded-full hover:bg-stone-100 dark:hover:bg-stone-800" aria-label="Remove photo">
          <XIcon size={18} />
        </button>
      </div>
      <div aria-live="polite" aria-busy={loading}>
        {likes.error ? <p role="alert" className="mb-3 text-sm font-medium text-nope">{likes.error}</p> : null}
        {error ? (
          <StateBox title="Search didn't work" tone="error" role="alert" testId="photo-error"><p>{error}</p></StateBox>
        ) : loading || !result ? (
          <TileSkeletons />
        ) : result.hits.length === 0 ? (
          <StateBox title="Nothing matched" testId="photo-empty"><p>No pieces look like that photo.</p></StateBox>
        ) : (
          <>
            <p className="mb-3 text-sm text-stone-600 dark:text-stone-400" data-testid="search-summary">
              {result.hits.length} results · {MODE_LABEL[result.mode]}
            </p>
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="photo-results">
              {result.hits.map((h) => (
                <li key={h.product.id}>
                  <ProductCard
                    product={h.product}
                    testId="search-hit"
                    heading="h3"
                    meta={`${Math.round(h.score * 100)}% match`}
                    action={<LikeButton likes={likes} productId={h.product.id} name={h.product.name} />}
                  />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
