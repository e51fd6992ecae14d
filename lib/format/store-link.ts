// Product URLs ("Buy at <store>"): which strings count as a shop link (absolute http or
// https URLs only) and the store name shown for one. Shared by the catalog importer, the
// admin edit schema and the product page. Pure: imports nothing.

/** The normalised URL when `value` is an absolute http(s) URL with a host, else null. */
export function httpUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") return null;
  if (url.username || url.password) return null; // "https://shop.com@evil.test" style links
  return url.href;
}

/** "https://www.example-shop.com/p/1" -> "example-shop.com"; null when not a shop link. */
export function storeName(value: string | null | undefined): string | null {
  const href = value ? httpUrl(value) : null;
  return href ? new URL(href).hostname.replace(/^www\./, "") : null;
}
