// Typed fetch helpers for the shopper API (client side). The quiz body is validated with
// the shared zod schema before it leaves the browser (zod is loaded on demand so it stays
// out of the deck's first-load JavaScript; the server validates every body again).
// Must not import server-only modules: types only from lib/schemas/api and lib/search/contract,
// plus the pure URL-state helpers of lib/search/url.
import type {
  CardsResponse, FeedbackResponse, LikedItem, LikesResponse, ProductDetailResponse, ProfileResponse, QuizOptions, QuizResponse,
  RemoveLikeResponse, SearchHit, UndoResponse,
} from "@/lib/schemas/api";
import type { Card, LearningSummary, PublicProduct } from "@/lib/schemas/api";
import type { FeedbackInput } from "@/lib/schemas/feedback";
import type { PhotoSearchResponse } from "@/lib/search/contract";
import type { QuizInput } from "@/lib/schemas/quiz";
import type { SearchState, TextSearchResponse } from "@/lib/search/contract";
import { searchStateToParams } from "@/lib/search/url";

export type { Card, LearningSummary, LikedItem, PublicProduct, QuizOptions, SearchState, TextSearchResponse };
export type Hit = SearchHit;

/** The one calm outage line: the server is unreachable or answered 5xx (no blame on the shopper). */
export const OUTAGE_MESSAGE = "We can't reach StyleNova right now.";
/** Only when the browser itself reports no network. */
export const OFFLINE_MESSAGE = "You're offline.";

/** An HTTP error with the status, so callers can tell retryable (5xx/network) from final (4xx). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** the JSON error body, when there was one (e.g. { code: "product_unavailable", productId, recorded }) */
    readonly body: Record<string, unknown> | null = null,
  ) {
    super(message);
  }
  /** the server's machine-readable reason, e.g. "product_unavailable" (final: never retried) */
  get code(): string | null {
    return typeof this.body?.code === "string" ? this.body.code : null;
  }
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: "application/json", ...init?.headers }, cache: "no-store" });
  } catch {
    throw new ApiError(typeof navigator !== "undefined" && navigator.onLine === false ? OFFLINE_MESSAGE : OUTAGE_MESSAGE, 0);
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) {
    // 5xx and gateway errors: the calm outage line, never the server's internals
    if (res.status >= 500) throw new ApiError(OUTAGE_MESSAGE, res.status);
    const msg = body && typeof body === "object" && "error" in body && typeof body.error === "string" ? body.error : `Request failed (${res.status})`;
    throw new ApiError(msg, res.status, body && typeof body === "object" ? (body as Record<string, unknown>) : null);
  }
  return body as T;
}

const json = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

export const api = {
  profile: () => call<ProfileResponse>("/api/profile"),
  quizOptions: () => call<QuizOptions>("/api/quiz/options"),
  submitQuiz: async (quiz: QuizInput) => {
    const { quizSchema } = await import("@/lib/schemas/quiz");
    return call<QuizResponse>("/api/quiz", json(quizSchema.parse(quiz)));
  },
  /** `held`: the buffer's cards, re-validated by the server (removed / updated in the answer) */
  cards: (limit: number, exclude: number[], held: readonly Pick<Card, "product" | "rev">[] = []) =>
    call<CardsResponse>(
      `/api/cards?${new URLSearchParams({
        limit: String(limit),
        ...(exclude.length ? { exclude: exclude.slice(0, 100).join(",") } : {}),
        // a card stored before revs existed sends "0": the server answers with its fresh data
        ...(held.length ? { revs: held.slice(0, 100).map((c) => `${c.product.id}:${c.rev || "0"}`).join(",") } : {}),
      })}`,
    ),
  feedback: (input: FeedbackInput) => call<FeedbackResponse>("/api/feedback", json(input)),
  undo: (clientEventId?: string) => call<UndoResponse>("/api/undo", json(clientEventId ? { clientEventId } : {})),
  likes: () => call<LikesResponse>("/api/likes"),
  removeLike: (productId: number) => call<RemoveLikeResponse>(`/api/likes/${productId}`, { method: "DELETE" }),
  product: (id: number) => call<ProductDetailResponse>(`/api/products/${id}`),
  /** GET /api/search: one page of word search for a URL state (lib/search/url.ts) */
  search: (state: SearchState) => call<TextSearchResponse>(`/api/search?${searchStateToParams(state)}`),
  searchPhoto: (file: File) => {
    const form = new FormData();
    form.append("image", file);
    return call<PhotoSearchResponse>("/api/search/photo", { method: "POST", body: form });
  },
};

/** A client event id the server accepts (8-64 chars of [A-Za-z0-9_-]). */
export function newEventId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID().replace(/-/g, "");
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}
