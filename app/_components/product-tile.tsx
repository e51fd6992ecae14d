// A product in a grid: image, brand, name, price, linking to its page (/p/<id>).
// Server-renderable (no client state).
import Link from "next/link";
import type { Product } from "@/lib/recommender/types";
import { formatPrice } from "@/lib/format/price";
import { colourHex } from "./colour-hex";
import { IMAGE_SIZES, ProductImage } from "./product-image";

export function ProductTile({ product }: { product: Product }) {
  return (
    <article
      className="group overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-stone-200 transition hover:shadow-md dark:bg-stone-900 dark:ring-stone-800"
      data-testid="product-tile"
      data-product-id={product.id}
      data-article-type={product.articleType}
      data-colour={product.colours[0] ?? ""}
    >
      <Link href={`/p/${product.id}`} className="block rounded-2xl focus-visible:-outline-offset-4" data-testid="product-link">
        <div className="relative aspect-[3/4] bg-stone-100 dark:bg-stone-800">
          {product.image ? (
            // the link's text names the product, so the picture inside it is decorative
            <ProductImage src={`/media/${product.image}`} alt="" swatch={colourHex(product.colours[0] ?? "")} sizes={IMAGE_SIZES.grid} />
          ) : (
            <div className="flex h-full items-center justify-center text-sm text-stone-500">No image</div>
          )}
        </div>
        <div className="space-y-0.5 p-3">
          <p className="truncate text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">{product.brand || product.articleType}</p>
          <h3 className="line-clamp-2 text-sm font-medium leading-snug">{product.name}</h3>
          <p className="text-sm font-semibold text-brand-700 dark:text-brand-400">{formatPrice(product.priceCents, product.currency)}</p>
        </div>
      </Link>
    </article>
  );
}
