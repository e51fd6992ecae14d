// Domain errors raised by lib/feed; lib/http/respond maps them to HTTP statuses.
export class FeedError extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new FeedError(404, what);
export const conflict = (what: string) => new FeedError(409, what);
