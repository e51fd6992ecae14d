// Shared fixtures for the recommender tests (not a test file itself).
// Pure: must not import anything outside lib/recommender.
import { buildContentIndex, type ContentIndex } from "./content";
import { collabScoresFor, trainFromRatings, type CollabModel } from "./collab-model";
import { ratingsFromState, type CollabUser } from "./collaborative";
import { createRng } from "./random";
import type { RecommendInput } from "./rank";
import { createRandomFeed, othersFromSessions, simulate } from "./simulate";
import { generateSyntheticCatalog, type SyntheticCatalog } from "./synthetic";
import { EMPTY_QUIZ, type QuizAnswers } from "./types";

export { EMPTY_QUIZ };

export function quiz(partial: Partial<QuizAnswers>): QuizAnswers {
  return { ...EMPTY_QUIZ, ...partial };
}

let cached: { catalog: SyntheticCatalog; index: ContentIndex; others: CollabUser<number>[]; model: CollabModel } | null = null;

/** 600-item synthetic catalog, its content index, 80 prior random-feed shoppers and the served collaborative model trained on them. */
export async function fixture() {
  if (cached) return cached;
  const catalog = generateSyntheticCatalog({ size: 600, seed: 11 });
  const index = buildContentIndex(catalog.products);
  const sessions = await simulate(catalog.products, (i) => createRandomFeed(catalog.products, createRng(500 + i)), createRng(3), 80);
  const others = othersFromSessions(sessions);
  cached = { catalog, index, others, model: trainFromRatings(others, { rng: createRng(4) }) };
  return cached;
}

export function baseInput(f: Awaited<ReturnType<typeof fixture>>, over: Partial<RecommendInput>): RecommendInput {
  return {
    products: f.catalog.products,
    quiz: EMPTY_QUIZ,
    state: over.state!,
    contentIndex: f.index,
    vectors: f.catalog.vectors,
    quizTextVector: null,
    collabScores: over.state ? collabScoresFor(f.model, ratingsFromState(over.state)) : null,
    limit: 20,
    excludeIds: [],
    rng: createRng(1),
    now: 0,
    ...over,
  };
}
