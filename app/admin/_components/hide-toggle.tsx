"use client";
// Hide / unhide one product (PATCH {hidden}); the server bumps the catalog version so the
// deck drops or restores it at once. Refreshes the page's server data afterwards.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { adminFetch, jsonInit } from "./admin-fetch";

export function HideToggle({ id, name, hidden }: { id: number; name: string; hidden: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end">
      <button
        type="button"
        disabled={busy}
        aria-label={`${hidden ? "Unhide" : "Hide"} ${name}`}
        data-testid="hide-toggle"
        onClick={async () => {
          setBusy(true);
          setError(null);
          const r = await adminFetch(`/api/admin/products/${id}`, jsonInit("PATCH", { hidden: !hidden }));
          setBusy(false);
          if (!r.ok) setError(r.error);
          else router.refresh();
        }}
        className={`rounded-md px-2.5 py-1 text-xs font-medium ring-1 ring-inset transition disabled:opacity-50 ${
          hidden
            ? "bg-emerald-50 text-emerald-700 ring-emerald-200 hover:bg-emerald-100 dark:bg-emerald-950/50 dark:text-emerald-300 dark:ring-emerald-900"
            : "bg-white text-stone-700 ring-stone-300 hover:bg-stone-50 dark:bg-stone-900 dark:text-stone-300 dark:ring-stone-700 dark:hover:bg-stone-800"
        }`}
      >
        {busy ? "…" : hidden ? "Unhide" : "Hide"}
      </button>
      {error ? <span role="alert" className="mt-1 text-xs text-rose-600">{error}</span> : null}
    </span>
  );
}
