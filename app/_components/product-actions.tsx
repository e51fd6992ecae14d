"use client";
// Pass / super like / like on a product page. Recorded the way the deck records a swipe:
// the shop store queues the feedback under one clientEventId and QueueSync sends it in
// order, retrying after network errors (the server is idempotent), so a rating made
// offline is not lost. Must not import server modules.
import { useEffect, useState } from "react";
import { newEventId } from "@/app/_store/api-client";
import type { ShopStore, SwipeAction } from "@/app/_store/shop-store";
import { useShop, useShopStoreApi } from "@/app/_store/store-provider";
import { HeartIcon, StarIcon, XIcon } from "./icons";

interface Rating {
  action: SwipeAction;
  id: string;
  state: "saving" | "saved" | "error";
  message: string | null;
}

const BUTTONS = [
  { action: "pass", label: "Pass", Icon: XIcon, tone: "text-nope" },
  { action: "superlike", label: "Super like", Icon: StarIcon, tone: "text-super" },
  { action: "like", label: "Like", Icon: HeartIcon, tone: "text-like" },
] as const;

const SAVED: Record<SwipeAction, string> = {
  like: "Added to your likes.",
  superlike: "Super liked and added to your likes.",
  pass: "Passed. You will see fewer pieces like this.",
};

function statusText(r: Rating | null, syncError: string | null): string {
  if (!r) return "";
  if (r.state === "saved") return SAVED[r.action];
  if (r.state === "error") return `Could not save: ${r.message ?? "please try again"}`;
  return syncError ? `Saving… (${syncError})` : "Saving…";
}

export function ProductActions({ productId, name }: { productId: number; name: string }) {
  const store = useShopStoreApi();
  const hydrated = useShop((s) => s.hydrated);
  const syncError = useShop((s) => s.syncError);
  const [rating, setRating] = useState<Rating | null>(null);

  // the rating is saved once its op left the queue without an error (opDone clears syncError)
  useEffect(() => {
    if (!rating || rating.state !== "saving") return;
    const check = (s: ShopStore) => {
      if (s.queue.some((op) => op.id === rating.id)) return;
      setRating({ ...rating, state: s.syncError ? "error" : "saved", message: s.syncError });
    };
    check(store.getState());
    return store.subscribe(check);
  }, [rating, store]);

  const rate = (action: SwipeAction) => {
    const id = newEventId();
    store.getState().rate(productId, action, id);
    setRating({ action, id, state: "saving", message: null });
  };

  return (
    <div>
      <div className="flex items-center gap-3" role="group" aria-label={`Rate ${name}`} data-testid="product-actions">
        {BUTTONS.map(({ action, label, Icon, tone }) => {
          const chosen = rating?.action === action && rating.state !== "error";
          return (
            <button
              key={action}
              type="button"
              onClick={() => rate(action)}
              disabled={!hydrated || chosen}
              aria-pressed={chosen}
              className={`inline-flex items-center gap-2 rounded-full bg-white px-4 py-2.5 text-sm font-semibold shadow-sm ring-1 ring-stone-200 transition hover:ring-stone-400 disabled:cursor-default dark:bg-stone-900 dark:ring-stone-700 ${
                chosen ? "ring-2 ring-current" : ""
              } ${tone}`}
              data-testid={`product-${action}`}
            >
              <Icon size={18} strokeWidth={2.4} />
              <span className="text-stone-900 dark:text-stone-100">{label}</span>
            </button>
          );
        })}
      </div>
      <p role="status" className="mt-2 min-h-5 text-sm text-stone-600 dark:text-stone-400" data-testid="product-rating-status" data-state={rating?.state ?? "idle"}>
        {statusText(rating, syncError)}
      </p>
    </div>
  );
}
