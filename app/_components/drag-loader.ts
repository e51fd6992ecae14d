// Loads the deck card's drag surface (card-drag.tsx, all of framer-motion) on demand: the
// deck asks for it once the first view is up (idle) or on the first touch of a card, so
// the first-load JavaScript of /deck carries no animation library. useCardDrag() is null
// on the server and during hydration (same HTML), then the loaded component.
import { useSyncExternalStore } from "react";
import type { CardDrag } from "./card-drag";

let loaded: typeof CardDrag | null = null;
let loading: Promise<typeof CardDrag> | null = null;
const listeners = new Set<() => void>();

/** Start loading the drag surface (idempotent); resolves with the component. */
export function loadCardDrag(): Promise<typeof CardDrag> {
  loading ??= import("./card-drag").then(
    (mod) => {
      loaded = mod.CardDrag;
      for (const l of listeners) l();
      return mod.CardDrag;
    },
    (e: unknown) => {
      loading = null; // a failed chunk load is retried on the next request
      throw e;
    },
  );
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The drag surface once loaded, else null (always null on the server and while hydrating). */
export function useCardDrag(): typeof CardDrag | null {
  return useSyncExternalStore(
    subscribe,
    () => loaded,
    () => null,
  );
}
