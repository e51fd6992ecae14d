// The first cards of a deck page rendered on the server (app/(shop)/deck/page.tsx): the
// cards the shopper's browser still holds (ids from its deck cookie, re-scored from the
// current profile so a refresh resumes at the same card), then the next cards ranked the
// way GET /api/cards ranks them. null when the shopper has no profile yet (quiz first).
// Server-only; reaches lib/db only through lib/feed/deck.
import "server-only";
import { createRng, hashSeed } from "@/lib/recommender/random";
import { recommend } from "@/lib/recommender/rank";
import { toCard, type Card } from "./cards";
import { getCatalog } from "./catalog";
import { collabScoresForState } from "./collab";
import { nextCards, quizTextVector, rankerInput, requireProfile, type NextCards } from "./deck";
import { FeedError } from "./errors";

/** How many cards the page hands the client (the client's refill target). */
export const FIRST_CARDS = 8;
/** The most held ids re-scored (the client sends at most this many). */
const HELD_MAX = 12;

/** The held products still eligible for this shopper, re-scored, in the order the client held them. */
async function heldCards(shopperId: string, given: readonly number[]): Promise<Card[]> {
  const held = given.slice(0, HELD_MAX);
  if (held.length === 0) return [];
  const profile = await requireProfile(shopperId);
  const catalog = await getCatalog();
  const only = new Set(held);
  const collab = collabScoresForState(profile.state);
  const recs = recommend({
    ...rankerInput(profile, catalog, await quizTextVector(profile.quiz, catalog)),
    // only the held products are candidates (collab scores of others would add candidates)
    collabScores: collab ? new Map([...collab].filter(([id]) => only.has(id))) : null,
    limit: held.length,
    candidateIds: only,
    rng: createRng(hashSeed(`${shopperId}|${profile.eventCount}|held`)),
    now: Date.now(),
  });
  const byId = new Map(recs.filter((r) => only.has(r.product.id)).map((r) => [r.product.id, toCard(r)]));
  return held.map((id) => byId.get(id)).filter((c): c is Card => c !== undefined);
}

/**
 * The deck's first batch for a shopper: the still-valid held cards first, topped up to
 * FIRST_CARDS with nextCards (excluding the held ids, as the client's refill would).
 */
export async function firstCards(shopperId: string, held: readonly number[] = []): Promise<NextCards | null> {
  try {
    const kept = await heldCards(shopperId, held);
    const next = await nextCards(shopperId, { limit: Math.max(1, FIRST_CARDS - kept.length), exclude: [...held] });
    // the kept cards are rendered from current data, so nothing held needs updating
    return { cards: [...kept, ...next.cards].slice(0, Math.max(FIRST_CARDS, kept.length)), exhausted: next.exhausted, learning: next.learning, removed: next.removed, updated: [] };
  } catch (e) {
    if (e instanceof FeedError && e.status === 409) return null; // no profile yet: the quiz comes first
    throw e;
  }
}
