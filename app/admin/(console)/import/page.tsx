// /admin/import - upload a catalog CSV (+ ZIP of images) through the same importer as the
// CLI, watch it run, and download row error reports of past runs. Server Component.
import type { Metadata } from "next";
import { activeJob, jobView, recentJobs } from "@/lib/admin/import-jobs";
import { num } from "@/lib/admin/format";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { recentImportRuns } from "@/lib/db/admin-stats";
import { STYLENOVA_COLUMNS } from "@/lib/catalog/rows";
import { DisabledPanel } from "../../_components/disabled-panel";
import { ImportForm } from "../../_components/import-form";
import { Badge, Card, Empty, PageHeader, TableShell, td, th } from "../../_components/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import" };

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

export default async function AdminImportPage() {
  if ((await requireAdminPage()) === "disabled") return <DisabledPanel />;
  const current = activeJob() ?? recentJobs()[0] ?? null;
  const [runs, view] = await Promise.all([recentImportRuns(15), current ? jobView(current) : Promise.resolve(null)]);
  return (
    <>
      <PageHeader title="Import products" description="Rows are validated one by one: good rows land (new ids are created, known ids updated) and bad rows are reported with their line number." />
      <div className="grid items-start gap-6 xl:grid-cols-3">
        <Card id="upload" title="Upload" className="xl:col-span-2">
          <ImportForm initialJob={view} />
        </Card>
        <Card id="formats" title="Accepted layouts">
          <div className="space-y-3 text-sm text-stone-600 dark:text-stone-400">
            <p>
              <strong className="text-stone-900 dark:text-stone-100">StyleNova CSV</strong>, header:
            </p>
            <code className="block break-words rounded-lg bg-stone-100 p-2 text-xs dark:bg-stone-800">{STYLENOVA_COLUMNS.join(",")}</code>
            <p>Lists (colours, styles, sizes) are separated with <code>|</code>; <code>image</code> names a file in the ZIP.</p>
            <p>
              <strong className="text-stone-900 dark:text-stone-100">styles.csv</strong> (Fashion Product Images): images are <code>&lt;id&gt;.jpg</code> in the ZIP.
            </p>
            <p>The ZIP may hold .jpg, .jpeg, .png and .webp files (at most 20,000); other files are ignored. Folders inside the ZIP do not matter.</p>
          </div>
        </Card>
      </div>
      <h2 className="mb-3 mt-8 text-sm font-semibold">Recent imports</h2>
      {runs.length === 0 ? (
        <Empty>No imports yet.</Empty>
      ) : (
        <TableShell caption="Recent imports">
          <thead className="border-b border-stone-200 dark:border-stone-800">
            <tr>
              <th scope="col" className={th}>Run</th>
              <th scope="col" className={th}>Source</th>
              <th scope="col" className={th}>Status</th>
              <th scope="col" className={`${th} text-right`}>Rows</th>
              <th scope="col" className={`${th} text-right`}>Imported</th>
              <th scope="col" className={`${th} text-right`}>Skipped</th>
              <th scope="col" className={th}>Started</th>
              <th scope="col" className={th}>Error report</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
            {runs.map((r) => (
              <tr key={r.id} data-testid="import-run-row">
                <td className={`${td} font-mono tabular-nums`}>#{r.id}</td>
                <td className={`${td} max-w-72 truncate`} title={r.source}>{r.source.replace(/#[0-9a-f]{12}$/, "")}</td>
                <td className={td}><Badge tone={r.status === "done" ? "green" : r.status === "failed" ? "red" : r.status === "interrupted" ? "amber" : "blue"}>{r.status}</Badge></td>
                <td className={`${td} text-right tabular-nums`}>{num(r.total)}</td>
                <td className={`${td} text-right tabular-nums`}>{num(r.imported)}</td>
                <td className={`${td} text-right tabular-nums`}>{num(r.skipped)}</td>
                <td className={`${td} whitespace-nowrap text-stone-500 dark:text-stone-400`}>{when(r.startedAt)}</td>
                <td className={td}>
                  {r.errors.length ? (
                    <a className="font-medium text-brand-700 underline dark:text-brand-400" href={`/api/admin/import-runs/${r.id}/errors`} download>
                      {r.errors.length} row{r.errors.length === 1 ? "" : "s"} (CSV)
                    </a>
                  ) : (
                    <span className="text-stone-400">–</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </TableShell>
      )}
    </>
  );
}
