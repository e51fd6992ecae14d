"use client";
// Provides one shop store per mounted provider (never shared across requests) and
// rehydrates it from localStorage after mount, so server and first client render agree.
import { createContext, useContext, useEffect, useState } from "react";
import { useStore } from "zustand";
import { createShopStore, type ShopStore, type ShopStoreApi } from "./shop-store";

const ShopStoreContext = createContext<ShopStoreApi | null>(null);

export function StoreProvider({ children }: { children: React.ReactNode }) {
  const [store] = useState(createShopStore);
  useEffect(() => {
    let cancelled = false;
    void Promise.resolve(store.persist.rehydrate()).finally(() => {
      if (!cancelled) store.setState({ hydrated: true });
    });
    return () => {
      cancelled = true;
    };
  }, [store]);
  return <ShopStoreContext.Provider value={store}>{children}</ShopStoreContext.Provider>;
}

export function useShopStoreApi(): ShopStoreApi {
  const store = useContext(ShopStoreContext);
  if (!store) throw new Error("useShop must be used inside <StoreProvider>");
  return store;
}

export function useShop<T>(selector: (s: ShopStore) => T): T {
  return useStore(useShopStoreApi(), selector);
}
