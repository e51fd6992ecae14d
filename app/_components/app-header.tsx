// The shop header: logo, desktop navigation, theme switch and menu. Server Component
// composing client leaves.
import Link from "next/link";
import { AppMenu } from "./app-menu";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";

export function Logo({ className = "" }: { className?: string }) {
  return (
    <Link href="/" className={`inline-flex h-11 items-center text-xl font-extrabold tracking-tight ${className}`}>
      Style<span className="text-brand-700 dark:text-brand-400">Nova</span>
    </Link>
  );
}

export function AppHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-stone-200/70 bg-stone-50/95 dark:border-stone-800/70 dark:bg-stone-950/95">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4">
        <Logo />
        <NavLinks variant="top" />
        <div className="flex items-center gap-1">
          <ThemeToggle />
          <AppMenu />
        </div>
      </div>
    </header>
  );
}
