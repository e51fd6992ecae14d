// /deck - the swipe deck with the learning panel. Server Component shell.
import type { Metadata } from "next";
import { SwipeDeck } from "@/app/_components/swipe-deck";

export const metadata: Metadata = { title: "Discover" };

export default function DeckPage() {
  return (
    <>
      <h1 className="sr-only">Discover</h1>
      <SwipeDeck />
    </>
  );
}
