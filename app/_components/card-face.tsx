// What a deck card shows: the product image, brand, name, price and the "why this" line.
// The text sits on a gradient band below the picture, never over the item.
// Presentational; the swipe card wraps it with drag and stamps. A container query keeps
// the text compact on small cards (short screens) so the "why this" line shows in full.
import type { Card } from "@/app/_store/api-client";
import { formatPrice } from "@/lib/format/price";
import { IMAGE_SIZES, ProductImage } from "./product-image";

export function CardFace({ card, priority = false }: { card: Card; priority?: boolean }) {
  const p = card.product;
  return (
    <div className="@container relative flex h-full w-full flex-col overflow-hidden rounded-[28px] bg-stone-200 shadow-xl ring-1 ring-black/5 dark:bg-stone-800 dark:ring-white/10">
      <div className="relative min-h-0 flex-1" data-testid="card-image">
        {p.imageUrl ? (
          <ProductImage src={p.imageUrl} alt={p.name} swatch={p.swatch} sizes={IMAGE_SIZES.deck} preload={priority} className="pointer-events-none select-none" />
        ) : (
          <div className="flex h-full items-center justify-center text-stone-500">No image</div>
        )}
      </div>
      <div className="pointer-events-none shrink-0 bg-gradient-to-b from-stone-700 to-stone-950 px-5 pb-5 pt-3 text-white @max-3xs:px-3 @max-3xs:pb-3 @max-3xs:pt-2" data-testid="card-text">
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
