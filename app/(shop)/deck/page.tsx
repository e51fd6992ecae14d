// /deck - the swipe deck with the learning panel. Server Component shell: for a returning
// shopper (signed shopper cookie and a profile) the first cards are ranked here, the way
// GET /api/cards ranks them, and rendered into the HTML; a new shopper gets the client
// deck (quiz first). Per shopper, so always dynamic (cookies()).
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { SwipeDeck } from "@/app/_components/swipe-deck";
import { DECK_COOKIE, parseHeldIds } from "@/app/_store/deck-cookie";
import type { InitialDeck } from "@/app/_store/server-seed";
import { SHOPPER_COOKIE, shopperIdFromCookie } from "@/lib/auth/shopper";
import { firstCards } from "@/lib/feed/first-cards";

export const metadata: Metadata = { title: "Discover" };

/** The first batch for the shopper of this request, or null (no profile, or it failed: the client fetches). */
async function initialDeck(): Promise<InitialDeck | null> {
  const jar = await cookies();
  try {
    const shopperId = await shopperIdFromCookie(jar.get(SHOPPER_COOKIE)?.value);
    return shopperId ? await firstCards(shopperId, parseHeldIds(jar.get(DECK_COOKIE)?.value)) : null;
  } catch {
    return null;
  }
}

export default async function DeckPage() {
  return (
    <>
      <h1 className="sr-only">Discover</h1>
      <SwipeDeck initial={await initialDeck()} />
    </>
  );
}
