// /likes - everything the shopper liked, with remove. Server Component shell.
import type { Metadata } from "next";
import { LikesGrid } from "@/app/_components/likes-grid";

export const metadata: Metadata = { title: "Likes" };

export default function LikesPage() {
  return <LikesGrid />;
}
