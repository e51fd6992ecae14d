// /admin/login - sign in with the admin token (or the "admin is disabled" explanation).
// Server Component; the form is a client leaf.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { adminPageState } from "@/lib/admin/page-guard";
import { DisabledPanel } from "../_components/disabled-panel";
import { LoginForm } from "../_components/login-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin sign in", robots: { index: false, follow: false } };

export default async function AdminLoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const state = await adminPageState();
  if (state.state === "disabled") return <DisabledPanel />;
  if (state.state === "signed-in") redirect("/admin");
  const expired = state.expired || (await searchParams).expired === "1";
  return (
    <main className="flex min-h-screen items-center justify-center bg-stone-100 p-6 dark:bg-stone-950">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-2xl font-bold tracking-tight">
            Style<span className="text-brand-700 dark:text-brand-400">Nova</span>
          </p>
          <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">Store admin</p>
        </div>
        <section aria-labelledby="login-title" className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm dark:border-stone-800 dark:bg-stone-900">
          <h1 id="login-title" className="mb-1 text-lg font-semibold">Sign in</h1>
          <p className="mb-5 text-sm text-stone-500 dark:text-stone-400">Enter the admin token configured on the server (ADMIN_TOKEN).</p>
          <LoginForm expired={expired} />
        </section>
      </div>
    </main>
  );
}
