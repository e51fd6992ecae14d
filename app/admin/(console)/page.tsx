// /admin - performance dashboard: does the deck learn (like-rate by swipe index), swipes per
// shopper, catalog coverage, most liked / passed items and brands, blend stages and the
// embedding mode, all computed from the database. Server Component; charts are client leaves.
import type { Metadata } from "next";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { loadDashboard, type BrandRow, type ItemRow } from "@/lib/admin/stats";
import { num, pct } from "@/lib/admin/format";
import { LikeRateChart, StagesChart, SwipesChart } from "../_components/charts";
import { DisabledPanel } from "../_components/disabled-panel";
import { Badge, Card, Empty, PageHeader, secondaryButton, Stat, TableShell, td, th, Thumb } from "../_components/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard" };

// narrower cells and plain-case headers so the six-column stage table fits its card, down
// to a 375 px phone (the shoppers per stage are in the chart above it, so that column waits for sm)
const tight = "px-2 normal-case tracking-normal max-sm:px-1.5";

function ItemTable({ rows, caption, testId }: { rows: ItemRow[]; caption: string; testId: string }) {
  if (rows.length === 0) return <Empty>No feedback yet.</Empty>;
  return (
    <TableShell caption={caption} bare fixed>
      <thead className="border-b border-stone-200 dark:border-stone-800">
        <tr>
          <th scope="col" className={th}>Item</th>
          <th scope="col" className={`${th} w-16 text-right`}>Likes</th>
          <th scope="col" className={`${th} w-16 text-right`}>Passes</th>
          <th scope="col" className={`${th} w-20 text-right`}>Like-rate</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-stone-100 dark:divide-stone-800" data-testid={testId}>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className={td}>
              <a href={`/admin/catalog/${r.id}`} className="flex min-w-0 items-center gap-3 hover:underline">
                <Thumb src={r.imageUrl} alt="" size={32} />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{r.name}</span>
                  <span className="block truncate text-xs text-stone-500 dark:text-stone-400">
                    {r.brand || "No brand"} · {r.externalId} {r.hidden ? <Badge tone="amber">hidden</Badge> : null}
                  </span>
                </span>
              </a>
            </td>
            <td className={`${td} text-right tabular-nums`}>
              {num(r.likes + r.superlikes)}
              {r.superlikes ? <span className="ml-1 text-xs text-sky-700 dark:text-sky-300" title="superlikes">({r.superlikes}★)</span> : null}
            </td>
            <td className={`${td} text-right tabular-nums`}>{num(r.passes)}</td>
            <td className={`${td} text-right tabular-nums`}>{pct(r.likeRate)}</td>
          </tr>
        ))}
      </tbody>
    </TableShell>
  );
}

