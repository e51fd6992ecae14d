// Limits of POST /api/search/photo, shared by the route's checks (lib/http/image-upload.ts)
// and the browser's check of the cropped upload (app/_components/photo-search.tsx). A
// constant only, without zod, so the /search page does not bundle zod for it.
export const PHOTO_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxSide: 6000,
  maxPixels: 25_000_000,
  types: ["image/jpeg", "image/png", "image/webp"],
} as const;
