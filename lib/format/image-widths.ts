// The picture widths and quality the image optimizer (/_next/image) accepts: next.config.ts
// configures Next with these, and app/_components/product-image.tsx builds its srcset from
// them. One list, so the two cannot drift apart (the optimizer answers 400 to any other w/q).
// Pure constants and a URL builder: imports nothing.

/** Widths for full-width pictures (the 1024 px masters: nothing larger). */
export const DEVICE_WIDTHS = [384, 480, 640, 750, 828, 1024] as const;
/** Widths for pictures smaller than the screen (thumbnails, grid tiles). */
export const THUMB_WIDTHS = [96, 128, 192, 256, 320] as const;
export const IMAGE_QUALITY = 75;

/** The optimizer's URL of `src` at width `w` (Next's default loader format). */
export function optimisedUrl(src: string, w: number): string {
  return `/_next/image?url=${encodeURIComponent(src)}&w=${w}&q=${IMAGE_QUALITY}`;
}
