// Response shapes of the JSON API (types only), so client code can type its fetches
// without importing server modules. Every error is ApiError with a 4xx/5xx status.
import type { Card, LearningSummary, PublicProduct } from "@/lib/feed/cards";
import type { SearchHit } from "@/lib/feed/search";
import type { FeedbackAction } from "@/lib/recommender/types";
import type { Quiz } from "./quiz";

export type { Card, LearningSummary, PublicProduct, SearchHit };
export type { QuizOptions } from "./quiz-options";

export interface ApiError {
  error: string;
  issues?: { path: string; message: string }[];
}

export interface ProfileResponse {
  quiz: Quiz | null;
  learning: LearningSummary | null;
}
export interface QuizResponse {
  cards: Card[];
  learning: LearningSummary;
}
export interface CardsResponse {
  cards: Card[];
  exhausted: boolean;
  learning: LearningSummary;
  /** held ids (exclude) now hidden or deleted: drop them from the deck */
  removed: number[];
  /** held cards (revs) whose product changed: fresh product and rev, to replace in place */
  updated: { product: PublicProduct; rev: string }[];
}
export interface FeedbackResponse {
  duplicate: boolean;
  eventId: number;
  learning: LearningSummary;
}
export interface UndoResponse {
  undone: { productId: number; action: FeedbackAction; clientEventId: string } | null;
  product: PublicProduct | null;
  learning: LearningSummary;
}
export interface LikedItem {
  product: PublicProduct;
  action: "like" | "superlike";
  likedAt: string;
  /** false: hidden or deleted, shown as "No longer available" and not buyable */
  available: boolean;
}
/** The body of a 410/404 with code "product_unavailable" from POST /api/feedback. */
export interface UnavailableError {
  error: string;
  code: "product_unavailable";
  productId: number;
  /** the swipe was stored (the product is hidden, not deleted): a like stays in GET /api/likes */
  recorded: boolean;
}
export interface LikesResponse {
  items: LikedItem[];
}
export interface RemoveLikeResponse {
  removed: boolean;
  learning: LearningSummary;
}
export interface ProductListResponse {
  items: PublicProduct[];
  total: number;
  offset: number;
  limit: number;
}
export interface ProductDetailResponse {
  product: PublicProduct;
  similar: SearchHit[];
}
