// /search - text and photo search with likeable results. Server Component shell.
import type { Metadata } from "next";
import { SearchPanel } from "@/app/_components/search-panel";

export const metadata: Metadata = { title: "Search" };

export default function SearchPage() {
  return <SearchPanel />;
}
