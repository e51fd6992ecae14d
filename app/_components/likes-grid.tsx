"use client";
// The likes page body: GET /api/likes as a grid, remove with DELETE /api/likes/{id}
// (optimistic, restored on failure). Loading, empty and error states. Products no longer
// available (hidden by the store, or likes kept locally for deleted ones) are listed with
// a "No longer available" badge and no way to buy; removing a local one forgets it.
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { api, type LikedItem } from "@/app/_store/api-client";
import { useShop, useShopStoreApi } from "@/app/_store/store-provider";
import { HeartIcon, TrashIcon } from "./icons";
import { ProductCard, roundAction } from "./product-card";
import { StateBox, TileSkeletons } from "./state-box";

export function LikesGrid() {
  const store = useShopStoreApi();
  const [serverItems, setItems] = useState<LikedItem[] | null>(null);
  const lostLikes = useShop((s) => s.lostLikes);
  const items = serverItems && [...serverItems, ...lostLikes.filter((l) => !serverItems.some((i) => i.product.id === l.product.id))];
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    api.likes().then(
      (r) => {
        setError(null);
        setItems(r.items);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(load, [load]);

  const remove = async (item: LikedItem) => {
    if (lostLikes.some((l) => l.product.id === item.product.id)) {
      store.getState().forgetLostLike(item.product.id);
      setNotice(`Removed ${item.product.name} from your likes.`);
      return;
    }
    setItems((list) => list?.filter((i) => i.product.id !== item.product.id) ?? null);
    try {
      const r = await api.removeLike(item.product.id);
      store.getState().setLearning(r.learning);
      setNotice(`Removed ${item.product.name} from your likes.`);
    } catch (e) {
      setItems((list) => (list ? [item, ...list] : [item]));
      setNotice(e instanceof Error ? `Could not remove: ${e.message}` : "Could not remove the item.");
    }
  };

  return (
    <div className="pt-6">
      <div className="mb-5 flex items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Your likes</h1>
          <p className="mt-1 text-stone-600 dark:text-stone-400">
            {items ? `${items.length} piece${items.length === 1 ? "" : "s"} you loved` : "Everything you liked and super liked"}
          </p>
        </div>
      </div>
      <p className="sr-only" aria-live="polite">{notice}</p>
      {error ? (
        <StateBox title="We couldn't load your likes" tone="error" role="alert" testId="likes-error">
          <p>{error}</p>
          <button type="button" onClick={load} className="mt-4 inline-flex h-11 items-center rounded-full bg-stone-900 px-5 font-semibold text-white dark:bg-white dark:text-stone-900">Try again</button>
        </StateBox>
      ) : items === null ? (
        <TileSkeletons />
      ) : items.length === 0 ? (
        <StateBox title="No likes yet" testId="likes-empty">
          <HeartIcon size={36} className="mx-auto mb-2 text-brand-500" />
          <p>Swipe right on pieces you love and they will wait for you here.</p>
          <Link href="/deck" className="mt-4 inline-flex h-11 items-center rounded-full bg-brand-600 px-5 font-semibold text-white">Start swiping</Link>
        </StateBox>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="likes-grid">
          {items.map((item) => (
            <li key={item.product.id}>
              <ProductCard
                product={item.product}
                testId="liked-item"
                badge={item.action === "superlike" ? "Super" : undefined}
                unavailable={item.available === false}
                action={
                  <button type="button" className={roundAction} onClick={() => void remove(item)} aria-label={`Remove ${item.product.name} from likes`} data-testid="remove-like">
                    <TrashIcon size={18} />
                  </button>
                }
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
