// The shopper's client state: quiz draft (answers + step), the prefetched deck buffer,
// swipe history for undo and the queue of feedback/undo requests not yet confirmed by the
// server, and likes the server could not keep (product deleted before the swipe arrived).
// A factory (createShopStore) — one store per provider, never a module-level store.
// Persisted to localStorage so a refresh resumes the quiz step, the deck and the queue.
import { createStore } from "zustand/vanilla";
import { persist } from "zustand/middleware";
import { deferredLocalStorage } from "./deferred-storage";
import { mergeSeeded } from "./server-seed";
import { EMPTY_QUIZ, type QuizAnswers } from "@/lib/recommender/types";
import type { Card, LearningSummary, LikedItem, PublicProduct } from "./api-client";

export type SwipeAction = "like" | "pass" | "superlike";

export type { QuizAnswers };

export const EMPTY_ANSWERS: QuizAnswers = EMPTY_QUIZ;

export interface FeedbackOp {
  kind: "feedback";
  id: string; // the clientEventId, identical on every retry
  productId: number;
  action: SwipeAction;
  /** deck position, score and components of the card; absent for a rating outside the deck (product page) */
  position?: number;
  score?: number;
  components?: Card["components"];
  attempts: number;
}

export interface UndoOp {
  kind: "undo";
  id: string;
  target: string; // clientEventId of the swipe being undone
  attempts: number;
}

export type PendingOp = FeedbackOp | UndoOp;

export interface SwipeRecord {
  card: Card;
  action: SwipeAction;
  clientEventId: string;
}

export interface ShopState {
  hydrated: boolean;
  /** the deck holds the server-rendered first batch (app/_store/server-seed.ts) */
  seeded: boolean;
  quizStep: number;
  answers: QuizAnswers;
  hasProfile: boolean;
  buffer: Card[];
  exhausted: boolean;
  history: SwipeRecord[];
  queue: PendingOp[];
  position: number;
  learning: LearningSummary | null;
  inFlightId: string | null;
  syncError: string | null;
  lastAction: { action: SwipeAction | "undo"; at: number } | null;
  /** likes on products deleted before the swipe reached the server: shown as "no longer available" */
  lostLikes: LikedItem[];
}

export interface ShopActions {
  setQuizStep: (step: number) => void;
  setAnswers: (patch: Partial<QuizAnswers>) => void;
  retakeQuiz: () => void;
  startDeck: (cards: Card[], learning: LearningSummary) => void;
  addCards: (cards: Card[], exhausted: boolean, learning: LearningSummary | null) => number;
  swipe: (action: SwipeAction, clientEventId: string) => SwipeRecord | null;
  /** Like, super like or pass a product outside the deck (its page): queued like a swipe, dropped from the buffer. */
  rate: (productId: number, action: SwipeAction, clientEventId: string) => void;
  undo: (undoId: string) => SwipeRecord | null;
  opDone: (id: string, learning: LearningSummary | null) => void;
  opFailed: (id: string, message: string) => void;
  opDropped: (id: string, message: string) => void;
  /** the server answered "product_unavailable": final; `recorded` when it still stored the swipe */
  opUnavailable: (id: string, recorded: boolean) => void;
  /** a refill's check of the buffer: drop `removed` ids, replace `updated` products in place */
  revalidate: (removed: number[], updated: { product: PublicProduct; rev: string }[]) => void;
  forgetLostLike: (productId: number) => void;
  setInFlight: (id: string | null) => void;
  setLearning: (learning: LearningSummary) => void;
  resetDeck: () => void;
}

export type ShopStore = ShopState & ShopActions;

const HISTORY_MAX = 20;
export const STORAGE_KEY = "stylenova-shop";

const initial: Omit<ShopState, "hydrated" | "seeded"> = {
  quizStep: 0,
  answers: EMPTY_ANSWERS,
  hasProfile: false,
  buffer: [],
  exhausted: false,
  history: [],
  queue: [],
  position: 0,
  learning: null,
  inFlightId: null,
  syncError: null,
  lastAction: null,
  lostLikes: [],
};

/** Ids the server must not send again right now: the buffer, recent swipes, unsent swipes. */
/** The ids the deck already has, in display order: recent swipes (sent or queued), then the buffer (the server continues its batch rules after them). */
export function knownIds(s: ShopState): number[] {
  const ids = new Set<number>();
  const push = (id: number) => {
    ids.delete(id); // the latest position wins (an undone card is back in the buffer: shown next)
    ids.add(id);
  };
  // queued swipes older than the kept history first, then the history, then the buffer
  for (const op of s.queue) if (op.kind === "feedback") push(op.productId);
  for (const h of s.history.slice(-10)) push(h.card.product.id);
  for (const c of s.buffer) push(c.product.id);
  return [...ids].slice(-100);
}

