// A simulated shopper's view of the real, database-backed feed: the same lib/feed calls
// the API route handlers make (quiz, next cards, feedback), for the evaluation CLI. The
// collaborative model is whatever this process serves (lib/feed/collab): the simulation
// trains and swaps it in between sessions as the background trainer would.
// Server-only.
import "server-only";
import { randomUUID } from "node:crypto";
import type { SimFeed } from "@/lib/recommender/simulate";
import type { Product } from "@/lib/recommender/types";
import { getCatalog } from "./catalog";
import { nextCards, recordFeedback, submitQuiz } from "./deck";

/** One shopper session through lib/feed. Cards served but not swiped are excluded. */
export function createDbFeed(shopperId: string): SimFeed {
  const pending: number[] = [];
  let position = 0;
  return {
    async start(quiz) {
      await submitQuiz(shopperId, quiz, { limit: 1 });
    },
    async next(limit) {
      const catalog = await getCatalog();
      const { cards } = await nextCards(shopperId, { limit, exclude: pending });
      const out: Array<{ product: Product }> = [];
      for (const c of cards) {
        const product = catalog.byId.get(c.product.id);
        if (!product) continue;
        pending.push(product.id);
        out.push({ product });
      }
      return out;
    },
    async feedback(productId, action) {
      await recordFeedback(shopperId, { productId, action, clientEventId: randomUUID().replace(/-/g, ""), position: position++ });
      const i = pending.indexOf(productId);
      if (i >= 0) pending.splice(i, 1);
    },
  };
}
