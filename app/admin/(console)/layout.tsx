// Admin shell: sidebar navigation (top bar on narrow screens), theme toggle and sign-out
// around the signed-in admin pages. Pages check the session themselves; without one this
// renders the page alone (which redirects or explains). Server Component.
import type { Metadata } from "next";
import Link from "next/link";
import { ThemeToggle } from "@/app/_components/theme-toggle";
import { adminPageState } from "@/lib/admin/page-guard";
import { LogoutButton } from "../_components/logout-button";
import { SidebarNav } from "../_components/sidebar-nav";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · StyleNova admin" }, robots: { index: false, follow: false } };

export default async function AdminConsoleLayout({ children }: { children: React.ReactNode }) {
  const state = await adminPageState();
  if (state.state !== "signed-in") return <>{children}</>;
  return (
    <div className="min-h-screen bg-stone-100/70 lg:flex dark:bg-stone-950">
      <aside className="border-b border-stone-200 bg-stone-50 lg:sticky lg:top-0 lg:flex lg:h-screen lg:w-60 lg:shrink-0 lg:flex-col lg:border-r lg:border-b-0 dark:border-stone-800 dark:bg-stone-900/60">
        <div className="flex items-center justify-between gap-3 px-4 py-3 lg:block lg:px-5 lg:py-5">
          <Link href="/admin" className="block">
            <span className="text-lg font-bold tracking-tight">
              Style<span className="text-brand-700 dark:text-brand-400">Nova</span>
            </span>
            <span className="ml-2 rounded bg-stone-900 px-1.5 py-0.5 align-middle text-[10px] font-semibold uppercase tracking-wider text-white dark:bg-stone-100 dark:text-stone-900">Admin</span>
          </Link>
          <div className="flex items-center gap-1 lg:hidden">
            <ThemeToggle />
            <LogoutButton />
          </div>
        </div>
        <nav aria-label="Admin" className="overflow-x-auto px-3 pb-3 lg:flex-1 lg:pb-0">
          <SidebarNav />
        </nav>
        <div className="hidden items-center justify-between border-t border-stone-200 px-3 py-3 lg:flex dark:border-stone-800">
          <LogoutButton />
          <ThemeToggle />
        </div>
        <div className="hidden px-5 pb-4 text-xs text-stone-600 lg:block dark:text-stone-400">
          <Link href="/" className="hover:underline">← Back to the shop</Link>
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-8 lg:py-8">
        <div className="mx-auto max-w-7xl">{children}</div>
      </main>
    </div>
  );
}
