// The deck's first batch rendered by the server (app/(shop)/deck/page.tsx): seeds a store
// that has not read localStorage yet, so the server HTML and the first client render show
// the same cards (no skeleton, no hydration mismatch); then, when the persisted state is
// read, keeps the server's cards (minus any the browser swiped but has not sent yet) and
// the rest of what was persisted (queue, history, quiz draft).
// Client and server safe: imports types only.
import type { Card, LearningSummary } from "./api-client";
import type { ShopStore, ShopStoreApi } from "./shop-store";

export interface InitialDeck {
  cards: Card[];
  exhausted: boolean;
  learning: LearningSummary;
}

/** Put the server's first batch into a store that has not been rehydrated (idempotent). */
export function seedDeck(store: ShopStoreApi, initial: InitialDeck): void {
  const s = store.getState();
  if (s.hydrated || s.seeded) return;
  store.setState({ buffer: initial.cards, exhausted: initial.exhausted, learning: initial.learning, hasProfile: true, seeded: true });
}

/** zustand persist `merge`: persisted state over the current one, the server's deck winning when seeded. */
export function mergeSeeded(persisted: unknown, current: ShopStore): ShopStore {
  const p = (persisted ?? {}) as Partial<ShopStore>;
  if (!current.seeded) return { ...current, ...p };
  const swiped = new Set<number>();
  for (const op of p.queue ?? []) if (op.kind === "feedback") swiped.add(op.productId);
  for (const h of p.history ?? []) swiped.add(h.card.product.id);
  const buffer = current.buffer.filter((c) => !swiped.has(c.product.id));
  return { ...current, ...p, buffer: buffer.length === current.buffer.length ? current.buffer : buffer, exhausted: current.exhausted, learning: current.learning, hasProfile: true };
}
