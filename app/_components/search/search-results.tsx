"use client";
// The results of a word search: tiles (each with why it matched, in words, and a like
// button), the pager, and the empty state with ways out. Presentational: the parent owns
// the URL state and the likes.
import Link from "next/link";
import type { SearchHit } from "@/lib/search/contract";
import { ChevronLeftIcon, ChevronRightIcon } from "../icons";
import { ProductCard } from "../product-card";
import { LikeButton, type Likes } from "./likes";

export function ResultGrid({ hits, likes }: { hits: readonly SearchHit[]; likes: Likes }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="search-results">
      {hits.map((h) => (
        <li key={h.product.id}>
          <ProductCard
            product={h.product}
            testId="search-hit"
            heading="h3"
            note={h.why}
            action={<LikeButton likes={likes} productId={h.product.id} name={h.product.name} />}
          />
        </li>
      ))}
    </ul>
  );
}

interface PagerProps {
  page: number;
  pages: number;
  href: (page: number) => string;
  onPage: (page: number) => void;
}

/** Previous / "Page 2 of 6" / Next. Real links (a shared or opened-in-new-tab page works); a click navigates in place. */
export function Pager({ page, pages, href, onPage }: PagerProps) {
  if (pages <= 1) return null;
  const link = "inline-flex min-h-11 items-center gap-1 rounded-full bg-white px-4 text-sm font-semibold ring-1 ring-stone-300 hover:ring-stone-500 dark:bg-stone-900 dark:ring-stone-700";
  const go = (p: number) => (e: React.MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    onPage(p);
  };
  return (
    <nav aria-label="Result pages" className="flex items-center justify-center gap-3 pt-6 text-sm" data-testid="search-pager">
      {page > 1 ? (
        <Link href={href(page - 1)} onClick={go(page - 1)} className={link} rel="prev" data-testid="page-prev">
          <ChevronLeftIcon size={16} /> Previous
        </Link>
      ) : null}
      <span aria-current="page" data-testid="page-status">Page {page} of {pages}</span>
      {page < pages ? (
        <Link href={href(page + 1)} onClick={go(page + 1)} className={link} rel="next" data-testid="page-next">
          Next <ChevronRightIcon size={16} />
        </Link>
      ) : null}
    </nav>
  );
}
