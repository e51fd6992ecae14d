"use client";
// Admin sign-in form: posts the token, shows the API's message on failure (wrong token,
// too many attempts), and moves to the dashboard on success.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { adminFetch, jsonInit } from "./admin-fetch";
import { inputClass, labelClass, primaryButton } from "./ui";

export function LoginForm({ expired }: { expired: boolean }) {
  const router = useRouter();
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(expired ? "Your session expired: sign in again." : null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await adminFetch<{ ok: true }>("/api/admin/login", jsonInit("POST", { token }));
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    router.replace("/admin");
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-describedby={error ? "login-error" : undefined} noValidate>
      <div>
        <label htmlFor="admin-token" className={labelClass}>Admin token</label>
        <input
          id="admin-token"
          name="token"
          type="password"
          autoComplete="current-password"
          required
          value={token}
          onChange={(e) => setToken(e.target.value)}
          className={inputClass}
          aria-invalid={error ? true : undefined}
        />
      </div>
      {error ? (
        <p id="login-error" role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-950/60 dark:text-rose-300">
          {error}
        </p>
      ) : null}
      <button type="submit" className={`${primaryButton} w-full`} disabled={busy || token.length === 0}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
