// The shopper's deck: quiz -> profile, next cards, feedback (idempotent, committed with
// the profile update), exact undo, likes. Loads data from lib/db, calls the pure
// recommender, persists the result. Server-only.
import "server-only";
import {
  activeEvents, ensureShopper, findEvent, getShopper, inTransaction, insertEventIfNew, lockShopper, markUndone, saveProfile, updateProfile,
  type ShopperRecord, type StoredEvent,
} from "@/lib/db/shoppers";
import { applyEvent, initialState, replayEvents } from "@/lib/recommender/learning";
import { createRng, hashSeed } from "@/lib/recommender/random";
import { collabAvailable } from "@/lib/recommender/hybrid";
import { recommend } from "@/lib/recommender/rank";
import type { FeedbackAction, PreferenceState, Product, QuizAnswers, Recommendation } from "@/lib/recommender/types";
import type { FeedbackInput, UndoInput } from "@/lib/schemas/feedback";
import { learningSummary, publicProduct, rankedWeights, rankingWeights, toCard, type Card, type LearningSummary, type PublicProduct } from "./cards";
import { annCandidates } from "./ann";
import { checkHeld, type HeldCheck } from "./held";
import { getCatalog, type CatalogSnapshot } from "./catalog";
import { collabScoresForState } from "./collab";
import { conflict, notFound, productUnavailable } from "./errors";
import { quizPrompt } from "./prompt";

const QUIZ_VECTOR_CACHE = 500;
const g = globalThis as unknown as { __stylenovaQuizVectors?: Map<string, Float32Array | null> };

