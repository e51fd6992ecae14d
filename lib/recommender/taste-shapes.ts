// Simulated tastes of other shapes than simulate.ts's "type AND (colour OR style)", for the
// evaluation (`npm run eval`): colour only across types, two types in any colour, a season
// only, a keyword of the product name only, and a shopper whose quiz contradicts the taste.
// Each shape draws its values from the catalog (only values with enough items), answers the
// quiz the way such a shopper would, and decides like / pass with the same noise.
// Pure: must not import anything outside lib/recommender.
import { pick, sample, type Rng } from "./random";
import { decide, generateTaste, quizFromTaste, runSession, type RefillPattern, type SessionResult, type SimFeed, type Taste } from "./simulate";
import { tokenize } from "./text";
import { EMPTY_QUIZ, type FeedbackAction, type Gender, type Product, type QuizAnswers } from "./types";

export const TASTE_SHAPES = ["type and colour or style", "colour only", "two types", "season only", "name keyword", "quiz contradicts taste"] as const;
export type TasteShape = (typeof TASTE_SHAPES)[number];

export interface ShapedTaste {
  shape: TasteShape;
  /** the base taste (gender, types, colours, style): used by the first and the last shape */
  base: Taste;
  colours: string[];
  articleTypes: string[];
  season: string | null;
  keyword: string | null;
  quiz: QuizAnswers;
}

function frequent(values: string[], min: number): string[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].filter(([, c]) => c >= min).map(([v]) => v).sort();
}

const mine = (products: readonly Product[], gender: Gender) => products.filter((p) => !p.hidden && (p.gender === gender || p.gender === "unisex"));

/** Words of product names frequent enough to be a taste (not colours, types or brands). */
function nameKeywords(items: readonly Product[]): string[] {
  const stop = new Set(items.flatMap((p) => [...tokenize(p.articleType), ...p.colours.flatMap(tokenize), ...tokenize(p.brand), ...tokenize(p.gender)]));
  const words = items.flatMap((p) => Array.from(new Set(tokenize(p.name))).filter((w) => w.length > 3 && !stop.has(w) && !/\d/.test(w)));
  return frequent(words, Math.max(8, Math.round(items.length * 0.02))).filter((w) => words.filter((x) => x === w).length <= items.length * 0.3);
}

/** A taste of the given shape, drawn from the catalog. */
export function generateShapedTaste(products: readonly Product[], rng: Rng, shape: TasteShape): ShapedTaste {
  const base = generateTaste(products, rng);
  const items = mine(products, base.gender);
  const out: ShapedTaste = { shape, base, colours: base.colours, articleTypes: base.articleTypes, season: null, keyword: null, quiz: quizFromTaste(base, rng) };
  const genderOnly = { ...EMPTY_QUIZ, gender: base.gender };
  if (shape === "colour only") {
    out.colours = sample(rng, frequent(items.flatMap((p) => p.colours.slice(0, 1)), 20), 1 + Math.floor(rng() * 2));
    out.quiz = { ...genderOnly, colours: [pick(rng, out.colours)] };
  } else if (shape === "two types") {
    out.articleTypes = sample(rng, frequent(items.map((p) => p.articleType), 8), 2);
    out.quiz = { ...genderOnly, categories: rng() < 0.5 ? [pick(rng, out.articleTypes)] : [] };
  } else if (shape === "season only") {
    out.season = pick(rng, frequent(items.map((p) => p.season ?? ""), 20).filter(Boolean));
    out.quiz = genderOnly;
  } else if (shape === "name keyword") {
    out.keyword = pick(rng, nameKeywords(items));
    out.quiz = genderOnly;
  } else if (shape === "quiz contradicts taste") {
    const otherTypes = frequent(items.map((p) => p.articleType), 8).filter((t) => !base.articleTypes.includes(t));
    const otherColours = frequent(items.flatMap((p) => p.colours.slice(0, 1)), 8).filter((c) => !base.colours.includes(c));
    out.quiz = { ...genderOnly, categories: sample(rng, otherTypes, 2), colours: sample(rng, otherColours, 1) };
  }
  return out;
}

/** Does the shopper of this taste like the product (before noise)? */
export function shapedLikes(t: ShapedTaste, p: Product): boolean {
  const gender = p.gender === t.base.gender || p.gender === "unisex";
  if (!gender) return false;
  if (t.shape === "colour only") return p.colours.some((c) => t.colours.includes(c.toLowerCase()));
  if (t.shape === "two types") return t.articleTypes.includes(p.articleType);
  if (t.shape === "season only") return p.season === t.season;
  if (t.shape === "name keyword") return t.keyword !== null && tokenize(p.name).includes(t.keyword);
  return decide(t.base, p, () => 1, 0) !== "pass";
}

/** like / superlike / pass with swipe noise (a flipped pass is a plain like), as simulate.ts decide. */
export function decideShaped(t: ShapedTaste, p: Product, rng: Rng, noise = 0.1): FeedbackAction {
  if (t.shape === "type and colour or style" || t.shape === "quiz contradicts taste") return decide(t.base, p, rng, noise);
  const likes = shapedLikes(t, p);
  const flip = rng() < noise;
  if (likes === flip) return "pass";
  return likes && !flip && rng() < 0.15 ? "superlike" : "like";
}

/** `count` sessions of one taste shape through feeds from `makeFeed(i)`, in the given refill pattern. */
export async function simulateShape(
  products: readonly Product[],
  makeFeed: (session: number) => SimFeed,
  rng: Rng,
  shape: TasteShape,
  count: number,
  swipes = 60,
  pattern: RefillPattern = "client",
): Promise<SessionResult[]> {
  const out: SessionResult[] = [];
  for (let i = 0; i < count; i++) {
    const t = generateShapedTaste(products, rng, shape);
    out.push(await runSession(makeFeed(i), t.base, rng, swipes, { pattern, quiz: t.quiz, decide: (p) => decideShaped(t, p, rng) }));
  }
  return out;
}
