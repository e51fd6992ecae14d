// A zustand PersistStorage over localStorage that defers serialising and writing to an
// idle moment (so a swipe never pays for JSON.stringify of the deck), and flushes at
// once when the page is hidden or unloaded, so nothing persisted is lost.
import type { PersistStorage, StorageValue } from "zustand/middleware";

const DELAY_MS = 300;

export function deferredLocalStorage<S>(): PersistStorage<S> | undefined {
  if (typeof window === "undefined") return undefined;
  const pending = new Map<string, StorageValue<S>>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    for (const [name, value] of pending) {
      try {
        localStorage.setItem(name, JSON.stringify(value));
      } catch {
        // quota or privacy mode: keep the in-memory state
      }
    }
    pending.clear();
  };
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flush());

  return {
    getItem: (name) => {
      const p = pending.get(name);
      if (p) return p;
      const raw = localStorage.getItem(name);
      return raw ? (JSON.parse(raw) as StorageValue<S>) : null;
    },
    setItem: (name, value) => {
      pending.set(name, value);
      if (!timer) timer = setTimeout(flush, DELAY_MS);
    },
    removeItem: (name) => {
      pending.delete(name);
      localStorage.removeItem(name);
    },
  };
}
