"use client";
// The swipe deck: a stack of prefetched cards (top one draggable), buttons and keys
// (←  pass, → like, ↑ super like, Z / Backspace undo), the detail sheet and the learning
// panel. Swipes commit to the store at once (the next card is already rendered) and
// are sent by the queue; the fly-out is a compositor animation, skipped for reduced motion.
// A returning shopper's first cards come from the server (`initial`, rendered into the
// HTML); the drag code and the detail sheet load after the first view.
import Link from "next/link";
import { lazy, startTransition, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { newEventId, OFFLINE_MESSAGE, type Card } from "@/app/_store/api-client";
import { writeDeckCookie } from "@/app/_store/deck-cookie";
import { seedDeck, type InitialDeck } from "@/app/_store/server-seed";
import type { ShopState, SwipeAction } from "@/app/_store/shop-store";
import { useShop, useShopStoreApi } from "@/app/_store/store-provider";
import { useDeckRefill } from "@/app/_store/use-deck-refill";
import { DeckControls } from "./deck-controls";
import type { SheetItem } from "./detail-sheet";
import { loadCardDrag, useCardDrag } from "./drag-loader";
import { RefreshIcon, SparklesIcon } from "./icons";
import type { LearningWaiting } from "./learning-panel";
import { FlyOut, type Leaving } from "./fly-out";
import { SwipeCard, type ReleasePose } from "./swipe-card";
import { useDeckWarmup, usePrefersReducedMotion } from "./deck-warmup";

const VISIBLE = 2;
// opened by a tap: its code loads on the first open, never with the page (React.lazy, not
// next/dynamic: it is never server-rendered, and next/dynamic's runtime costs 3 KB)
const DetailSheet = lazy(() => import("./detail-sheet").then((m) => ({ default: m.DetailSheet })));
// beside the deck on desktops, below it on phones: its code follows the first view (a
// panel-sized block holds its place), keeping /deck's first-load JavaScript in budget
const LearningPanel = lazy(() => import("./learning-panel").then((m) => ({ default: m.LearningPanel })));

export function SwipeDeck({ initial = null }: { initial?: InitialDeck | null }) {
  const store = useShopStoreApi();
  const hydrated = useShop((s) => s.hydrated);
  // Everything the deck shows renders in a transition (interruptible, time-sliced), so a
  // swipe never blocks the main thread with one long task; the store updates at once.
  // The server's first batch seeds a store that has not read localStorage yet, so the
  // server HTML and the hydrating render show the same cards.
  const [view, setView] = useState(() => {
    if (initial) seedDeck(store, initial);
    return deckView(store.getState());
  });
  useEffect(() => {
    const sync = () => {
      const next = deckView(store.getState());
      startTransition(() => setView((v) => (sameView(v, next) ? v : next)));
    };
    sync();
    return store.subscribe(sync);
  }, [store]);
  const { buffer, learning, exhausted, canUndo, pending, syncError, seeded } = view;
  const reduce = usePrefersReducedMotion();
  const { status, error, retry } = useDeckRefill();
  const [sheet, setSheet] = useState<SheetItem | null>(null);
  const [sheetUsed, setSheetUsed] = useState(false);
  const dragReady = useCardDrag() !== null;
  const [leaving, setLeaving] = useState<Leaving[]>([]);
  const [announce, setAnnounce] = useState("");
  const sheetOpen = useRef(false);
  useEffect(() => {
    sheetOpen.current = sheet !== null;
  }, [sheet]);

  const swipe = useCallback(
    (action: SwipeAction, from: ReleasePose = { x: 0, y: 0, rotate: 0 }) => {
      const rec = store.getState().swipe(action, newEventId());
      if (!rec) return;
      const verb = action === "like" ? "Liked" : action === "superlike" ? "Super liked" : "Passed";
      startTransition(() => {
        if (!reduce) setLeaving((l) => [...l.slice(-2), { key: rec.clientEventId, card: rec.card, action, from }]);
        setAnnounce(`${verb} ${rec.card.product.name}.`);
      });
    },
    [store, reduce],
  );
  const flownOut = useCallback((key: string) => setLeaving((l) => l.filter((x) => x.key !== key)), []);
  const undo = useCallback(() => {
    const rec = store.getState().undo(newEventId());
    if (rec) startTransition(() => setAnnounce(`Undid ${rec.card.product.name}.`));
  }, [store]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (sheetOpen.current || e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      const key = e.key;
      if (key === "ArrowLeft") swipe("pass");
      else if (key === "ArrowRight") swipe("like");
      else if (key === "ArrowUp") swipe("superlike");
      else if (key === "z" || key === "Z" || key === "Backspace") undo();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [swipe, undo]);

  // after the top card's image: the next cards' images (low priority), then the drag code;
  // the ids the deck holds go to the deck cookie (the server renders them on the next visit)
  useDeckWarmup(buffer, VISIBLE);
  useEffect(() => void loadCardDrag().catch(() => undefined), []);
  useEffect(() => {
    if (hydrated) writeDeckCookie(buffer.map((c) => c.product.id));
  }, [buffer, hydrated]);

  const openSheet = useCallback((c: Card) => {
    setSheetUsed(true);
    setSheet({ product: c.product, card: c });
  }, []);
  const closeSheet = useCallback(() => setSheet(null), []);
  const sheetSwipe = useCallback(
    (a: SwipeAction) => {
      setSheet(null);
      swipe(a);
    },
    [swipe],
  );

  const top = buffer[0];
  const ready = (hydrated || seeded) && top !== undefined;
  return (
    <>
        <div className="grid gap-8 pt-3 md:pt-6 lg:grid-cols-[minmax(0,1fr)_340px] lg:items-start">
          {/* phones: the deck fills the first screen, so the taste panel starts below the tab bar */}
          <section aria-label="Swipe deck" className="flex flex-col items-center max-md:min-h-[calc(100dvh-10rem-env(safe-area-inset-bottom))]">
            <div
              className="relative aspect-[3/4] w-[min(100%,calc((100dvh-272px)*0.75))] [contain:layout_style] max-w-[440px] md:w-[min(100%,calc((100dvh-230px)*0.75))]"
              data-testid="deck"
              data-buffer={buffer.length}
              data-pending={pending}
              data-ready={ready ? "true" : "false"}
              data-drag={dragReady ? "ready" : "loading"}
            >
              {ready ? (
                <>
                  {buffer
                    .slice(0, VISIBLE)
                    .map((card, depth) => <SwipeCard key={card.product.id} card={card} depth={depth} reduce={reduce} onSwipe={swipe} onOpen={openSheet} />)
                    .reverse()}
                </>
              ) : (
                <DeckPlaceholder hydrated={hydrated} status={status} error={error} exhausted={exhausted} retry={retry} saved={pending > 0} />
              )}
              {leaving.map((l) => (
                <FlyOut key={l.key} leaving={l} onDone={flownOut} />
              ))}
            </div>
            <div className="mt-5 pb-4">
              <DeckControls disabled={!ready} canUndo={canUndo} onSwipe={swipe} onUndo={undo} />
            </div>
            <p className="sr-only" aria-live="polite" data-testid="deck-announce">
              {announce} {top ? `Now showing ${top.product.brand} ${top.product.name}.` : ""}
            </p>
            {/* one outage line, floating near the bottom edge (above the phone tab bar), unless the empty deck already says it */}
            {syncError && pending > 0 && (ready || status !== "error") ? (
              <p role="status" className="fixed inset-x-4 bottom-[calc(4.75rem+env(safe-area-inset-bottom))] z-30 mx-auto max-w-sm rounded-2xl bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-900 shadow-lg md:bottom-6 dark:bg-amber-950 dark:text-amber-200" data-testid="sync-status">
                {outageLine(syncError, true)}
              </p>
            ) : null}
          </section>
          <aside className="pb-6 [contain:layout_style_paint] lg:sticky lg:top-20">
            <Suspense fallback={<div aria-hidden="true" className="h-72 rounded-3xl bg-white/60 ring-1 ring-stone-200 dark:bg-stone-900/60 dark:ring-stone-800" />}>
              <LearningPanel learning={learning} waiting={waitingFor(status)} />
            </Suspense>
          </aside>
        </div>
        {sheetUsed ? (
          <Suspense fallback={null}>
            <DetailSheet item={sheet} onClose={closeSheet} onSwipe={sheetSwipe} />
          </Suspense>
        ) : null}
    </>
  );
}

interface DeckView {
  buffer: ShopState["buffer"];
  learning: ShopState["learning"];
  exhausted: boolean;
  canUndo: boolean;
  pending: number;
  syncError: string | null;
  seeded: boolean;
}

function deckView(s: ShopState): DeckView {
  return { buffer: s.buffer, learning: s.learning, exhausted: s.exhausted, canUndo: s.history.length > 0, pending: s.queue.length, syncError: s.syncError, seeded: s.seeded };
}

function sameView(a: DeckView, b: DeckView): boolean {
  return a.buffer === b.buffer && a.learning === b.learning && a.exhausted === b.exhausted && a.canUndo === b.canUndo && a.pending === b.pending && a.syncError === b.syncError && a.seeded === b.seeded;
}

/** One calm line for an outage (server unreachable or 5xx), or for a browser that is offline. */
function outageLine(error: string | null, saved: boolean): string {
  const offline = error === OFFLINE_MESSAGE;
  const head = offline ? "You're offline." : "We can't reach StyleNova right now.";
  if (!saved) return `${head} We'll keep trying.`;
  return `${head} Your swipes are saved and will sync when ${offline ? "you're back online" : "we're back"}.`;
}

function DeckPlaceholder({ hydrated, status, error, exhausted, retry, saved }: { hydrated: boolean; status: string; error: string | null; exhausted: boolean; retry: () => void; saved: boolean }) {
  const box = "absolute inset-0 flex flex-col items-center justify-center rounded-[28px] p-8 text-center";
  if (!hydrated || status === "loading" || (status === "idle" && !exhausted)) {
    return (
      <div className={`${box} animate-pulse bg-stone-200 dark:bg-stone-800`} aria-busy="true" data-testid="deck-loading">
        <span className="sr-only">Loading your deck…</span>
      </div>
    );
  }
  const card = `${box} bg-white shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800`;
  const button = "mt-5 inline-flex items-center gap-2 rounded-full bg-brand-600 px-6 py-3 text-sm font-bold text-white shadow-lg shadow-brand-600/25 hover:bg-brand-700";
  if (status === "no-profile") {
    return (
      <div className={card} data-testid="deck-no-profile">
        <SparklesIcon size={40} className="text-brand-500" />
        <h2 className="mt-3 text-xl font-bold">Let&apos;s get to know you</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Take the one-minute style quiz and your personal deck is ready.</p>
        <Link href="/quiz" className={button}>Take the quiz</Link>
      </div>
    );
  }
  if (status === "error") {
    return (
      <div className={card} role="alert" data-testid="deck-error">
        <h2 className="text-xl font-bold">Your deck will be right back</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">{outageLine(error, saved)}</p>
        <button type="button" onClick={retry} className={button}><RefreshIcon size={16} /> Try again</button>
      </div>
    );
  }
  return (
    <div className={card} data-testid="deck-exhausted">
      <SparklesIcon size={40} className="text-brand-500" />
      <h2 className="mt-3 text-xl font-bold">You&apos;ve seen it all</h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">That&apos;s every piece that fits your quiz right now. Widen your answers or revisit your likes.</p>
      <div className="flex gap-2">
        <Link href="/quiz" className={button}>Retake quiz</Link>
        <Link href="/likes" className="mt-5 inline-flex items-center rounded-full px-6 py-3 text-sm font-bold ring-1 ring-stone-300 dark:ring-stone-700">Your likes</Link>
      </div>
    </div>
  );
}

function waitingFor(status: string): LearningWaiting {
  return status === "no-profile" ? "no-profile" : status === "error" ? "unreachable" : "loading";
}
