// Deck helpers that keep the next cards ready without competing with the first one: the
// images of the cards beyond the visible stack are fetched with low priority once the top
// card's image has loaded (and again for the new cards of every refill), once per image;
// and the reduced-motion preference as a hydration-safe hook (false on the server).
import { useEffect, useRef, useSyncExternalStore } from "react";
import type { Card } from "@/app/_store/api-client";
import { IMAGE_SIZES, warmProductImage } from "./product-image";

const REDUCE_QUERY = "(prefers-reduced-motion: reduce)";

/** Calls `fn` once the top card's image has loaded (or failed), or at once when there is none. */
function afterTopImage(fn: () => void): () => void {
  const img = document.querySelector<HTMLImageElement>('[data-testid="swipe-card"] img');
  if (!img || img.complete) {
    fn();
    return () => undefined;
  }
  const done = () => {
    img.removeEventListener("load", done);
    img.removeEventListener("error", done);
    fn();
  };
  img.addEventListener("load", done);
  img.addEventListener("error", done);
  return () => {
    img.removeEventListener("load", done);
    img.removeEventListener("error", done);
  };
}

/** Fetch the images of buffer[visible..] at low priority after the top card's image. */
export function useDeckWarmup(buffer: readonly Card[], visible: number): void {
  const warmed = useRef(new Set<string>());
  useEffect(() => {
    const urls = buffer
      .slice(visible)
      .map((c) => c.product.imageUrl)
      .filter((u): u is string => Boolean(u) && !warmed.current.has(u!));
    if (urls.length === 0) return;
    return afterTopImage(() => {
      for (const u of urls) {
        if (warmed.current.has(u)) continue;
        warmed.current.add(u);
        // the same resized picture the card will ask for (next/image srcset), not the master
        warmProductImage(u, IMAGE_SIZES.deck);
      }
    });
  }, [buffer, visible]);
}

function subscribeReduce(onChange: () => void): () => void {
  const mq = matchMedia(REDUCE_QUERY);
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}

/** Whether the shopper prefers reduced motion (false on the server and while hydrating). */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReduce,
    () => matchMedia(REDUCE_QUERY).matches,
    () => false,
  );
}
