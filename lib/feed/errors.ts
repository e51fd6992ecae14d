// Domain errors raised by lib/feed; lib/http/respond maps them to HTTP statuses. A `code`
// (and its extra fields) is a machine-readable reason the client acts on, e.g.
// "product_unavailable": the product was hidden or deleted (final, never retried).
export type FeedErrorCode = "product_unavailable";

export class FeedError extends Error {
  constructor(
    readonly status: 404 | 409 | 410 | 422,
    message: string,
    readonly code?: FeedErrorCode,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new FeedError(404, what);
export const conflict = (what: string) => new FeedError(409, what);

/**
 * A swipe on a product the shopper can no longer get: 410 when it is hidden (the row
 * exists; a like was kept, `recorded`), 404 when no such product exists (nothing stored).
 */
export const productUnavailable = (productId: number, hidden: boolean, extra: Record<string, unknown> = {}) =>
  new FeedError(
    hidden ? 410 : 404,
    hidden ? `Product ${productId} is no longer available` : `Unknown product ${productId}: it is no longer available`,
    "product_unavailable",
    { productId, recorded: false, ...extra },
  );
