// The deck cookie (sn_deck = "12.7.31"): the product ids the browser's deck holds, in
// display order, so the server can render the same first card on the next page load
// (app/(shop)/deck/page.tsx -> lib/feed/first-cards). Written by the deck when idle; read
// by the server page. Not sensitive: ids only; the server re-validates every one.
// Shared by server and client code: imports nothing.

export const DECK_COOKIE = "sn_deck";
/** The most ids the cookie carries (the client's refill target plus a margin). */
export const HELD_MAX = 12;
const MAX_AGE_S = 30 * 24 * 3600;

/** The held ids of a deck cookie value: positive integers, deduplicated, at most HELD_MAX. */
export function parseHeldIds(value: string | undefined): number[] {
  if (!value) return [];
  const ids = new Set<number>();
  for (const part of value.split(".")) {
    if (!/^\d{1,9}$/.test(part)) continue;
    const id = Number(part);
    if (id > 0) ids.add(id);
    if (ids.size >= HELD_MAX) break;
  }
  return [...ids];
}

/** Store the ids the deck holds (browser only; a no-op when unchanged). */
export function writeDeckCookie(ids: readonly number[]): void {
  if (typeof document === "undefined") return;
  const value = ids.slice(0, HELD_MAX).join(".");
  if (parseHeldIds(readDeckCookie()).join(".") === value) return;
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${DECK_COOKIE}=${value}; Path=/; Max-Age=${value ? MAX_AGE_S : 0}; SameSite=Lax${secure}`;
}

function readDeckCookie(): string | undefined {
  for (const part of document.cookie.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === DECK_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}