function BrandTable({ rows, caption }: { rows: BrandRow[]; caption: string }) {
  if (rows.length === 0) return <Empty>No feedback yet.</Empty>;
  const max = Math.max(...rows.map((r) => r.events));
  return (
    <TableShell caption={caption} bare fixed>
      <thead className="border-b border-stone-200 dark:border-stone-800">
        <tr>
          <th scope="col" className={th}>Brand</th>
          <th scope="col" className={`${th} w-16 text-right`}>Likes</th>
          <th scope="col" className={`${th} w-16 text-right`}>Passes</th>
          <th scope="col" className={`${th} w-40`}>Like-rate</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
        {rows.map((r) => (
          <tr key={r.brand}>
            <td className={`${td} truncate font-medium`}>{r.brand}</td>
            <td className={`${td} text-right tabular-nums`}>{num(r.likes + r.superlikes)}</td>
            <td className={`${td} text-right tabular-nums`}>{num(r.passes)}</td>
            <td className={td}>
              <div className="flex items-center gap-2">
                <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-stone-100 dark:bg-stone-800" title={`${r.events} swipes`}>
                  <div className="h-full rounded-full bg-brand-500" style={{ width: `${Math.round((r.likeRate ?? 0) * 100)}%`, opacity: 0.4 + 0.6 * (r.events / max) }} />
                </div>
                <span className="w-10 text-right text-xs tabular-nums">{pct(r.likeRate)}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </TableShell>
  );
}

export default async function AdminDashboardPage() {
  if ((await requireAdminPage()) === "disabled") return <DisabledPanel />;
  const d = await loadDashboard();
  const t = d.totals;
  const first = d.likeRateByIndex[0]?.likeRate ?? null;
  const later = d.likeRateByIndex.slice(1).filter((b) => b.events > 0);
  const laterRate = later.length ? later.reduce((s, b) => s + b.positives, 0) / later.reduce((s, b) => s + b.events, 0) : null;
  const learning = first !== null && laterRate !== null ? laterRate - first : null;

  return (
    <>
      <PageHeader
        title="Performance"
        description="How shoppers respond to the deck, computed live from the feedback log (undone swipes excluded)."
        actions={
          <>
            <a className={secondaryButton} href="/api/admin/export" download>Export likes (CSV)</a>
            <a className={secondaryButton} href="/api/admin/export?include=all" download>Export all swipes</a>
          </>
        }
      />

      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Stat label="Shoppers" value={num(t.activeShoppers)} raw={t.activeShoppers} testId="stat-active-shoppers" hint={<><span data-testid="stat-shoppers" data-value={t.shoppers}>{num(t.shoppers)}</span> took the quiz</>} />
        <Stat label="Swipes" value={num(t.events)} raw={t.events} testId="stat-events" hint={<><span data-testid="stat-undone" data-value={t.undone}>{num(t.undone)}</span> undone, not counted</>} />
        <Stat label="Likes" value={num(t.likes + t.superlikes)} raw={t.likes + t.superlikes} testId="stat-positives" hint={<><span data-testid="stat-superlikes" data-value={t.superlikes}>{num(t.superlikes)}</span> superlikes · <span data-testid="stat-passes" data-value={t.passes}>{num(t.passes)}</span> passes</>} />
        <Stat label="Like-rate" value={pct(t.likeRate, 1)} raw={t.likeRate} testId="stat-like-rate" hint="likes + superlikes / swipes" />
        <Stat label="Coverage" value={pct(d.coverage.share, 1)} raw={d.coverage.share} testId="stat-coverage" hint={<><span data-testid="stat-rated-visible" data-value={d.coverage.ratedVisible}>{num(d.coverage.ratedVisible)}</span> of {num(d.coverage.visible)} visible rated</>} />
        <Stat label="Median swipes" value={num(d.medianSwipes)} raw={d.medianSwipes} testId="stat-median-swipes" hint="per shopper who swiped" />
      </div>

      <div className="mt-6 grid grid-cols-1 gap-6 xl:grid-cols-5">
        <Card
          id="learn"
          title="Does the deck learn?"
          className="xl:col-span-3"
          subtitle={
            <>
              Like-rate by swipe index across all sessions.{" "}
              {learning !== null ? (
                <span className={learning >= 0 ? "text-emerald-600 dark:text-emerald-400" : "text-rose-600 dark:text-rose-400"}>
                  After the first 5 swipes the like-rate is {learning >= 0 ? "up" : "down"} {Math.abs(Math.round(learning * 100))} points.
                </span>
              ) : (
                "Not enough swipes past the first five yet."
              )}
              {d.unknownPosition ? ` ${d.unknownPosition} swipes without a position are left out.` : ""}
            </>
          }
        >
          <LikeRateChart data={d.likeRateByIndex} />
        </Card>
        <Card id="swipes" title="Swipes per shopper" className="xl:col-span-2" subtitle="Shoppers by number of (non-undone) swipes; 0 = took the quiz only.">
          <SwipesChart data={d.swipesPerSession} />
        </Card>
      </div>

      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card id="stages" title="Blend stages" subtitle="Shoppers by feedback count n, and the weights the hybrid ranker gives each signal at that stage.">
          <StagesChart data={d.stages} />
          <div className="-mx-2 mt-3 overflow-x-auto" role="region" aria-label="Blend weights per stage" tabIndex={0}>
          <table className="w-full text-sm">
            <caption className="sr-only">Blend weights per stage</caption>
            <thead>
              <tr className="border-b border-stone-200 dark:border-stone-800">
                <th scope="col" className={`${th} ${tight}`}>Stage</th>
                <th scope="col" className={`${th} ${tight} text-right max-sm:hidden`}>Shoppers</th>
                <th scope="col" className={`${th} ${tight} text-right`}>Taste</th>
                <th scope="col" className={`${th} ${tight} text-right`}>Content</th>
                <th scope="col" className={`${th} ${tight} text-right`}>Collab.</th>
                <th scope="col" className={`${th} ${tight} text-right`}>Visual</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 dark:divide-stone-800" data-testid="stage-table">
              {d.stages.map((s) => (
                <tr key={s.label} data-testid="stage-row" data-shoppers={s.shoppers}>
                  <td className={`${td} ${tight} whitespace-nowrap font-medium`}>{s.label}</td>
                  <td className={`${td} ${tight} text-right tabular-nums max-sm:hidden`}>{num(s.shoppers)}</td>
                  <td className={`${td} ${tight} text-right tabular-nums`}>{s.weights.taste.toFixed(2)}</td>
                  <td className={`${td} ${tight} text-right tabular-nums`}>{s.weights.content.toFixed(2)}</td>
                  <td className={`${td} ${tight} text-right tabular-nums`}>{s.weights.collaborative.toFixed(2)}</td>
                  <td className={`${td} ${tight} text-right tabular-nums`}>{s.weights.visual.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </Card>
        <Card id="embedding" title="Embeddings" subtitle="The visual signal's model, and how much of the visible catalog it covers.">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={d.embedding.mode === "clip" ? "green" : "amber"}>{d.embedding.mode === "clip" ? "CLIP" : "Fallback descriptor"}</Badge>
            <code className="break-all rounded bg-stone-100 px-1.5 py-0.5 text-xs dark:bg-stone-800" data-testid="embedding-model">{d.embedding.modelId}</code>
            <span className="text-xs text-stone-500 dark:text-stone-400">{d.embedding.dim} dims</span>
          </div>
          {d.embedding.reason ? <p className="mt-2 line-clamp-2 break-all text-xs text-stone-500 dark:text-stone-400" title={d.embedding.reason}>{d.embedding.reason}</p> : null}
          <dl className="mt-5 grid grid-cols-3 gap-3 text-center">
            {[
              ["Embedded", d.embedding.embeddedVisible, "stat-embedded"],
              ["Missing", d.embedding.missingVisible, "stat-embedding-missing"],
              ["Visible products", d.embedding.visible, "stat-visible"],
            ].map(([label, value, id]) => (
              <div key={String(id)} className="rounded-lg bg-stone-50 p-3 dark:bg-stone-800/60">
                <dt className="text-xs text-stone-500 dark:text-stone-400">{label}</dt>
                <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={String(id)} data-value={value}>{num(Number(value))}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-4 h-2 overflow-hidden rounded-full bg-stone-100 dark:bg-stone-800" role="meter" aria-label="Share of visible products embedded" aria-valuemin={0} aria-valuemax={d.embedding.visible} aria-valuenow={d.embedding.embeddedVisible}>
            <div className="h-full rounded-full bg-emerald-500" style={{ width: `${d.embedding.visible ? (d.embedding.embeddedVisible / d.embedding.visible) * 100 : 0}%` }} />
          </div>
          {d.embedding.byModel.length > 1 ? (
            <ul className="mt-4 space-y-1 text-xs text-stone-500 dark:text-stone-400">
              {d.embedding.byModel.map((m) => (
                <li key={m.modelId}><code>{m.modelId}</code>: {num(m.count)} vectors</li>
              ))}
            </ul>
          ) : null}
        </Card>
      </div>

      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card id="top-liked" title="Most liked items"><ItemTable rows={d.topLiked} caption="Most liked items" testId="top-liked" /></Card>
        <Card id="top-passed" title="Most passed items"><ItemTable rows={d.topPassed} caption="Most passed items" testId="top-passed" /></Card>
        <Card id="brands-liked" title="Most liked brands"><BrandTable rows={d.brandsLiked} caption="Most liked brands" /></Card>
        <Card id="brands-passed" title="Most passed brands"><BrandTable rows={d.brandsPassed} caption="Most passed brands" /></Card>
      </div>
    </>
  );
}
