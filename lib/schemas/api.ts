// Response shapes of the JSON API (types only), so client code can type its fetches
// without importing server modules. Every error is ApiError with a 4xx/5xx status.
import type { Card, LearningSummary, PublicProduct } from "@/lib/feed/cards";
import type { SearchHit, SearchResult } from "@/lib/feed/search";
import type { FeedbackAction } from "@/lib/recommender/types";
import type { Quiz } from "./quiz";

export type { Card, LearningSummary, PublicProduct, SearchHit, SearchResult };
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