export function createShopStore() {
  // Nothing is written before the stored state has been read: an earlier write (the
  // server-rendered deck seeding the store, server-seed.ts) would mask what was stored.
  const local = deferredLocalStorage<Partial<ShopStore>>();
  let hydrated = (): boolean => false;
  const storage: typeof local = local && {
    ...local,
    setItem: (name, value): void => {
      if (hydrated()) void local.setItem(name, value);
    },
  };
  const store = createStore<ShopStore>()(
    persist(
      (set, get) => ({
        ...initial,
        hydrated: false,
        seeded: false,
        setQuizStep: (quizStep) => set({ quizStep }),
        setAnswers: (patch) => set((s) => ({ answers: { ...s.answers, ...patch } })),
        retakeQuiz: () => set({ quizStep: 0 }),
        startDeck: (cards, learning) =>
          set({ hasProfile: true, buffer: cards, exhausted: false, history: [], learning, quizStep: 0, position: 0 }),
        addCards: (cards, exhausted, learning) => {
          const s = get();
          const seen = new Set(knownIds(s));
          const fresh = cards.filter((c) => !seen.has(c.product.id));
          set({ buffer: [...s.buffer, ...fresh], exhausted, hasProfile: true, ...(learning ? { learning } : {}) });
          return fresh.length;
        },
        swipe: (action, clientEventId) => {
          const s = get();
          const card = s.buffer[0];
          if (!card) return null;
          const record: SwipeRecord = { card, action, clientEventId };
          const op: FeedbackOp = {
            kind: "feedback",
            id: clientEventId,
            productId: card.product.id,
            action,
            position: s.position,
            score: card.score,
            components: card.components,
            attempts: 0,
          };
          set({
            buffer: s.buffer.slice(1),
            history: [...s.history, record].slice(-HISTORY_MAX),
            queue: [...s.queue, op],
            position: s.position + 1,
            lastAction: { action, at: Date.now() },
          });
          return record;
        },
        rate: (productId, action, clientEventId) =>
          set((s) => ({
            buffer: s.buffer.filter((c) => c.product.id !== productId),
            queue: [...s.queue, { kind: "feedback", id: clientEventId, productId, action, attempts: 0 } satisfies FeedbackOp],
          })),
        undo: (undoId) => {
          const s = get();
          const record = s.history[s.history.length - 1];
          if (!record) return null;
          const queued = s.queue.findIndex((op) => op.kind === "feedback" && op.id === record.clientEventId);
          const canCancel = queued >= 0 && s.inFlightId !== record.clientEventId;
          const queue = canCancel
            ? s.queue.filter((_, i) => i !== queued)
            : [...s.queue, { kind: "undo", id: undoId, target: record.clientEventId, attempts: 0 } satisfies UndoOp];
          set({
            history: s.history.slice(0, -1),
            buffer: [record.card, ...s.buffer.filter((c) => c.product.id !== record.card.product.id)],
            queue,
            position: Math.max(0, s.position - 1),
            exhausted: false,
            lastAction: { action: "undo", at: Date.now() },
          });
          return record;
        },
        opDone: (id, learning) =>
          set((s) => ({ queue: s.queue.filter((op) => op.id !== id), syncError: null, ...(learning ? { learning } : {}) })),
        opFailed: (id, message) =>
          set((s) => ({ queue: s.queue.map((op) => (op.id === id ? { ...op, attempts: op.attempts + 1 } : op)), syncError: message })),
        opDropped: (id, message) => set((s) => ({ queue: s.queue.filter((op) => op.id !== id), syncError: message })),
        opUnavailable: (id, recorded) =>
          set((s) => {
            const op = s.queue.find((o) => o.id === id);
            const queue = s.queue.filter((o) => o.id !== id);
            if (op?.kind !== "feedback") return { queue };
            const record = s.history.find((h) => h.clientEventId === id);
            const lost: LikedItem[] =
              !recorded && record && op.action !== "pass"
                ? [{ product: record.card.product, action: op.action, likedAt: new Date().toISOString(), available: false }]
                : [];
            return {
              queue,
              buffer: s.buffer.filter((c) => c.product.id !== op.productId),
              // nothing was stored: there is no swipe to undo
              history: recorded ? s.history : s.history.filter((h) => h.clientEventId !== id),
              lostLikes: [...lost, ...s.lostLikes.filter((l) => !lost.some((x) => x.product.id === l.product.id))].slice(0, 50),
              syncError: null,
            };
          }),
        revalidate: (removed, updated) => {
          if (removed.length === 0 && updated.length === 0) return;
          const gone = new Set(removed);
          const fresh = new Map(updated.map((u) => [u.product.id, u]));
          set((s) => ({
            buffer: s.buffer
              .filter((c) => !gone.has(c.product.id))
              .map((c) => {
                const u = fresh.get(c.product.id);
                return u ? { ...c, product: u.product, rev: u.rev } : c;
              }),
          }));
        },
        forgetLostLike: (productId) => set((s) => ({ lostLikes: s.lostLikes.filter((l) => l.product.id !== productId) })),
        setInFlight: (inFlightId) => set({ inFlightId }),
        setLearning: (learning) => set({ learning }),
        resetDeck: () => set({ buffer: [], exhausted: false, history: [] }),
      }),
      {
        name: STORAGE_KEY,
        version: 1,
        storage,
        skipHydration: true,
        merge: mergeSeeded,
        partialize: (s) => ({
          quizStep: s.quizStep,
          answers: s.answers,
          hasProfile: s.hasProfile,
          buffer: s.buffer,
          exhausted: s.exhausted,
          history: s.history.slice(-10),
          queue: s.queue,
          position: s.position,
          learning: s.learning,
          lostLikes: s.lostLikes,
        }),
        onRehydrateStorage: () => (state) => {
          state?.setInFlight(null);
        },
      },
    ),
  );
  hydrated = () => store.getState().hydrated;
  return store;
}

export type ShopStoreApi = ReturnType<typeof createShopStore>;
