// Integration: the learning panel's blend weights are the ones the deck was ranked
// with (the cards' own weights), at cold start, after swipes and after an undo, in pixel
// mode (no CLIP model): there the quiz has no text embedding, so a fresh profile has no
// visual signal and the deck is ranked on content alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db/client";
import { getEmbedder } from "@/lib/embedding";
import { seedBundledCatalog } from "@/lib/catalog/seed";
import { TASTE_SHARE } from "@/lib/recommender/config";
import { EMPTY_QUIZ, type QuizAnswers } from "@/lib/recommender/types";
import { getProfile, nextCards, recordFeedback, submitQuiz, undoLast } from "./deck";

const QUIZ: QuizAnswers = { ...EMPTY_QUIZ, colours: ["black", "navy"], styles: ["casual"] };

beforeAll(async () => {
  await seedBundledCatalog({ embedder: await getEmbedder(), count: 120 });
}, 180_000);

afterAll(async () => {
  await closeDb();
});

async function rankedWith(shopperId: string) {
  const next = await nextCards(shopperId, { limit: 10, exclude: [] });
  expect(next.cards.length).toBeGreaterThan(0);
  const weights = next.cards[0].weights;
  for (const c of next.cards) expect(c.weights).toEqual(weights);
  return { weights, next };
}

describe("learning panel weights", () => {
  it("at cold start in pixel mode: the cards were ranked on the taste model and content alone and the panel says so", async () => {
    const quiz = await submitQuiz("weights-cold", QUIZ);
    expect(quiz.cards[0].weights).toEqual({ taste: TASTE_SHARE, content: Math.round((1 - TASTE_SHARE) * 1000) / 1000, collaborative: 0, visual: 0 });
    expect(quiz.learning.weights).toEqual(quiz.cards[0].weights);
    const profile = await getProfile("weights-cold");
    expect(profile.learning?.weights).toEqual(quiz.cards[0].weights);
  });

  it("after likes, a pass and an undo: every answer's panel weights equal the next ranking's", async () => {
    const id = "weights-swipes";
    const first = await submitQuiz(id, QUIZ);
    const actions = ["like", "like", "pass", "like"] as const;
    for (const [i, action] of actions.entries()) {
      const r = await recordFeedback(id, { productId: first.cards[i].product.id, action, clientEventId: `w-${i}` });
      const { weights } = await rankedWith(id);
      expect(r.learning.weights).toEqual(weights);
    }
    // liked images give a visual profile: the visual signal is now blended in
    expect((await rankedWith(id)).weights.visual).toBeGreaterThan(0);
    expect((await getProfile(id)).learning?.weights).toEqual((await rankedWith(id)).weights);
    const undo = await undoLast(id);
    expect(undo.undone?.action).toBe("like");
    expect(undo.learning.weights).toEqual((await rankedWith(id)).weights);
  });
});
