// A product in a client grid (likes, search) with one action button over the image
// (remove or like). Presentational; the page component owns the action.
import type { PublicProduct } from "@/app/_store/api-client";
import { formatPrice } from "@/lib/format/price";

interface Props {
  product: PublicProduct;
  badge?: string;
  action: React.ReactNode;
  testId: string;
  meta?: string;
}

export function ProductCard({ product: p, badge, action, testId, meta }: Props) {
  return (
    <article
      className="group relative overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-stone-200 transition hover:shadow-md dark:bg-stone-900 dark:ring-stone-800"
      data-testid={testId}
      data-product-id={p.id}
      data-colour={p.colours[0] ?? ""}
    >
      <div className="relative aspect-[3/4] bg-stone-100 dark:bg-stone-800">
        {p.imageUrl ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={p.imageUrl} alt={p.name} loading="lazy" width={300} height={400} className="h-full w-full object-cover" />
        ) : null}
        {badge ? (
          <span className="absolute left-2 top-2 rounded-full bg-super px-2.5 py-1 text-[11px] font-bold uppercase tracking-wide text-white shadow">{badge}</span>
        ) : null}
        <div className="absolute right-2 top-2">{action}</div>
      </div>
      <div className="space-y-0.5 p-3">
        <p className="truncate text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">{p.brand || p.articleType}</p>
        <h2 className="line-clamp-2 text-sm font-medium leading-snug">{p.name}</h2>
        <p className="flex items-baseline justify-between gap-2 text-sm font-semibold text-brand-700 dark:text-brand-400">
          {formatPrice(p.priceCents, p.currency)}
          {meta ? <span className="text-xs font-normal text-stone-500 dark:text-stone-400">{meta}</span> : null}
        </p>
      </div>
    </article>
  );
}

export const roundAction =
  "inline-flex h-11 w-11 items-center justify-center rounded-full bg-white/90 text-stone-700 shadow-md backdrop-blur transition hover:scale-105 disabled:opacity-50 dark:bg-stone-900/90 dark:text-stone-200";
