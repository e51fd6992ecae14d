// A simulated shopper's view of the real, database-backed feed: the same lib/feed calls
// the API route handlers make (quiz, next cards, feedback), for the evaluation CLI. The
// collaborative model is whatever this process serves (lib/feed/collab): the simulation
// trains and swaps it in between sessions as the background trainer would.
// Server-only.
import "server-only";
import { randomUUID } from "node:crypto";
import type { SimFeed } from "@/lib/recommender/simulate";
import type { Product } from "@/lib/recommender/types";
import type { Card } from "./cards";
import { getCatalog } from "./catalog";
import { nextCards, recordFeedback, submitQuiz } from "./deck";

/** Panel vs ranking: after each swipe, do the weights the panel shows equal the weights of the next cards? */
export interface PanelAgreement {
  checked: number;
  equal: number;
}

/**
 * One shopper session through lib/feed. `next` sends what the simulated client holds (its
 * recent swipes and buffer, in display order) as the web client does; cards carry their
 * reason and weights. `agreement` counts, per request after a swipe, whether the learning
 * panel of that swipe's response showed the weights the next ranking used.
 */
export function createDbFeed(shopperId: string, agreement?: PanelAgreement): SimFeed {
  const pending: number[] = [];
  let position = 0;
  let panel: string | null = null;
  return {
    async start(quiz) {
      await submitQuiz(shopperId, quiz, { limit: 1 });
    },
    async next(limit, context) {
      const catalog = await getCatalog();
      const { cards } = await nextCards(shopperId, { limit, exclude: context ? [...context] : pending });
      if (agreement && panel !== null && cards.length > 0) {
        agreement.checked++;
        if (JSON.stringify(cards[0].weights) === panel) agreement.equal++;
      }
      const out: Array<{ product: Product } & Pick<Card, "reason" | "weights" | "explanation" | "source">> = [];
      for (const c of cards) {
        const product = catalog.byId.get(c.product.id);
        if (!product) continue;
        pending.push(product.id);
        out.push({ product, reason: c.reason, weights: c.weights, explanation: c.explanation, source: c.source });
      }
      return out;
    },
    async feedback(productId, action) {
      const r = await recordFeedback(shopperId, { productId, action, clientEventId: randomUUID().replace(/-/g, ""), position: position++ });
      panel = JSON.stringify(r.learning.weights);
      const i = pending.indexOf(productId);
      if (i >= 0) pending.splice(i, 1);
    },
  };
}
