"use client";
// Keeps the deck buffer topped up in the background: when fewer than KEEP cards remain,
// GET /api/cards with the ids already known (buffer, recent and unsent swipes) excluded.
// Every refill re-validates the buffer: hidden/deleted cards leave it, edited ones are
// replaced in place (the answer's `removed` and `updated`).
// Driven by a store subscription (no React render per swipe). Reports errors (retried
// with backoff), a missing profile (409: take the quiz first) and exhaustion.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError } from "./api-client";
import { knownIds } from "./shop-store";
import { useShopStoreApi } from "./store-provider";

export const KEEP = 5;
const TARGET = 8;

export type RefillStatus = "idle" | "error" | "no-profile";

export function useDeckRefill(): { status: RefillStatus; error: string | null; retry: () => void } {
  const store = useShopStoreApi();
  const [status, setStatus] = useState<RefillStatus>("idle");
  const [error, setError] = useState<string | null>(null);
  const kick = useRef<() => void>(() => undefined);

  useEffect(() => {
    let inFlight = false;
    let stopped = false;
    let blocked = false; // no profile: wait for an explicit retry
    let timer: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    const later = (ms: number) => {
      timer = setTimeout(() => {
        timer = null;
        check();
      }, ms);
    };
    const check = () => {
      const s = store.getState();
      if (stopped || inFlight || timer || blocked || !s.hydrated || s.buffer.length >= KEEP || s.exhausted) return;
      inFlight = true;
      api
        .cards(TARGET - s.buffer.length, knownIds(s), s.buffer)
        .then((res) => {
          failures = 0;
          store.getState().revalidate(res.removed ?? [], res.updated ?? []);
          const added = store.getState().addCards(res.cards, res.exhausted, res.learning);
          setStatus("idle");
          setError(null);
          if (added === 0 && !res.exhausted) later(1500);
        })
        .catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 409) {
            blocked = true;
            setStatus("no-profile");
            return;
          }
          failures += 1;
          setError(e instanceof Error ? e.message : "Could not load more cards");
          setStatus("error");
          later(Math.min(15_000, 800 * 2 ** failures));
        })
        .finally(() => {
          inFlight = false;
          check();
        });
    };
    kick.current = () => {
      blocked = false;
      if (timer) clearTimeout(timer);
      timer = null;
      check();
    };
    check();
    // Refill in a task of its own, never inside the swipe's frame.
    let soon: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = store.subscribe(() => {
      if (soon) return;
      soon = setTimeout(() => {
        soon = null;
        check();
      }, 0);
    });
    return () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      if (soon) clearTimeout(soon);
    };
  }, [store]);

  const retry = useCallback(() => {
    setStatus("idle");
    kick.current();
  }, []);
  return { status, error, retry };
}
