// A zustand PersistStorage over localStorage that defers serialising and writing to an
// idle moment (requestIdleCallback, at most DELAY_MS later; so a swipe and the frames of its
// fly-out never pay for JSON.stringify of the deck), and flushes at once when the page is
// hidden or unloaded, so nothing persisted is lost.
import type { PersistStorage, StorageValue } from "zustand/middleware";

const DELAY_MS = 2000;

export function deferredLocalStorage<S>(): PersistStorage<S> | undefined {
  if (typeof window === "undefined") return undefined;
  const pending = new Map<string, StorageValue<S>>();
  let timer: (() => void) | null = null; // cancels the scheduled flush

  const schedule = (fn: () => void): (() => void) => {
    if (typeof requestIdleCallback === "function") {
      const id = requestIdleCallback(fn, { timeout: DELAY_MS });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(fn, 300);
    return () => clearTimeout(id);
  };
  const flush = () => {
    timer?.();
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
      if (!timer) timer = schedule(flush);
    },
    removeItem: (name) => {
      pending.delete(name);
      localStorage.removeItem(name);
    },
  };
}
