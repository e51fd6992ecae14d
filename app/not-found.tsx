// The shop's 404 page (any unknown URL, and notFound() from a page): the brand header, a
// short friendly note and ways back into the shop. Next serves it with status 404.
// Server Component; must not import server-only modules (it renders without data).
import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "./_components/app-header";
import { CardsIcon, GridIcon, SearchIcon } from "./_components/icons";
import { ThemeToggle } from "./_components/theme-toggle";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

const WAYS = [
  { href: "/deck", label: "Back to your deck", Icon: CardsIcon, primary: true },
  { href: "/search", label: "Search the shop", Icon: SearchIcon, primary: false },
  { href: "/catalog", label: "Browse the catalog", Icon: GridIcon, primary: false },
] as const;

export default function NotFound() {
  return (
    <div className="relative min-h-full overflow-hidden">
      <div aria-hidden="true" className="pointer-events-none absolute -left-40 -top-40 h-[28rem] w-[28rem] rounded-full bg-brand-300/30 blur-3xl dark:bg-brand-700/20" />
      <header className="relative mx-auto flex h-16 max-w-6xl items-center justify-between px-4">
        <Logo />
        <ThemeToggle />
      </header>
      <main id="main" className="relative mx-auto flex max-w-xl flex-col items-center px-4 pb-16 pt-10 text-center md:pt-20" data-testid="not-found">
        <p className="bg-gradient-to-r from-brand-600 to-orange-600 bg-clip-text text-7xl font-extrabold tracking-tight text-transparent">404</p>
        <h1 className="mt-4 text-3xl font-bold tracking-tight">This page slipped off the rack</h1>
        <p className="mt-3 text-stone-600 dark:text-stone-300">
          The link may be old, or the piece is no longer in the shop. Your likes and your deck are right where you left them.
        </p>
        <nav aria-label="Ways back" className="mt-8 flex w-full flex-col gap-3 sm:w-auto sm:flex-row">
          {WAYS.map(({ href, label, Icon, primary }) => (
            <Link
              key={href}
              href={href}
              className={`inline-flex min-h-12 items-center justify-center gap-2 rounded-full px-6 text-base font-semibold transition ${
                primary
                  ? "bg-brand-600 text-white shadow-lg shadow-brand-600/25 hover:bg-brand-700"
                  : "bg-white text-stone-800 ring-1 ring-stone-300 hover:bg-stone-50 dark:bg-stone-900 dark:text-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800"
              }`}
            >
              <Icon size={18} /> {label}
            </Link>
          ))}
        </nav>
        <Link href="/" className="mt-6 inline-flex min-h-11 items-center px-2 text-sm font-medium text-stone-600 underline underline-offset-4 hover:text-stone-900 dark:text-stone-300 dark:hover:text-white">
          StyleNova home
        </Link>
      </main>
    </div>
  );
}
