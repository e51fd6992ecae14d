// A product picture through Next's image pipeline (/_next/image: resized to the device's
// width at 2x, AVIF/WebP), shown whole (object-contain on a neutral ground) with a
// dominant-colour placeholder drawn from the product's primary colour behind it.
// A plain <img> from `getImageProps` rather than the <Image> component: same URLs and
// srcset, without the component's client runtime (it kept /deck over its 150 KB budget).
// Works in server and client components. Must not import server-only code, the store or lib/db.
import { getImageProps } from "next/image";
import { preload as preloadResource } from "react-dom";
import { colourHex } from "./colour-hex";

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
export function colourPlaceholder(colour: string | undefined): `data:image/${string}` {
  const css = colour ? colourHex(colour) : "";
  const fill = /^(#[0-9a-f]{3,8}|hsl\([^)]*\))$/i.test(css) ? css : "#c9c6c0";
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 40"><rect width="30" height="40" fill="${GROUND}"/>` +
    `<rect x="8" y="8" width="14" height="24" rx="4" fill="${fill}" opacity="0.55"/></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

interface Props {
  src: string;
  alt: string;
  /** The product's primary colour name, for the placeholder. */
  colour?: string;
  sizes: string;
  /** The first, above-the-fold picture (deck top card, open detail): preloaded and eager. */
  preload?: boolean;
  className?: string;
  testId?: string;
}

/** Fetch the picture the browser would pick for `sizes` (same srcset), to warm the cache. */
export function warmProductImage(src: string, sizes: string): void {
  const { props } = getImageProps({ src, alt: "", fill: true, sizes, quality: 75, unoptimized: !src.startsWith("/media/") });
  const img = new window.Image();
  img.decoding = "async";
  img.fetchPriority = "low";
  if (props.sizes) img.sizes = props.sizes;
  if (props.srcSet) img.srcset = props.srcSet;
  img.src = props.src;
}

/** Fills its positioned parent (give the parent `relative` and a size or aspect ratio). */
export function ProductImage({ src, alt, colour, sizes, preload = false, className = "", testId }: Props) {
  const { props } = getImageProps({
    src,
    alt,
    unoptimized: !src.startsWith("/media/"), // only the media route is allowed (next.config localPatterns)
    fill: true,
    sizes,
    quality: 75,
    loading: preload ? "eager" : "lazy",
    fetchPriority: preload ? "high" : "auto",
  });
  if (preload) {
    preloadResource(props.src, { as: "image", fetchPriority: "high", imageSrcSet: props.srcSet, imageSizes: props.sizes });
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- getImageProps' <img> (alt is in props)
    <img
      {...props}
      draggable={false}
      className={`object-contain ${className}`}
      style={{ ...props.style, backgroundColor: GROUND, backgroundImage: `url("${colourPlaceholder(colour)}")`, backgroundSize: "cover", backgroundPosition: "center" }}
      data-product-image=""
      data-testid={testId}
    />
  );
}
