"use client";
// Primary navigation: a top link row on desktop and a bottom tab bar on phones. The tab
// bar steps aside during the quiz, whose own action footer takes the bottom edge; it is
// opaque, so content scrolling beneath it (the taste panel) never ghosts through.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { CardsIcon, HeartIcon, SearchIcon, SparklesIcon } from "./icons";

const LINKS = [
  { href: "/deck", label: "Discover", Icon: CardsIcon },
  { href: "/search", label: "Search", Icon: SearchIcon },
  { href: "/likes", label: "Likes", Icon: HeartIcon },
  { href: "/quiz", label: "Quiz", Icon: SparklesIcon },
] as const;

export function NavLinks({ variant }: { variant: "top" | "bottom" }) {
  const pathname = usePathname();
  if (variant === "top") {
    return (
      <nav aria-label="Main" className="hidden items-center gap-1 md:flex">
        {LINKS.map(({ href, label }) => {
          const active = pathname.startsWith(href);
          return (
            <Link
              key={href}
              href={href}
              aria-current={active ? "page" : undefined}
              className={`rounded-full px-4 py-2 text-sm font-medium transition ${
                active ? "bg-stone-900 text-white dark:bg-white dark:text-stone-900" : "text-stone-600 hover:bg-stone-200/70 dark:text-stone-300 dark:hover:bg-stone-800"
              }`}
            >
              {label}
            </Link>
          );
        })}
      </nav>
    );
  }
  if (pathname.startsWith("/quiz")) return null;
  return (
    <nav
      aria-label="Main"
      className="fixed inset-x-0 bottom-0 z-30 border-t border-stone-200/80 bg-white pb-[env(safe-area-inset-bottom)] md:hidden dark:border-stone-800 dark:bg-stone-950"
    >
      <ul className="mx-auto grid h-16 max-w-md grid-cols-4">
        {LINKS.map(({ href, label, Icon }) => {
          const active = pathname.startsWith(href);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`flex h-full flex-col items-center justify-center gap-0.5 text-[11px] font-medium ${
                  active ? "text-brand-700 dark:text-brand-400" : "text-stone-500 dark:text-stone-400"
                }`}
              >
                <Icon size={22} strokeWidth={active ? 2.4 : 1.8} />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
