// A product in a client grid (likes, search, similar items) linking to its page
// (/p/<id>), with an optional action button over the image (remove or like). The button
// sits beside the link, never inside it. An `unavailable` product (hidden or deleted) is
// greyed out with a "No longer available" badge and has no link: it must not lead to a
// product page or any buy flow. Presentational; the page component owns the action.
import Link from "next/link";
import type { PublicProduct } from "@/app/_store/api-client";
import { formatPrice } from "@/lib/format/price";
import { IMAGE_SIZES, ProductImage } from "./product-image";

interface Props {
  product: PublicProduct;
  badge?: string;
  action?: React.ReactNode;
  testId: string;
  meta?: string;
  /** a short line under the price, e.g. why a search result matched */
  note?: string;
  unavailable?: boolean;
  /** heading level of the product name (h3 under a section heading) */
  heading?: "h2" | "h3";
}

export function ProductCard({ product: p, badge, action, testId, meta, note, unavailable = false, heading: Heading = "h2" }: Props) {
  const body = (
    <>
      <div className="relative aspect-[3/4] bg-stone-100 dark:bg-stone-800">
        {p.imageUrl ? (
          // the link's text names the product, so the picture inside it is decorative
          <ProductImage src={p.imageUrl} alt="" swatch={p.swatch} sizes={IMAGE_SIZES.grid} className={unavailable ? "opacity-50 grayscale" : ""} />
        ) : null}
        {unavailable ? (
          <span className="absolute left-2 top-2 rounded-full bg-stone-800 px-2.5 py-1 text-[11px] font-bold uppercase tracking-wide text-white shadow" data-testid="unavailable-badge">No longer available</span>
        ) : badge ? (
          <span className="absolute left-2 top-2 rounded-full bg-super px-2.5 py-1 text-[11px] font-bold uppercase tracking-wide text-white shadow">{badge}</span>
        ) : null}
      </div>
      <div className="space-y-0.5 p-3">
        <p className="truncate text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">{p.brand || p.articleType}</p>
        <Heading className="line-clamp-2 text-sm font-medium leading-snug">{p.name}</Heading>
        <p className="flex items-baseline justify-between gap-2 text-sm font-semibold text-brand-700 dark:text-brand-400">
          {formatPrice(p.priceCents, p.currency)}
          {meta ? <span className="text-xs font-normal text-stone-500 dark:text-stone-400">{meta}</span> : null}
        </p>
        {note ? <p className="line-clamp-2 pt-0.5 text-xs text-stone-600 dark:text-stone-400" data-testid="hit-why">{note}</p> : null}
      </div>
    </>
  );
  return (
    <article
      className="group relative overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-stone-200 transition hover:shadow-md dark:bg-stone-900 dark:ring-stone-800"
      data-testid={testId}
      data-product-id={p.id}
      data-colour={p.colours[0] ?? ""}
      data-article-type={p.articleType}
      data-gender={p.gender}
      data-price-cents={p.priceCents ?? ""}
      data-available={unavailable ? "false" : "true"}
    >
      {unavailable ? (
        <div className="block">{body}</div>
      ) : (
        <Link href={`/p/${p.id}`} className="block rounded-2xl focus-visible:-outline-offset-4" data-testid="product-link">
          {body}
        </Link>
      )}
      {action ? <div className="absolute right-2 top-2">{action}</div> : null}
    </article>
  );
}

export const roundAction =
  "inline-flex h-11 w-11 items-center justify-center rounded-full bg-white/90 text-stone-700 shadow-md backdrop-blur transition hover:scale-105 disabled:opacity-50 dark:bg-stone-900/90 dark:text-stone-200";
