// Empty / error / info boxes shared by the likes and search pages. Presentational.
export function StateBox({ title, children, tone = "neutral", testId, role }: { title: string; children?: React.ReactNode; tone?: "neutral" | "error"; testId?: string; role?: string }) {
  return (
    <div
      role={role}
      data-testid={testId}
      className={`mx-auto max-w-md rounded-3xl p-8 text-center ring-1 ${
        tone === "error" ? "bg-rose-50 ring-rose-200 dark:bg-rose-500/10 dark:ring-rose-500/30" : "bg-white ring-stone-200 dark:bg-stone-900 dark:ring-stone-800"
      }`}
    >
      <p className="text-lg font-bold">{title}</p>
      {children ? <div className="mt-2 text-sm text-stone-600 dark:text-stone-400">{children}</div> : null}
    </div>
  );
}

export function TileSkeletons({ count = 8 }: { count?: number }) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-busy="true" aria-label="Loading">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="overflow-hidden rounded-2xl bg-white ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
          <div className="aspect-[3/4] animate-pulse bg-stone-200 dark:bg-stone-800" />
          <div className="space-y-2 p-3">
            <div className="h-3 w-1/2 animate-pulse rounded bg-stone-200 dark:bg-stone-800" />
            <div className="h-3 w-4/5 animate-pulse rounded bg-stone-200 dark:bg-stone-800" />
          </div>
        </div>
      ))}
    </div>
  );
}
