// Domain types shared by the recommender, the feed, the database mapping and the API.
// Pure: imports nothing outside lib/recommender.

export const GENDERS = ["women", "men", "unisex", "boys", "girls"] as const;
export type Gender = (typeof GENDERS)[number];

export const ACTIONS = ["like", "pass", "superlike"] as const;
export type FeedbackAction = (typeof ACTIONS)[number];

/** A catalog product as every layer above lib/db sees it. */
export interface Product {
  id: number; // internal id (database primary key)
  externalId: string; // id in the source catalog / CSV
  name: string;
  brand: string; // "" when unknown
  category: string; // e.g. "Apparel", "Footwear", "Accessories"
  subcategory: string; // e.g. "Topwear"
  articleType: string; // e.g. "Dresses", "Sneakers"
  gender: Gender;
  colours: string[]; // lowercase, primary first, e.g. ["black", "white"]
  styles: string[]; // lowercase style/usage tags, e.g. ["casual", "boho"]
  pattern: string | null; // "solid" | "stripes" | ... | null when unknown
  season: string | null;
  year: number | null;
  priceCents: number | null; // null when the source has no price
  currency: string; // ISO 4217, e.g. "USD"
  sizes: string[]; // e.g. ["XS","S","M"] or ["38","39"]; [] = one size / unknown
  description: string;
  image: string | null; // media path, e.g. "products/sn-0001.webp"
  hidden: boolean;
  productUrl?: string | null; // where it is sold (http/https); shown on the product page, never scored
}

/** One feedback event as the recommender consumes it (from the event log). */
export interface FeedbackEvent {
  productId: number;
  action: FeedbackAction;
  at: number; // epoch ms, injected
}

/** Quiz answers: the six steps. Every list may be empty (skipped). */
export interface QuizAnswers {
  categories: string[]; // article types or broad groups the shopper wants to see
  colours: string[];
  brands: string[];
  styles: string[];
  gender: Gender | null; // whose clothes: hard filter when set (unisex always passes)
  sizes: string[]; // hard filter when set: product must offer one of them (one-size passes)
  budget: { minCents: number | null; maxCents: number | null }; // hard filter when set
}

/** A quiz with every step skipped. */
export const EMPTY_QUIZ: QuizAnswers = {
  categories: [],
  colours: [],
  brands: [],
  styles: [],
  gender: null,
  sizes: [],
  budget: { minCents: null, maxCents: null },
};

// ---------------------------------------------------------------------------
// Recommender types (added by lib/recommender; existing definitions above unchanged).

/** Attribute kinds tracked by the preference EMA. */
export const ATTRIBUTE_KINDS = ["colour", "style", "articleType", "category", "brand", "priceBand"] as const;
export type AttributeKind = (typeof ATTRIBUTE_KINDS)[number];

/** value -> number, per attribute kind. Keys are lowercase attribute values. */
export type AttributeTable = Record<AttributeKind, Record<string, number>>;

/**
 * The shopper's learned state. Plain JSON (no Maps, no typed arrays) so lib/feed can
 * persist it as-is. Built only by initialState / applyEvent / replayEvents (learning.ts).
 */
export interface PreferenceState {
  version: 1;
  counts: { like: number; pass: number; superlike: number; total: number };
  /** EMA per attribute kind and value, clipped to [PREF_MIN, PREF_MAX]. */
  prefs: AttributeTable;
  /** Number of likes + superlikes per attribute value (for explanations and demotion). */
  likeCounts: AttributeTable;
  /** Number of passes per attribute value (for demotion of brands / article types). */
  passCounts: AttributeTable;
  /** Attribute values the shopper picked in the quiz (lowercase / normalised). */
  quizValues: AttributeTable;
  /** productId (as string key) -> number of passes. */
  productPasses: Record<string, number>;
  /** Most recent passes, oldest first, at most RECENT_PASSES_KEPT. */
  lastPasses: number[];
  liked: number[];
  superliked: number[];
  /** Feedback events seen per article type / category / colour (exploration). */
  seen: { articleType: Record<string, number>; category: Record<string, number>; colour: Record<string, number> };
  /**
   * Online logistic regression of like (1) vs pass (0) on one-hot attribute values, one SGD
   * step per event. Unlike the per-value EMA it explains passes away (a pass on a navy dress
   * the model already expects to fail barely moves "navy").
   */
  logit: { bias: number; weights: AttributeTable };
  /**
   * Taste beliefs (beliefs.ts): P(value is part of the taste) per article type / colour / style,
   * only for values an event has touched (others are at their quiz-dependent prior). Optional so
   * states persisted before it existed still load (they start from the priors).
   */
  beliefs?: BeliefTable;
  /** the taste-shape mixture (taste-mixture.ts); optional so earlier states still load (priors) */
  mixture?: TasteMixture;
  /**
   * The last RECENT_SWIPES_KEPT swiped product ids, oldest first (the displayed sequence the
   * batch rules continue). Optional so states persisted before it existed still load.
   */
  recent?: number[];
  /** EMA of liked item embeddings (not normalised); null until the first like with a vector. */
  visual: { modelId: string; vector: number[]; likes: number } | null;
}

/**
 * Other taste shapes (taste-mixture.ts): hypothesis weights and per-value beliefs of the
 * single-factor hypotheses (a colour across types, types in any colour, a descriptor).
 */
export interface TasteMixture {
  weights: { conjunctive: number; colour: number; type: number; descriptor: number };
  colour: Record<string, number>;
  type: Record<string, number>;
  descriptor: Record<string, number>;
}

/** Per-value taste probabilities for the kinds the belief model tracks. */
export type BeliefTable = Record<"articleType" | "colour" | "style", Record<string, number>>;

/**
 * The shares of the final score (they sum to 1 when any signal is available): the taste
 * model, and content / collaborative / visual in the BLEND_SCHEDULE shape. Signals that are
 * unavailable or constant over the candidates get 0 and their share goes to the others.
 */
export interface BlendWeights {
  taste: number;
  content: number;
  collaborative: number;
  visual: number;
}

export const SIGNALS = ["taste", "content", "collaborative", "visual"] as const;
export type Signal = (typeof SIGNALS)[number];

export interface ScoreComponents {
  /** normalised [0,1] over the candidate set, null when the signal is unavailable */
  content: number | null;
  collaborative: number | null;
  visual: number | null;
  /**
   * the taste model in [0, 1]: P(like) under the taste beliefs (beliefs.ts) plus
   * TASTE_ATTRIBUTE_SHARE x the attribute preference (EMA + logistic + affinity), clamped
   */
  taste: number;
  /** total penalty subtracted (soft exclusion + demotions), >= 0 */
  penalty: number;
}

export interface Recommendation {
  productId: number;
  product: Product;
  score: number;
  components: ScoreComponents;
  weights: BlendWeights;
  source: "ranked" | "explore";
  explanation: string;
  /** what the explanation claims, checkable against the shopper's log and quiz */
  reason: Reason;
}

/**
 * The facts behind an explanation. `signal`: the signal that contributed most to the card's
 * score (or "explore" for an exploration slot). `liked`: attribute values the shopper liked
 * at least once (in the log). `quiz`: quiz answers (as the shopper picked them) the product
 * matches. `collaborative`: the served model scored the item from other shoppers' swipes.
 */
export interface Reason {
  signal: Signal | "explore";
  liked: Array<{ kind: "articleType" | "colour" | "style"; value: string }>;
  quiz: Array<{ kind: "categories" | "colours" | "styles" | "brands"; answer: string }>;
  collaborative: boolean;
  /** exploration outside the quiz's categories ("Something new") */
  outsideQuiz: boolean;
}
