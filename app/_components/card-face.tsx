// What a deck card shows: the product image, brand, name, price and the "why this" line.
// Presentational; the swipe card wraps it with drag and stamps. A container query keeps
// the text compact on small cards (short screens) so the "why this" line shows in full.
import type { Card } from "@/app/_store/api-client";
import { formatPrice } from "@/lib/format/price";

export function CardFace({ card, priority = false }: { card: Card; priority?: boolean }) {
  const p = card.product;
  return (
    <div className="@container relative h-full w-full overflow-hidden rounded-[28px] bg-stone-200 shadow-xl ring-1 ring-black/5 dark:bg-stone-800 dark:ring-white/10">
      {p.imageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={p.imageUrl}
          alt={p.name}
          draggable={false}
          fetchPriority={priority ? "high" : "auto"}
          decoding="async"
          className="pointer-events-none h-full w-full select-none object-cover"
          width={600}
          height={800}
        />
      ) : (
        <div className="flex h-full items-center justify-center text-stone-500">No image</div>
      )}
      <div className="pointer-events-none absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/85 via-black/45 to-transparent px-5 pb-5 pt-24 text-white @max-3xs:px-3 @max-3xs:pb-3 @max-3xs:pt-12">
        <p className="text-xs font-bold uppercase tracking-[0.14em] text-white/80">{p.brand || p.articleType}</p>
        <h2 className="mt-0.5 line-clamp-2 text-xl font-bold leading-tight @max-3xs:line-clamp-1 @max-3xs:text-base">{p.name}</h2>
        <p className="mt-1 text-lg font-semibold @max-3xs:mt-0 @max-3xs:text-base">{formatPrice(p.priceCents, p.currency)}</p>
        {card.explanation ? (
          <p className="mt-2 rounded-xl bg-black/35 px-3 py-1.5 text-[13px] leading-snug @max-3xs:mt-1.5 @max-3xs:px-2.5 @max-3xs:text-xs" data-testid="card-why">
            <span className="font-semibold">Why this: </span>
            {card.explanation}
          </p>
        ) : null}
      </div>
    </div>
  );
}
