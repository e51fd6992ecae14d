"use client";
// Catalog upload: CSV (+ optional ZIP of images) -> POST /api/admin/imports, then polls
// the job for live progress (phase, count/total) and shows the summary and row errors
// with a link to the downloadable error report.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { JobView } from "@/lib/admin/import-jobs";
import { adminFetch } from "./admin-fetch";
import { Badge, labelClass, primaryButton } from "./ui";

const MAX_CSV = 20 * 1024 * 1024;
const MAX_ZIP = 200 * 1024 * 1024;
const fileInput =
  "block w-full text-sm text-stone-700 file:mr-3 file:rounded-lg file:border-0 file:bg-stone-900 file:px-3 file:py-2 file:text-sm file:font-medium file:text-white hover:file:bg-stone-700 dark:text-stone-300 dark:file:bg-stone-100 dark:file:text-stone-900";

export function ImportForm({ initialJob }: { initialJob: JobView | null }) {
  const router = useRouter();
  const [job, setJob] = useState<JobView | null>(initialJob);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const running = job?.status === "running";

  useEffect(() => {
    if (!job || job.status !== "running") return;
    const timer = setTimeout(async () => {
      const r = await adminFetch<JobView>(`/api/admin/imports/${job.id}`);
      if (r.ok) {
        setJob(r.body);
        if (r.body.status !== "running") router.refresh();
      } else setError(r.error);
    }, 600);
    return () => clearTimeout(timer);
  }, [job, router]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const data = new FormData(e.currentTarget);
    const csv = data.get("csv");
    const zip = data.get("images");
    if (!(csv instanceof File) || csv.size === 0) return setError("Choose a CSV file to import.");
    if (csv.size > MAX_CSV) return setError("The CSV is larger than 20 MB.");
    if (zip instanceof File && zip.size > MAX_ZIP) return setError("The ZIP is larger than 200 MB.");
    if (zip instanceof File && zip.size === 0) data.delete("images");
    setBusy(true);
    const r = await adminFetch<JobView>("/api/admin/imports", { method: "POST", body: data });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setJob(r.body);
    formRef.current?.reset();
  }

  const frac = job && job.total > 0 ? Math.min(1, job.done / job.total) : job?.status === "done" ? 1 : 0;

  return (
    <div className="space-y-6">
      <form ref={formRef} onSubmit={submit} className="grid gap-4 sm:grid-cols-2" aria-describedby={error ? "import-error" : undefined}>
        <div>
          <label htmlFor="import-csv" className={labelClass}>Catalog CSV (required, ≤ 20 MB)</label>
          <input id="import-csv" name="csv" type="file" accept=".csv,text/csv" required className={fileInput} />
        </div>
        <div>
          <label htmlFor="import-images" className={labelClass}>Images ZIP (optional, ≤ 200 MB)</label>
          <input id="import-images" name="images" type="file" accept=".zip,application/zip" className={fileInput} />
        </div>
        <div className="flex items-center gap-3 sm:col-span-2">
          <button type="submit" className={primaryButton} disabled={busy || running}>
            {busy ? "Uploading…" : running ? "Import running…" : "Start import"}
          </button>
          {error ? (
            <p id="import-error" role="alert" className="text-sm text-rose-600 dark:text-rose-400">{error}</p>
          ) : null}
        </div>
      </form>

      {job ? (
        <section aria-labelledby="job-title" aria-live="polite" className="rounded-xl border border-stone-200 p-4 dark:border-stone-800" data-testid="import-job" data-status={job.status}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id="job-title" className="text-sm font-semibold">
              {job.fileName}
              {job.zipName ? <span className="font-normal text-stone-500 dark:text-stone-400"> + {job.zipName}</span> : null}
            </h3>
            <Badge tone={job.status === "done" ? (job.errorCount ? "amber" : "green") : job.status === "failed" ? "red" : "blue"}>
              {job.status === "running" ? job.phase : job.status === "done" ? (job.errorCount ? "Done with errors" : "Done") : "Failed"}
            </Badge>
          </div>
          <div className="mt-3 h-2 overflow-hidden rounded-full bg-stone-100 dark:bg-stone-800" role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={job.total || 1} aria-valuenow={job.total ? job.done : frac}>
            <div className={`h-full rounded-full transition-all ${job.status === "failed" ? "bg-rose-500" : "bg-brand-500"}`} style={{ width: `${Math.round(frac * 100)}%` }} />
          </div>
          <p className="mt-2 text-xs text-stone-500 dark:text-stone-400" data-testid="import-progress">
            {job.phase}: {job.done}/{job.total}
            {job.notes.length ? ` · ${job.notes.join(" · ")}` : ""}
          </p>
          {job.error ? <p role="alert" className="mt-3 text-sm text-rose-600 dark:text-rose-400">{job.error}</p> : null}
          {job.summary ? (
            <p className="mt-3 text-sm" data-testid="import-summary">
              Imported <strong>{job.summary.imported}</strong> of {job.summary.rows} rows ({job.summary.created} new, {job.summary.updated} updated),{" "}
              <strong>{job.summary.skipped}</strong> skipped; embedded {job.summary.embedded} image(s) in {(job.summary.ms / 1000).toFixed(1)} s.
            </p>
          ) : null}
          {job.errorCount > 0 ? (
            <div className="mt-3">
              <div className="mb-2 flex items-center justify-between">
                <h4 className="text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">Row errors ({job.errorCount})</h4>
                {job.errorReportUrl ? (
                  <a href={job.errorReportUrl} download className="text-sm font-medium text-brand-700 underline dark:text-brand-400" data-testid="error-report-link">
                    Download error report (CSV)
                  </a>
                ) : null}
              </div>
              <div className="overflow-x-auto">
                <table className="w-full text-sm" data-testid="import-errors">
                  <caption className="sr-only">Rows that were skipped</caption>
                  <thead>
                    <tr className="border-b border-stone-200 text-left text-xs text-stone-500 dark:border-stone-800 dark:text-stone-400">
                      <th scope="col" className="py-1.5 pr-3">Line</th>
                      <th scope="col" className="py-1.5 pr-3">Id</th>
                      <th scope="col" className="py-1.5">Reason</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
                    {job.errorsPreview.map((e) => (
                      <tr key={`${e.line}-${e.id}`} data-testid="import-error-row" data-line={e.line}>
                        <td className="py-1.5 pr-3 font-mono tabular-nums">{e.line}</td>
                        <td className="py-1.5 pr-3 font-mono">{e.id ?? "–"}</td>
                        <td className="py-1.5 text-stone-700 dark:text-stone-300">{e.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
