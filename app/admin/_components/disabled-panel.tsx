// The page shown when ADMIN_TOKEN is not configured: what is off and how to turn it on.
// Server Component.
export function DisabledPanel() {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <section aria-labelledby="disabled-title" className="w-full max-w-lg rounded-2xl border border-stone-200 bg-white p-8 shadow-sm dark:border-stone-800 dark:bg-stone-900" data-testid="admin-disabled">
        <p className="text-xs font-semibold uppercase tracking-wider text-brand-700 dark:text-brand-400">StyleNova admin</p>
        <h1 id="disabled-title" className="mt-2 text-2xl font-semibold tracking-tight">Store admin is disabled</h1>
        <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
          No admin token is configured on this server, so the catalog tools, imports and the performance dashboard are switched off and every
          <code className="mx-1 rounded bg-stone-100 px-1 py-0.5 text-xs dark:bg-stone-800">/api/admin</code>route answers 503.
        </p>
        <h2 className="mt-6 text-sm font-semibold">To enable it</h2>
        <ol className="mt-2 list-decimal space-y-2 pl-5 text-sm text-stone-700 dark:text-stone-300">
          <li>
            Set <code className="rounded bg-stone-100 px-1 py-0.5 text-xs dark:bg-stone-800">ADMIN_TOKEN</code> to a secret of at least 8 characters, e.g.
            <pre className="mt-2 overflow-x-auto rounded-lg bg-stone-950 p-3 text-xs text-stone-100">ADMIN_TOKEN=&quot;$(openssl rand -hex 24)&quot; npm start</pre>
          </li>
          <li>Optionally set <code className="rounded bg-stone-100 px-1 py-0.5 text-xs dark:bg-stone-800">SESSION_SECRET</code> (16+ characters) to sign admin sessions with a server-side secret.</li>
          <li>Restart the server, then sign in at <a className="font-medium text-brand-700 underline dark:text-brand-400" href="/admin/login">/admin/login</a> with the token.</li>
        </ol>
      </section>
    </main>
  );
}
