"use client";
// /search's client side: search by words (WordSearch: URL state, chips, filters, sort,
// paging; answered by the Server Component page) and by photo (<PhotoSearch />: camera or
// file, a crop box, closest matches narrowed by article type), whose section follows the
// word results; the "Search by photo" link beside the words box jumps to it.
import { CameraIcon } from "./icons";
import { PhotoSearch } from "./photo-search";
import { useLikes } from "./search/likes";
import type { SearchOutcome } from "./search/outcome";
import { WordSearch } from "./search/word-search";
import type { SearchState } from "@/lib/search/contract";

export function SearchPanel({ state, outcome }: { state: SearchState; outcome: SearchOutcome }) {
  const likes = useLikes();
  return (
    <>
      <WordSearch state={state} outcome={outcome} likes={likes} aside={<PhotoLink />} />
      <div id="photo" className="scroll-mt-20">
        <PhotoSearch />
      </div>
    </>
  );
}

function PhotoLink() {
  return (
    <a
      href="#photo"
      className="inline-flex min-h-[3.25rem] items-center justify-center gap-2 rounded-2xl bg-white px-5 py-3 text-sm font-semibold shadow-sm ring-1 ring-stone-200 hover:ring-stone-400 focus-visible:outline-3 focus-visible:outline-brand-500 dark:bg-stone-900 dark:ring-stone-800"
      data-testid="photo-link"
    >
      <CameraIcon size={20} className="text-brand-700 dark:text-brand-400" />
      Search by photo
    </a>
  );
}
