// Simulated shoppers: hidden tastes over real catalog attributes, partial quiz answers,
// noisy swipe decisions, a session driver over any SimFeed (the DB-backed feed, the
// in-memory recommender feed, or the baselines) and session metrics.
// Pure: must not import anything outside lib/recommender.
import { buildContentIndex, type ContentIndex } from "./content";
import { collabScoresFor, type CollabModel } from "./collab-model";
import { ratingsFromState, type CollabUser } from "./collaborative";
import { applyEvent, initialState } from "./learning";
import { pick, sample, shuffled, type Rng } from "./random";
import { recommend } from "./rank";
import { hardFilter } from "./rules";
import type { FeedbackAction, Gender, PreferenceState, Product, QuizAnswers, Recommendation } from "./types";
import type { VectorSet } from "./visual";

/** A shopper's hidden taste. Values are catalog values (article types as in the catalog). */
export interface Taste {
  gender: Gender;
  articleTypes: string[]; // 1-3
  colours: string[]; // 1-2, lowercase
  style: string; // lowercase
}

function countBy(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/** Values with at least `min` occurrences, sorted for determinism. */
function frequent(values: string[], min: number): string[] {
  return Array.from(countBy(values)).filter(([, c]) => c >= min).map(([v]) => v).sort();
}

/** A taste drawn from the catalog's own attribute values (only values with enough items). */
export function generateTaste(products: readonly Product[], rng: Rng): Taste {
  const visible = products.filter((p) => !p.hidden);
  const genders = frequent(visible.map((p) => p.gender).filter((g) => g !== "unisex"), 20);
  const gender = (genders.length ? pick(rng, genders) : "unisex") as Gender;
  const mine = visible.filter((p) => p.gender === gender || p.gender === "unisex");
  const types = frequent(mine.map((p) => p.articleType), 8);
  const articleTypes = sample(rng, types.length ? types : frequent(mine.map((p) => p.articleType), 1), 1 + Math.floor(rng() * 3));
  const ofTypes = mine.filter((p) => articleTypes.includes(p.articleType));
  const colours = sample(rng, frequent(ofTypes.flatMap((p) => p.colours.slice(0, 1)), 2), 1 + Math.floor(rng() * 2));
  const styles = frequent(ofTypes.flatMap((p) => p.styles), 2);
  return { gender, articleTypes, colours, style: styles.length ? pick(rng, styles) : "" };
}

/**
 * Partial quiz answers: always the gender, one of the taste's colours; the article types
 * only with probability 0.2 (one of them) and the style with probability 0.3. So the
 * recommender has a cold-start hint but must learn the rest from swipes.
 */
export function quizFromTaste(taste: Taste, rng: Rng): QuizAnswers {
  const colours = taste.colours.length ? [pick(rng, taste.colours)] : [];
  const categories = rng() < 0.2 && taste.articleTypes.length ? [pick(rng, taste.articleTypes)] : [];
  const styles = rng() < 0.3 && taste.style ? [taste.style] : [];
  return { categories, colours, brands: [], styles, gender: taste.gender, sizes: [], budget: { minCents: null, maxCents: null } };
}

/** How well a product matches a taste. */
export function tasteMatch(taste: Taste, p: Product): { gender: boolean; type: boolean; colour: boolean; style: boolean } {
  return {
    gender: p.gender === taste.gender || p.gender === "unisex",
    type: taste.articleTypes.includes(p.articleType),
    colour: p.colours.some((c) => taste.colours.includes(c.toLowerCase())),
    style: p.styles.some((s) => s.toLowerCase() === taste.style),
  };
}

/**
 * "Matches enough of the taste": like when the gender fits, the article type is one of the
 * taste's and the colour or the style matches; superlike when colour and style both match
 * too. With probability `noise` the like/pass decision flips (a flipped pass is a plain like).
 */
export function decide(taste: Taste, p: Product, rng: Rng, noise = 0.1): FeedbackAction {
  const m = tasteMatch(taste, p);
  const likes = m.gender && m.type && (m.colour || m.style);
  const flip = rng() < noise;
  if (likes === flip) return "pass";
  return likes && m.colour && m.style ? "superlike" : "like";
}

/** What the API's feed does, as seen by a simulated shopper. */
export interface SimFeed {
  start(quiz: QuizAnswers): Promise<void>;
  /** the next cards; `context` = the ids the client already has, in display order (recent swipes, then its buffer) */
  next(limit: number, context?: readonly number[]): Promise<Array<{ product: Product; reason?: Recommendation["reason"]; weights?: Recommendation["weights"]; explanation?: string; source?: Recommendation["source"] }>>;
  feedback(productId: number, action: FeedbackAction): Promise<void>;
}

/** The card as served (when the feed is a recommender): what it claimed and when it was served. */
export interface ServedCard {
  reason: Recommendation["reason"];
  weights: Recommendation["weights"];
  explanation: string;
  source: Recommendation["source"];
  /** swipes made before the request that served it */
  servedAfter: number;
}

export interface Swipe {
  index: number; // 1-based swipe index
  product: Product;
  action: FeedbackAction;
  served?: ServedCard;
}

/**
 * How the simulated client asks for cards: "batch" = `batch` cards whenever the buffer is
 * empty (the evaluation's old pattern); "client" = the web client's (app/_store/
 * use-deck-refill.ts): the quiz's first 10, then whenever fewer than CLIENT_KEEP cards are
 * buffered, up to CLIENT_TARGET, sending the recent swipes and the buffer in display order.
 */
export type RefillPattern = "batch" | "client";
export const CLIENT_KEEP = 5;
export const CLIENT_TARGET = 8;

export interface SessionResult {
  taste: Taste;
  quiz: QuizAnswers;
  swipes: Swipe[];
}

/** Drives one session: quiz, then swipes, with the cards asked for in the given refill pattern. */
export async function runSession(
  feed: SimFeed,
  taste: Taste,
  rng: Rng,
  swipes = 40,
  opts: { batch?: number; noise?: number; pattern?: RefillPattern; quiz?: QuizAnswers; decide?: (p: Product) => FeedbackAction } = {},
): Promise<SessionResult> {
  const batch = opts.batch ?? 10;
  const noise = opts.noise ?? 0.1;
  const pattern = opts.pattern ?? "batch";
  const quiz = opts.quiz ?? quizFromTaste(taste, rng);
  await feed.start(quiz);
  const out: Swipe[] = [];
  const buffer: Array<{ product: Product; served?: ServedCard }> = [];
  let exhausted = false;
  const fetch = async (limit: number) => {
    const context = [...out.slice(-10).map((w) => w.product.id), ...buffer.map((b) => b.product.id)];
    const cards = await feed.next(limit, context);
    if (cards.length < limit) exhausted = true;
    for (const c of cards)
      buffer.push({
        product: c.product,
        served: c.reason && c.weights ? { reason: c.reason, weights: c.weights, explanation: c.explanation ?? "", source: c.source ?? "ranked", servedAfter: out.length } : undefined,
      });
  };
  while (out.length < swipes) {
    if (pattern === "client") {
      if (out.length === 0 && buffer.length === 0) await fetch(10);
      else if (buffer.length < CLIENT_KEEP && !exhausted) await fetch(CLIENT_TARGET - buffer.length);
    } else if (buffer.length === 0) await fetch(batch);
    if (buffer.length === 0) break;
    const card = buffer.shift()!;
    const action = opts.decide ? opts.decide(card.product) : decide(taste, card.product, rng, noise);
    await feed.feedback(card.product.id, action);
    out.push({ index: out.length + 1, product: card.product, action, served: card.served });
  }
  return { taste, quiz, swipes: out };
}

// ---------------------------------------------------------------- metrics

export const LIKE_BUCKETS: ReadonlyArray<readonly [number, number]> = [
  [1, 10],
  [11, 20],
  [21, 40],
  [41, 60],
];

/** Like rate (like or superlike) per swipe-index bucket, pooled over sessions. */
export function likeRateByBucket(sessions: readonly SessionResult[], buckets = LIKE_BUCKETS): number[] {
  return buckets.map(([lo, hi]) => {
    let n = 0;
    let likes = 0;
    for (const s of sessions)
      for (const w of s.swipes)
        if (w.index >= lo && w.index <= hi) {
          n++;
          if (w.action !== "pass") likes++;
        }
    return n ? likes / n : 0;
  });
}

/** Mean swipes to the first like; sessions without a like count as (swipes + 1). */
export function meanSwipesToFirstLike(sessions: readonly SessionResult[]): number {
  if (sessions.length === 0) return 0;
  let sum = 0;
  for (const s of sessions) {
    const first = s.swipes.find((w) => w.action !== "pass");
    sum += first ? first.index : s.swipes.length + 1;
  }
  return sum / sessions.length;
}

/** Attribute similarity of two products: mean of same article type, primary colour, any style. */
export function attributeSimilarity(a: Product, b: Product): number {
  const type = a.articleType === b.articleType ? 1 : 0;
  const colour = (a.colours[0] ?? "") === (b.colours[0] ?? "") ? 1 : 0;
  const style = a.styles.some((s) => b.styles.includes(s)) ? 1 : 0;
  return (type + colour + style) / 3;
}

/** Intra-list diversity: 1 - mean pairwise attribute similarity, averaged over windows of 10 cards. */
export function intraListDiversity(sessions: readonly SessionResult[], window = 10): number {
  let sum = 0;
  let count = 0;
  for (const s of sessions) {
    for (let start = 0; start + window <= s.swipes.length; start += window) {
      const items = s.swipes.slice(start, start + window).map((w) => w.product);
      let sim = 0;
      let pairs = 0;
      for (let i = 0; i < items.length; i++)
        for (let j = i + 1; j < items.length; j++) {
          sim += attributeSimilarity(items[i], items[j]);
          pairs++;
        }
      sum += 1 - sim / pairs;
      count++;
    }
  }
  return count ? sum / count : 0;
}

/** Share of the catalog shown at least once over all sessions. */
export function catalogCoverage(sessions: readonly SessionResult[], catalogSize: number): number {
  const ids = new Set<number>();
  for (const s of sessions) for (const w of s.swipes) ids.add(w.product.id);
  return catalogSize ? ids.size / catalogSize : 0;
}

export interface SimulationReport {
  sessions: number;
  /** 41-60 is 0 for sessions of 40 swipes */
  likeRate: { "1-10": number; "11-20": number; "21-40": number; "41-60": number };
  swipesToFirstLike: number;
  diversity: number;
  coverage: number;
}

export function summarise(sessions: readonly SessionResult[], catalogSize: number): SimulationReport {
  const [a, b, c, d] = likeRateByBucket(sessions);
  return {
    sessions: sessions.length,
    likeRate: { "1-10": a, "11-20": b, "21-40": c, "41-60": d },
    swipesToFirstLike: meanSwipesToFirstLike(sessions),
    diversity: intraListDiversity(sessions),
    coverage: catalogCoverage(sessions, catalogSize),
  };
}

/** Runs `count` sessions with tastes drawn from the catalog; feeds come from `makeFeed(i)`. */
export async function simulate(
  products: readonly Product[],
  makeFeed: (session: number) => SimFeed,
  rng: Rng,
  count: number,
  swipes = 40,
  opts: { batch?: number; noise?: number; pattern?: RefillPattern } = {},
): Promise<SessionResult[]> {
  const out: SessionResult[] = [];
  for (let i = 0; i < count; i++) {
    const taste = generateTaste(products, rng);
    out.push(await runSession(makeFeed(i), taste, rng, swipes, opts));
  }
  return out;
}

/** Sessions as collaborative "others" (like +1, superlike +2, pass -1). */
export function othersFromSessions(sessions: readonly SessionResult[], prefix = "sim"): CollabUser<number>[] {
  return sessions.map((s, i) => ({
    id: `${prefix}-${i}`,
    ratings: new Map(s.swipes.map((w) => [w.product.id, w.action === "superlike" ? 2 : w.action === "like" ? 1 : -1])),
  }));
}

// ---------------------------------------------------------------- feeds

/** Baseline: random order within the quiz's hard filters, never repeating. */
export function createRandomFeed(products: readonly Product[], rng: Rng): SimFeed {
  let order: Product[] = [];
  return {
    async start(quiz) {
      order = shuffled(rng, products.filter(hardFilter(quiz)));
    },
    async next(limit) {
      return order.splice(0, limit).map((product) => ({ product }));
    },
    async feedback() {},
  };
}

/**
 * Popularity learned from earlier shoppers' likes: per product, the smoothed like-rate
 * (likes + M * base rate) / (exposures + M), over all shoppers (`overall`) and per quiz
 * segment (`bySegment`, see popularitySegment): "most liked by shoppers who answered the
 * quiz like you". On a catalog whose tastes are spread evenly (the synthetic one) overall
 * popularity is close to random order; the segment makes the baseline informative.
 */
export interface Popularity {
  overall: ReadonlyMap<number, number>;
  bySegment: ReadonlyMap<string, ReadonlyMap<number, number>>;
}

/** The quiz answers a popularity segment is keyed by: gender and colours. */
export function popularitySegment(quiz: QuizAnswers): string {
  return `${quiz.gender ?? ""}|${quiz.colours.map((c) => c.toLowerCase()).sort().join(",")}`;
}

/** Popularity for one shopper: their segment's when earlier shoppers share it, else overall. */
export function popularityFor(popularity: Popularity, quiz: QuizAnswers): ReadonlyMap<number, number> {
  return popularity.bySegment.get(popularitySegment(quiz)) ?? popularity.overall;
}

/** Like-rate smoothing towards the base rate: M pseudo-exposures. */
const POPULARITY_SMOOTHING = 5;

/**
 * Popularity from `shoppers` prior simulated shoppers, each with a taste drawn from the
 * catalog, answering the quiz and swiping `exposures` random items within its hard filters
 * (random exposure, so popularity is not biased by any recommender); likes and superlikes count.
 */
export function popularityFromSimulation(
  products: readonly Product[],
  rng: Rng,
  shoppers = 500,
  exposures = 200,
  noise = 0.1,
): Popularity {
  const all = { likes: new Map<number, number>(), shown: new Map<number, number>() };
  const segments = new Map<string, typeof all>();
  for (let s = 0; s < shoppers; s++) {
    const taste = generateTaste(products, rng);
    const quiz = quizFromTaste(taste, rng);
    const key = popularitySegment(quiz);
    let seg = segments.get(key);
    if (!seg) segments.set(key, (seg = { likes: new Map(), shown: new Map() }));
    for (const p of sample(rng, products.filter(hardFilter(quiz)), exposures)) {
      const liked = decide(taste, p, rng, noise) !== "pass";
      for (const t of [all, seg]) {
        t.shown.set(p.id, (t.shown.get(p.id) ?? 0) + 1);
        if (liked) t.likes.set(p.id, (t.likes.get(p.id) ?? 0) + 1);
      }
    }
  }
  const base = sum(all.likes) / (sum(all.shown) || 1);
  const rates = (t: typeof all) => {
    const out = new Map<number, number>();
    for (const p of products) out.set(p.id, ((t.likes.get(p.id) ?? 0) + POPULARITY_SMOOTHING * base) / ((t.shown.get(p.id) ?? 0) + POPULARITY_SMOOTHING));
    return out;
  };
  return { overall: rates(all), bySegment: new Map(Array.from(segments, ([key, t]) => [key, rates(t)])) };
}

function sum(m: ReadonlyMap<number, number>): number {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}

/** Baseline: most popular for the shopper's quiz segment first (ties by id) within the quiz's hard filters. */
export function createPopularityFeed(products: readonly Product[], popularity: Popularity): SimFeed {
  let order: Product[] = [];
  return {
    async start(quiz) {
      const pop = popularityFor(popularity, quiz);
      order = products.filter(hardFilter(quiz)).sort((a, b) => (pop.get(b.id) ?? 0) - (pop.get(a.id) ?? 0) || a.id - b.id);
    },
    async next(limit) {
      return order.splice(0, limit).map((product) => ({ product }));
    },
    async feedback() {},
  };
}

export interface MemoryFeed extends SimFeed {
  next(limit: number): Promise<Recommendation[]>;
  state(): PreferenceState;
}

/**
 * The real recommender in memory: `recommend` + `applyEvent`, the same calls lib/feed makes,
 * without the database. Cards served but not yet swiped are passed as excludeIds.
 */
export function createMemoryFeed(
  products: readonly Product[],
  vectors: VectorSet | null,
  rng: Rng,
  now: number,
  opts: {
    contentIndex?: ContentIndex;
    /** a trained collaborative model; the shopper is scored from their own ratings, as served */
    collabModel?: CollabModel | null;
    quizTextVector?: (quiz: QuizAnswers) => Float32Array | null;
  } = {},
): MemoryFeed {
  const contentIndex = opts.contentIndex ?? buildContentIndex(products);
  const byId = new Map(products.map((p) => [p.id, p]));
  let quiz: QuizAnswers | null = null;
  let state: PreferenceState | null = null;
  let quizVector: Float32Array | null = null;
  const pending = new Set<number>();
  let clock = now;
  return {
    async start(q) {
      quiz = q;
      state = initialState(q);
      quizVector = opts.quizTextVector ? opts.quizTextVector(q) : null;
      pending.clear();
    },
    async next(limit) {
      if (!quiz || !state) throw new Error("start() first");
      const recs = recommend({
        products,
        quiz,
        state,
        contentIndex,
        vectors,
        quizTextVector: quizVector,
        collabScores: opts.collabModel ? collabScoresFor(opts.collabModel, ratingsFromState(state)) : null,
        limit,
        excludeIds: pending,
        context: [...pending],
        rng,
        now: clock,
      });
      for (const r of recs) pending.add(r.productId);
      return recs;
    },
    async feedback(productId, action) {
      if (!state) throw new Error("start() first");
      const product = byId.get(productId);
      if (!product) return;
      const vector = vectors?.byId.get(productId);
      state = applyEvent(state, product, action, vector ? { vector, modelId: vectors!.modelId } : undefined);
      pending.delete(productId);
      clock += 1000;
    },
    state() {
      if (!state) throw new Error("start() first");
      return state;
    },
  };
}
