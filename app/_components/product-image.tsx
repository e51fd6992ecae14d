// A product picture through Next's image pipeline (/_next/image: resized to the device's
// width at 2x, AVIF/WebP), shown whole (object-contain on a neutral ground) with a
// dominant-colour placeholder drawn from the product's primary colour behind it.
// A plain <img> with the optimizer's srcset built here (lib/format/image-widths, the
// widths next.config.ts allows) rather than next/image: its <Image> component and
// getImageProps added about 4 KB gzipped to /deck, over its 150 KB budget.
// Works in server and client components. Must not import server-only code, the store or lib/db.
import { DEVICE_WIDTHS, optimisedUrl, THUMB_WIDTHS } from "@/lib/format/image-widths";
import { preload as preloadResource } from "react-dom";

/**
 * `sizes` for each place a product picture appears (CSS px of the rendered box), so a
 * phone at DPR 2 fetches a ~750 px image for the deck and the detail sheet, and grids
 * fetch their column width at 2x.
 */
export const IMAGE_SIZES = {
  deck: "(max-width: 640px) calc(100vw - 32px), 448px",
  detail: "(max-width: 767px) 100vw, 448px",
  grid: "(max-width: 640px) 50vw, (max-width: 1024px) 33vw, 240px",
  quiz: "(max-width: 640px) 50vw, 200px",
  thumb: "96px",
} as const;

const GROUND = "#efedea";

/** A tiny SVG data URL: the item's colour as a soft shape on the neutral ground. */
export function colourPlaceholder(swatch: string | undefined): `data:image/${string}` {
  const css = swatch ?? "";
  const fill = /^(#[0-9a-f]{3,8}|hsl\([^)]*\))$/i.test(css) ? css : "#c9c6c0";
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 40"><rect width="30" height="40" fill="${GROUND}"/>` +
    `<rect x="8" y="8" width="14" height="24" rx="4" fill="${fill}" opacity="0.55"/></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

interface Props {
  src: string;
  alt: string;
  /** CSS colour of the product's primary colour (PublicProduct.swatch), for the placeholder. */
  swatch?: string;
  sizes: string;
  /** The first, above-the-fold picture (deck top card, open detail): preloaded and eager. */
  preload?: boolean;
  className?: string;
  testId?: string;
}

/** src, srcset and sizes of a picture: through the optimizer for /media pictures, as is otherwise. */
function imageAttrs(src: string, sizes: string): { src: string; srcSet?: string; sizes?: string } {
  if (!src.startsWith("/media/")) return { src }; // only the media route is allowed (next.config localPatterns)
  const widths = [...THUMB_WIDTHS, ...DEVICE_WIDTHS];
  return { src: optimisedUrl(src, DEVICE_WIDTHS[DEVICE_WIDTHS.length - 1]), srcSet: widths.map((w) => `${optimisedUrl(src, w)} ${w}w`).join(", "), sizes };
}

/** Fetch the picture the browser would pick for `sizes` (same srcset), to warm the cache. */
export function warmProductImage(src: string, sizes: string): void {
  const a = imageAttrs(src, sizes);
  const img = new window.Image();
  img.decoding = "async";
  img.fetchPriority = "low";
  if (a.sizes) img.sizes = a.sizes;
  if (a.srcSet) img.srcset = a.srcSet;
  img.src = a.src;
}

/** Fills its positioned parent (give the parent `relative` and a size or aspect ratio). */
export function ProductImage({ src, alt, swatch, sizes, preload = false, className = "", testId }: Props) {
  const a = imageAttrs(src, sizes);
  if (preload) preloadResource(a.src, { as: "image", fetchPriority: "high", imageSrcSet: a.srcSet, imageSizes: a.sizes });
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={a.src}
      srcSet={a.srcSet}
      sizes={a.sizes}
      alt={alt}
      loading={preload ? "eager" : "lazy"}
      fetchPriority={preload ? "high" : "auto"}
      decoding="async"
      draggable={false}
      className={`absolute inset-0 h-full w-full object-contain ${className}`}
      style={{ backgroundColor: GROUND, backgroundImage: `url("${colourPlaceholder(swatch)}")`, backgroundSize: "cover", backgroundPosition: "center" }}
      data-product-image=""
      data-testid={testId}
    />
  );
}
