// Public shapes the feed returns (what the API serialises): products with an image URL,
// cards with score components and explanation, and the learning summary. Pure mapping:
// imports the pure recommender only, never lib/db or anything server-side.
import { buildContentProfile, type ContentIndex } from "@/lib/recommender/content";
import { blendWeights, type SignalAvailability } from "@/lib/recommender/hybrid";
import { epsilon } from "@/lib/recommender/explore";
import { droppedQuizValues } from "@/lib/recommender/rules";
import { feedbackCount } from "@/lib/recommender/learning";
import type { BlendWeights, PreferenceState, Product, QuizAnswers, Reason, Recommendation, ScoreComponents } from "@/lib/recommender/types";
import { visualProfile, type VectorSet } from "@/lib/recommender/visual";
import { colourSwatch } from "@/lib/catalog/colours";

export interface PublicProduct {
  id: number;
  externalId: string;
  name: string;
  brand: string;
  category: string;
  subcategory: string;
  articleType: string;
  gender: Product["gender"];
  colours: string[];
  styles: string[];
  pattern: string | null;
  season: string | null;
  priceCents: number | null;
  currency: string;
  sizes: string[];
  description: string;
  imageUrl: string | null;
  /** where the product is sold (http/https), null when the catalog has no link */
  productUrl: string | null;
  /** CSS colour of the primary colour: the picture's placeholder (computed here, so the
   *  colour vocabulary stays out of the browser's bundle) */
  swatch?: string;
}

export interface Card {
  product: PublicProduct;
  /** productRev(product): the client sends it back on refills, the server answers with fresh data when it differs */
  rev: string;
  score: number;
  components: ScoreComponents;
  weights: BlendWeights;
  source: "ranked" | "explore";
  explanation: string;
  /** the facts the explanation states (signal, liked values, quiz answers) */
  reason: Reason;
}

export interface LearnedValue {
  value: string;
  weight: number;
}

export interface LearningSummary {
  feedback: { like: number; superlike: number; pass: number; total: number };
  stage: "cold start" | "warming up" | "established";
  weights: BlendWeights;
  exploration: number;
  top: { colours: LearnedValue[]; styles: LearnedValue[]; articleTypes: LearnedValue[]; brands: LearnedValue[] };
  avoided: { colours: LearnedValue[]; articleTypes: LearnedValue[] };
  /** quiz answers (normalised) the shopper's swipes overruled: passed 3+ times per like + 3, out of the deck until liked */
  overruled: string[];
}

export function publicProduct(p: Product): PublicProduct {
  return {
    id: p.id, externalId: p.externalId, name: p.name, brand: p.brand, category: p.category, subcategory: p.subcategory,
    articleType: p.articleType, gender: p.gender, colours: p.colours, styles: p.styles, pattern: p.pattern, season: p.season,
    priceCents: p.priceCents, currency: p.currency, sizes: p.sizes, description: p.description,
    imageUrl: p.image ? `/media/${p.image}` : null,
    productUrl: p.productUrl ?? null,
    swatch: colourSwatch(p.colours[0] ?? "").hex,
  };
}

/** A short fingerprint of everything a card shows (FNV-1a 32 of the public JSON, base 36). */
export function productRev(p: PublicProduct): string {
  const text = JSON.stringify(p);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const roundWeights = (w: BlendWeights): BlendWeights => ({ taste: round(w.taste), content: round(w.content), collaborative: round(w.collaborative), visual: round(w.visual) });

export function toCard(r: Recommendation): Card {
  const c = r.components;
  const product = publicProduct(r.product);
  return {
    product,
    rev: productRev(product),
    score: round(r.score),
    components: {
      taste: round(c.taste),
      content: c.content === null ? null : round(c.content),
      collaborative: c.collaborative === null ? null : round(c.collaborative),
      visual: c.visual === null ? null : round(c.visual),
      penalty: round(c.penalty),
    },
    weights: roundWeights(r.weights),
    source: r.source,
    explanation: r.explanation,
    reason: r.reason,
  };
}

function overruledAnswers(state: PreferenceState): string[] {
  const d = droppedQuizValues(state);
  return Array.from(new Set([...d.articleType, ...d.category, ...d.colour])).sort();
}

function top(table: Record<string, number>, sign: 1 | -1, n = 3): LearnedValue[] {
  return Object.entries(table)
    .filter(([, w]) => sign * w > 0.05)
    .sort((a, b) => sign * (b[1] - a[1]))
    .slice(0, n)
    .map(([value, weight]) => ({ value, weight: round(weight) }));
}

export interface RankingSignals {
  quiz: QuizAnswers;
  state: PreferenceState;
  contentIndex: ContentIndex;
  vectors: VectorSet | null;
  quizTextVector: Float32Array | null;
  /** the served collaborative model scores some item positively for this shopper (hybrid.ts collabAvailable) */
  collaborative: boolean;
}

/**
 * Which signals recommend() blends for this state, decided the way rank.ts decides it:
 * content needs a content profile, visual needs a visual profile (liked images or the
 * quiz's text embedding) in the catalog's model. The catalog merely having vectors is
 * not enough: in pixel mode at cold start there is no visual profile, so the deck is
 * ranked on content alone and the panel must say so.
 */
export function rankingSignals(x: RankingSignals): SignalAvailability {
  return {
    taste: true,
    content: buildContentProfile(x.contentIndex, x.quiz, x.state) !== null,
    collaborative: x.collaborative,
    visual: visualProfile(x.state, x.vectors, x.quizTextVector) !== null,
  };
}

/** The blend weights recommend() uses for this state (what the learning panel shows). */
export function rankingWeights(x: RankingSignals): BlendWeights {
  return blendWeights(feedbackCount(x.state), rankingSignals(x));
}

/** The blend weights a ranking used (all its cards share them); null for no cards. */
export function rankedWeights(recs: readonly Recommendation[]): BlendWeights | null {
  return recs.length > 0 ? recs[0].weights : null;
}

/** What the profile has learned: the state's tables and the blend weights of its ranking. */
export function learningSummary(state: PreferenceState, weights: BlendWeights): LearningSummary {
  const n = feedbackCount(state);
  return {
    feedback: { like: state.counts.like, superlike: state.counts.superlike, pass: state.counts.pass, total: n },
    stage: n < 5 ? "cold start" : n < 20 ? "warming up" : "established",
    weights: roundWeights(weights),
    exploration: round(epsilon(n)),
    top: {
      colours: top(state.prefs.colour, 1),
      styles: top(state.prefs.style, 1),
      articleTypes: top(state.prefs.articleType, 1),
      brands: top(state.prefs.brand, 1),
    },
    avoided: { colours: top(state.prefs.colour, -1), articleTypes: top(state.prefs.articleType, -1) },
    overruled: overruledAnswers(state),
  };
}
