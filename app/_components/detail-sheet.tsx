"use client";
// Product details in a modal sheet (bottom sheet on phones, dialog on desktop): larger
// image, sizes, description, the card's score components as bars, a link to the product
// page (/p/<id>) and similar items from GET /api/products/{id}, each linking to its page.
// Native <dialog>: focus trap and Escape come for free.
import Link from "next/link";
import { memo, useEffect, useRef, useState } from "react";
import { api, type Card, type Hit, type PublicProduct } from "@/app/_store/api-client";
import type { SwipeAction } from "@/app/_store/shop-store";
import { formatPrice } from "@/lib/format/price";
import { colourHex } from "./colour-hex";
import { HeartIcon, XIcon } from "./icons";
import { IMAGE_SIZES, ProductImage } from "./product-image";

export interface SheetItem {
  product: PublicProduct;
  card: Card | null; // present when opened from the deck (has score components)
}

const SIGNAL_LABELS = [
  { key: "taste", label: "Your taste" },
  { key: "content", label: "Description match" },
  { key: "collaborative", label: "Shoppers like you" },
  { key: "visual", label: "Visual match" },
] as const;

/** Each signal's value (0-1) and its share of the score, exactly as the card was ranked. */
function ScoreBars({ card }: { card: Card }) {
  const rows = [
    ...SIGNAL_LABELS.map(({ key, label }) => ({ key, label, value: card.components[key] ?? null, share: card.weights[key] ?? null })),
    { key: "penalty", label: "Penalty", value: card.components.penalty, share: null },
  ];
  return (
    <div>
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">
        Why we picked it <span className="font-normal normal-case">(score {card.score.toFixed(2)})</span>
      </h3>
      <ul className="space-y-1.5" data-testid="score-components">
        {rows.map(({ key, label, value: v, share }) => (
          <li key={key} className="grid grid-cols-[9.5rem_1fr_3rem] items-center gap-2 text-sm" data-signal={key}>
            <span>
              {label}
              {share !== null ? <span className="ml-1 text-xs tabular-nums text-stone-500 dark:text-stone-400">{Math.round(share * 100)}%</span> : null}
            </span>
            <span className="h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800" aria-hidden="true">
              <span className={`block h-full rounded-full ${key === "penalty" ? "bg-nope" : "bg-brand-500"}`} style={{ width: `${v === null ? 0 : Math.min(100, Math.abs(v) * 100)}%` }} />
            </span>
            <span className="text-right text-xs tabular-nums text-stone-500 dark:text-stone-400">{v === null ? "n/a" : v.toFixed(2)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Similar({ productId }: { productId: number }) {
  const [state, setState] = useState<{ id: number; hits: Hit[] | null; error: string | null }>({ id: productId, hits: null, error: null });
  useEffect(() => {
    let live = true;
    api.product(productId).then(
      (r) => live && setState({ id: productId, hits: r.similar, error: null }),
      (e: Error) => live && setState({ id: productId, hits: null, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [productId]);
  const loading = state.id !== productId || (!state.hits && !state.error);
  return (
    <div>
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">Similar items</h3>
      {loading ? (
        <div className="flex gap-3" aria-busy="true">
          {Array.from({ length: 4 }, (_, i) => <div key={i} className="aspect-[3/4] w-24 shrink-0 animate-pulse rounded-xl bg-stone-200 dark:bg-stone-800" />)}
        </div>
      ) : state.error ? (
        <p className="text-sm text-nope">{state.error}</p>
      ) : state.hits && state.hits.length ? (
        <ul className="-mx-1 flex gap-3 overflow-x-auto px-1 pb-2" data-testid="similar-items">
          {state.hits.slice(0, 8).map((h) => (
            <li key={h.product.id} className="w-24 shrink-0">
              <Link href={`/p/${h.product.id}`} className="block w-full rounded-xl text-left" data-testid="similar-link" data-product-id={h.product.id}>
                <span className="relative block aspect-[3/4] w-full overflow-hidden rounded-xl bg-stone-200 dark:bg-stone-800">
                  {h.product.imageUrl ? <ProductImage src={h.product.imageUrl} alt="" swatch={h.product.swatch} sizes={IMAGE_SIZES.thumb} /> : null}
                </span>
                <span className="mt-1 block truncate text-xs font-medium" data-testid="similar-name">{h.product.name}</span>
                <span className="block text-xs text-stone-500 dark:text-stone-400">{formatPrice(h.product.priceCents, h.product.currency)}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-500 dark:text-stone-400">No similar items found.</p>
      )}
    </div>
  );
}

interface Props {
  item: SheetItem | null;
  onClose: () => void;
  onSwipe?: (a: SwipeAction) => void;
}

export const DetailSheet = memo(function DetailSheet({ item, onClose, onSwipe }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [shown, setShown] = useState<SheetItem | null>(item);
  if (item && item !== shown) setShown(item);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (item && !d.open) d.showModal();
    if (!item && d.open) d.close();
  }, [item]);

  const p = shown?.product;
  const fromDeck = Boolean(shown?.card && item?.card);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onClick={(e) => e.target === ref.current && onClose()}
      aria-labelledby="detail-title"
      className="m-0 mt-auto max-h-[92dvh] w-full max-w-none overflow-hidden rounded-t-3xl bg-white p-0 text-stone-900 shadow-2xl backdrop:bg-black/50 md:m-auto md:max-w-3xl md:rounded-3xl dark:bg-stone-900 dark:text-stone-100"
      data-testid="detail-sheet"
    >
      {p ? (
        <div className="flex max-h-[92dvh] flex-col md:flex-row">
          <div className="relative h-[34dvh] shrink-0 bg-stone-100 md:aspect-[3/4] md:h-auto md:w-[45%] dark:bg-stone-800">
            {p.imageUrl ? <ProductImage key={p.id} src={p.imageUrl} alt={p.name} swatch={p.swatch} sizes={IMAGE_SIZES.detail} preload /> : null}
            <button
              type="button"
              onClick={onClose}
              className="absolute right-3 top-3 inline-flex h-11 w-11 items-center justify-center rounded-full bg-black/40 text-white backdrop-blur-md hover:bg-black/60"
              aria-label="Close details"
              autoFocus
            >
              <XIcon size={20} />
            </button>
          </div>
          <div className="flex min-h-0 min-w-0 flex-1 flex-col">
            <div className="min-h-0 flex-1 space-y-5 overflow-y-auto p-5 md:p-6">
              <div>
                <p className="text-xs font-bold uppercase tracking-[0.14em] text-stone-500 dark:text-stone-400">{p.brand || p.articleType}</p>
                <h2 id="detail-title" className="text-2xl font-bold leading-tight">{p.name}</h2>
                <p className="mt-1 text-xl font-semibold text-brand-700 dark:text-brand-400">{formatPrice(p.priceCents, p.currency)}</p>
                {shown?.card?.explanation ? <p className="mt-2 text-sm text-stone-600 dark:text-stone-300">{shown.card.explanation}</p> : null}
                <Link href={`/p/${p.id}`} className="mt-3 inline-block text-sm font-semibold text-brand-700 underline underline-offset-4 hover:text-brand-800 dark:text-brand-400" data-testid="product-page-link">
                  View product page
                </Link>
              </div>
              <div className="flex flex-wrap items-center gap-2 text-xs">
                {p.colours.map((c) => (
                  <span key={c} className="inline-flex items-center gap-1.5 rounded-full bg-stone-100 px-2.5 py-1 capitalize dark:bg-stone-800">
                    <span aria-hidden="true" className="h-3 w-3 rounded-full ring-1 ring-black/10" style={{ background: colourHex(c) }} />
                    {c}
                  </span>
                ))}
                {p.styles.map((s) => <span key={s} className="rounded-full bg-stone-100 px-2.5 py-1 capitalize dark:bg-stone-800">{s}</span>)}
              </div>
              <div>
                <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">Sizes</h3>
                {p.sizes.length ? (
                  <ul className="flex flex-wrap gap-1.5">
                    {p.sizes.map((s) => <li key={s} className="min-w-10 rounded-lg px-2.5 py-1.5 text-center text-sm font-medium ring-1 ring-stone-300 dark:ring-stone-700">{s}</li>)}
                  </ul>
                ) : (
                  <p className="text-sm">One size</p>
                )}
              </div>
              {p.description ? <p className="text-sm leading-relaxed text-stone-700 dark:text-stone-300">{p.description}</p> : null}
              {shown?.card ? <ScoreBars card={shown.card} /> : null}
              <Similar productId={p.id} />
            </div>
            {fromDeck && onSwipe ? (
              <div className="flex gap-3 border-t border-stone-200 p-4 dark:border-stone-800">
                <button type="button" onClick={() => onSwipe("pass")} className="flex flex-1 items-center justify-center gap-2 rounded-full py-3 font-semibold text-nope ring-1 ring-stone-300 hover:bg-stone-50 dark:ring-stone-700 dark:hover:bg-stone-800">
                  <XIcon size={18} /> Pass
                </button>
                <button type="button" onClick={() => onSwipe("like")} className="flex flex-1 items-center justify-center gap-2 rounded-full bg-emerald-700 py-3 font-semibold text-white hover:bg-emerald-800">
                  <HeartIcon size={18} /> Like
                </button>
              </div>
            ) : null}
          </div>
        </div>
      ) : null}
    </dialog>
  );
});