export async function quizTextVector(quiz: QuizAnswers, catalog: CatalogSnapshot): Promise<Float32Array | null> {
  if (catalog.embedder.mode !== "clip") return null;
  const prompt = quizPrompt(quiz);
  if (!prompt) return null;
  const cache = (g.__stylenovaQuizVectors ??= new Map());
  const key = `${catalog.embedder.modelId}|${prompt}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const v = await catalog.embedder.embedText(prompt);
  if (cache.size >= QUIZ_VECTOR_CACHE) cache.delete(cache.keys().next().value as string);
  cache.set(key, v);
  return v;
}

function eventsForReplay(events: StoredEvent[]) {
  return events.map((e) => ({ productId: e.productId, action: e.action, at: e.createdAt.getTime() }));
}

function replay(quiz: QuizAnswers, events: StoredEvent[], catalog: CatalogSnapshot): PreferenceState {
  return replayEvents(quiz, eventsForReplay(events), catalog.byId, catalog.vectors);
}

export async function requireProfile(shopperId: string): Promise<ShopperRecord & { quiz: QuizAnswers; state: PreferenceState }> {
  const s = await getShopper(shopperId);
  if (!s?.quiz || !s.state) throw conflict("Take the style quiz first: this shopper has no profile yet");
  if (!s.state.beliefs) {
    // a state saved before the taste-belief model: rebuild it from the log once
    const catalog = await getCatalog();
    s.state = replay(s.quiz, await activeEvents(shopperId), catalog);
    await saveProfile(shopperId, { state: s.state });
  }
  return s as ShopperRecord & { quiz: QuizAnswers; state: PreferenceState };
}

/** The learning panel: the blend weights of `ranked` when given, else the ones recommend() would use. */
async function summaryFor(shopperId: string, quiz: QuizAnswers, state: PreferenceState, catalog: CatalogSnapshot, ranked: Recommendation[] = []): Promise<LearningSummary> {
  const used = rankedWeights(ranked);
  if (used) return learningSummary(state, used);
  const quizVector = await quizTextVector(quiz, catalog);
  const collab = collabAvailable(collabScoresForState(state));
  const weights = rankingWeights({ quiz, state, contentIndex: catalog.contentIndex, vectors: catalog.vectors, quizTextVector: quizVector, collaborative: collab });
  return learningSummary(state, weights);
}

/** Create or replace the shopper's quiz; the learned state is replayed from their log. */
export async function submitQuiz(shopperId: string, quiz: QuizAnswers, opts: { limit?: number } = {}): Promise<{ cards: Card[]; learning: LearningSummary }> {
  await ensureShopper(shopperId);
  const catalog = await getCatalog();
  await inTransaction(async (tx) => {
    await lockShopper(tx, shopperId);
    const events = await activeEvents(shopperId, tx);
    await saveProfile(shopperId, { quiz, state: replay(quiz, events, catalog), eventCount: events.length }, tx);
  });
  const next = await nextCards(shopperId, { limit: opts.limit ?? 10, exclude: [] });
  return { cards: next.cards, learning: next.learning };
}

export interface NextCards extends HeldCheck {
  cards: Card[];
  exhausted: boolean;
  learning: LearningSummary;
}

/**
 * The next cards for this shopper, ranked from their current state, and the check of the
 * cards the client holds (`exclude` ids, `revs` of its buffer): removed and updated ones.
 */
/** What every ranking of this shopper starts from: the catalog, their quiz and state. */
export function rankerInput(profile: Awaited<ReturnType<typeof requireProfile>>, catalog: Awaited<ReturnType<typeof getCatalog>>, quizVector: Awaited<ReturnType<typeof quizTextVector>>) {
  return {
    products: catalog.products,
    quiz: profile.quiz,
    state: profile.state,
    contentIndex: catalog.contentIndex,
    vectors: catalog.vectors,
    quizTextVector: quizVector,
  };
}

export async function nextCards(shopperId: string, opts: { limit: number; exclude: number[]; revs?: { id: number; rev: string }[] }): Promise<NextCards> {
  const profile = await requireProfile(shopperId);
  const catalog = await getCatalog();
  const quizVector = await quizTextVector(profile.quiz, catalog);
  const seed = hashSeed(`${shopperId}|${profile.eventCount}|${opts.exclude.join(",")}`);
  const recs = recommend({
    ...rankerInput(profile, catalog, quizVector),
    // the served model and this shopper's own ratings: no other shopper is read per request
    collabScores: collabScoresForState(profile.state),
    limit: opts.limit,
    excludeIds: opts.exclude,
    // the client sends what it has in display order (recent swipes, then its buffer)
    context: opts.exclude,
    candidateIds: annCandidates({ products: catalog.products, vectors: catalog.vectors, ann: catalog.ann, quiz: profile.quiz, state: profile.state, quizTextVector: quizVector }),
    rng: createRng(seed),
    now: Date.now(),
  });
  const held = checkHeld(catalog, opts.exclude, opts.revs ?? []);
  return { cards: recs.map(toCard), exhausted: recs.length < opts.limit, learning: await summaryFor(shopperId, profile.quiz, profile.state, catalog, recs), ...held };
}

export interface FeedbackResult {
  duplicate: boolean;
  eventId: number;
  learning: LearningSummary;
}

/**
 * Record a swipe. A retry with the same clientEventId changes nothing. One transaction:
 * read the profile, append the event unless the (shopper, clientEventId) key exists, and
 * store the updated state. A product hidden since its card was shown: the swipe is still
 * recorded, then a 410 "product_unavailable" (recorded: true) tells the client to drop the
 * card; a deleted product: 404 with the same code and nothing stored.
 */
export async function recordFeedback(shopperId: string, input: FeedbackInput): Promise<FeedbackResult> {
  const catalog = await getCatalog();
  const product = catalog.byId.get(input.productId);
  // deleted (or never existed): nothing can be stored; the client keeps a like locally
  if (!product) throw productUnavailable(input.productId, false);
  const result = await inTransaction(async (tx) => {
    await lockShopper(tx, shopperId);
    const s = await getShopper(shopperId, tx);
    if (!s?.quiz || !s.state) throw conflict("Take the style quiz first: this shopper has no profile yet");
    const event = await insertEventIfNew(
      shopperId,
      { productId: product.id, action: input.action, clientEventId: input.clientEventId, score: input.score ?? null, components: input.components ?? null, position: input.position ?? null },
      tx,
    );
    if (!event) {
      // a retry of a stored swipe: nothing is written
      const existing = await findEvent(shopperId, input.clientEventId, tx);
      if (!existing || existing.productId !== input.productId || existing.action !== input.action) {
        throw conflict(`clientEventId ${input.clientEventId} was already used for another swipe`);
      }
      return { duplicate: true, eventId: existing.id, quiz: s.quiz, state: s.state };
    }
    const vector = catalog.vectors?.byId.get(product.id);
    const state = applyEvent(s.state, product, input.action, vector ? { vector, modelId: catalog.vectors!.modelId } : undefined);
    await updateProfile(shopperId, { state, eventCount: s.eventCount + 1 }, tx);
    return { duplicate: false, eventId: event.id, quiz: s.quiz, state };
  });
  const out = { duplicate: result.duplicate, eventId: result.eventId, learning: await summaryFor(shopperId, result.quiz, result.state, catalog) };
  // hidden since the card was shown: the swipe is kept (a like stays in the likes, marked
  // unavailable; the product never returns to a deck), and the client is told to drop the card
  if (product.hidden) throw productUnavailable(product.id, true, { ...out, recorded: true });
  return out;
}

export interface UndoResult {
  undone: { productId: number; action: FeedbackAction; clientEventId: string } | null;
  product: PublicProduct | null;
  learning: LearningSummary;
}

/** Undo the last swipe: the state is replayed from the log without it (exact). */
export async function undoLast(shopperId: string, input: UndoInput = {}): Promise<UndoResult> {
  const catalog = await getCatalog();
  const out = await inTransaction(async (tx) => {
    await lockShopper(tx, shopperId);
    const s = await getShopper(shopperId, tx);
    if (!s?.quiz || !s.state) throw conflict("Take the style quiz first: this shopper has no profile yet");
    if (input.clientEventId) {
      const target = await findEvent(shopperId, input.clientEventId, tx);
      if (!target) throw notFound(`No swipe with clientEventId ${input.clientEventId}`);
      if (target.undone) return { undone: null, quiz: s.quiz, state: s.state };
    }
    const events = await activeEvents(shopperId, tx);
    const last = events[events.length - 1];
    if (!last) return { undone: null, quiz: s.quiz, state: s.state };
    if (input.clientEventId && last.clientEventId !== input.clientEventId) throw conflict("Only the most recent swipe can be undone");
    await markUndone([last.id], tx);
    const state = replay(s.quiz, events.slice(0, -1), catalog);
    await saveProfile(shopperId, { state, eventCount: s.eventCount + 1 }, tx);
    return { undone: { productId: last.productId, action: last.action, clientEventId: last.clientEventId }, quiz: s.quiz, state };
  });
  const p = out.undone ? catalog.byId.get(out.undone.productId) : undefined;
  // a hidden product's card does not come back: product null tells the client to drop it
  return { undone: out.undone, product: p && !p.hidden ? publicProduct(p) : null, learning: await summaryFor(shopperId, out.quiz, out.state, catalog) };
}

export interface LikedItem {
  product: PublicProduct;
  action: "like" | "superlike";
  likedAt: string;
  /** false once the admin hid the product: shown as "no longer available", not buyable */
  available: boolean;
}

/** Liked and superliked products, newest first (one entry per product; hidden ones marked unavailable). */
export async function listLikes(shopperId: string): Promise<LikedItem[]> {
  const catalog = await getCatalog();
  const events = await activeEvents(shopperId);
  const latest = new Map<number, StoredEvent>();
  for (const e of events) latest.set(e.productId, e);
  return [...latest.values()]
    .filter((e) => e.action !== "pass")
    .sort((a, b) => b.id - a.id)
    .map((e) => ({ p: catalog.byId.get(e.productId), e }))
    .filter((x): x is { p: Product; e: StoredEvent } => Boolean(x.p))
    .map(({ p, e }) => ({ product: publicProduct(p), action: e.action as "like" | "superlike", likedAt: e.createdAt.toISOString(), available: !p.hidden }));
}

/** Remove a product from the likes: its like events are withdrawn and the state replayed. */
export async function removeLike(shopperId: string, productId: number): Promise<{ removed: boolean; learning: LearningSummary }> {
  const catalog = await getCatalog();
  const out = await inTransaction(async (tx) => {
    await lockShopper(tx, shopperId);
    const s = await getShopper(shopperId, tx);
    if (!s?.quiz || !s.state) throw conflict("Take the style quiz first: this shopper has no profile yet");
    const events = await activeEvents(shopperId, tx);
    const drop = events.filter((e) => e.productId === productId && e.action !== "pass").map((e) => e.id);
    if (drop.length === 0) return { removed: false, quiz: s.quiz, state: s.state };
    await markUndone(drop, tx);
    const state = replay(s.quiz, events.filter((e) => !drop.includes(e.id)), catalog);
    await saveProfile(shopperId, { state, eventCount: s.eventCount + 1 }, tx);
    return { removed: true, quiz: s.quiz, state };
  });
  return { removed: out.removed, learning: await summaryFor(shopperId, out.quiz, out.state, catalog) };
}

/** The shopper's quiz and what the profile has learned. */
export async function getProfile(shopperId: string): Promise<{ quiz: QuizAnswers | null; learning: LearningSummary | null }> {
  const s = await getShopper(shopperId);
  if (!s?.quiz || !s.state) return { quiz: s?.quiz ?? null, learning: null };
  const catalog = await getCatalog();
  return { quiz: s.quiz, learning: await summaryFor(shopperId, s.quiz, s.state, catalog) };
}

/** Recompute the state from the event log (consistency checks and tests). */
export async function stateFromLog(shopperId: string): Promise<PreferenceState | null> {
  const s = await getShopper(shopperId);
  if (!s?.quiz) return null;
  return replay(s.quiz, await activeEvents(shopperId), await getCatalog());
}

export { initialState };
