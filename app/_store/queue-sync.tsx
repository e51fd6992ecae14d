"use client";
// Sends queued swipes and undos to the server in order, one at a time. A failed request
// keeps its op at the head of the queue and retries with exponential backoff under the
// same clientEventId (the server is idempotent), so nothing is lost or counted twice.
// A swipe on a product hidden or deleted meanwhile (code "product_unavailable") is final:
// the card leaves the deck and a like the server could not keep is kept locally.
import { useEffect } from "react";
import { api, ApiError } from "./api-client";
import { useShopStoreApi } from "./store-provider";

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 15_000;

export function QueueSync() {
  const store = useShopStoreApi();
  useEffect(() => {
    let stopped = false;
    let running = false;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const pump = async () => {
      if (running || stopped || timer || !store.getState().hydrated) return;
      running = true;
      try {
        while (!stopped) {
          const op = store.getState().queue[0];
          if (!op) break;
          store.getState().setInFlight(op.id);
          try {
            if (op.kind === "feedback") {
              const res = await api.feedback({
                productId: op.productId,
                action: op.action,
                clientEventId: op.id,
                position: op.position,
                score: op.score,
                components: op.components,
              });
              store.getState().opDone(op.id, res.learning);
            } else {
              const res = await api.undo(op.target);
              store.getState().opDone(op.id, res.learning);
              // the undone card's product is no longer available: it does not come back
              if (res.undone && !res.product) store.getState().revalidate([res.undone.productId], []);
            }
          } catch (e) {
            const err = e instanceof ApiError ? e : new ApiError(String(e), 0);
            if (op.kind === "feedback" && err.code === "product_unavailable") {
              store.getState().opUnavailable(op.id, err.body?.recorded === true);
              continue;
            }
            if (!err.retryable) {
              store.getState().opDropped(op.id, err.message);
              continue;
            }
            store.getState().opFailed(op.id, err.message);
            const attempts = op.attempts + 1;
            const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempts - 1)) * (0.8 + Math.random() * 0.4);
            timer = setTimeout(() => {
              timer = null;
              void pump();
            }, delay);
            break;
          }
        }
      } finally {
        store.getState().setInFlight(null);
        running = false;
      }
    };

    // Start sending in a task of its own, never inside the swipe's frame.
    let soon: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = store.subscribe((s, prev) => {
      if (soon || !((s.queue !== prev.queue && s.queue.length > 0) || (s.hydrated && !prev.hydrated))) return;
      soon = setTimeout(() => {
        soon = null;
        void pump();
      }, 0);
    });
    const online = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      void pump();
    };
    window.addEventListener("online", online);
    void pump();
    return () => {
      stopped = true;
      unsubscribe();
      window.removeEventListener("online", online);
      if (timer) clearTimeout(timer);
      if (soon) clearTimeout(soon);
    };
  }, [store]);
  return null;
}
