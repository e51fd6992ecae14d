// GET /api/admin/imports - recent import runs and in-memory jobs.
// POST /api/admin/imports - multipart upload: "csv" (own or styles.csv layout, <= 20 MB) and
// optional "images" (ZIP of .jpg/.jpeg/.png/.webp, <= 200 MB); starts a background import (202).
import { withAdmin } from "@/lib/admin/guard";
import { jobView, MAX_CSV_BYTES, MAX_ZIP_BYTES, recentJobs, startImport, type UploadedFile } from "@/lib/admin/import-jobs";
import { recentImportRuns } from "@/lib/db/admin-stats";
import { checkContentLength } from "@/lib/http/body";
import { HttpError, json } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return withAdmin(request, async () => {
    const runs = await recentImportRuns(20);
    const jobs = await Promise.all(recentJobs().map(jobView));
    return json({
      jobs,
      runs: runs.map(({ errors, ...r }) => ({ ...r, errorCount: errors.length, errorReportUrl: errors.length ? `/api/admin/import-runs/${r.id}/errors` : null })),
    });
  });
}

async function fileField(form: FormData, name: string, required: boolean): Promise<UploadedFile | null> {
  const v = form.get(name);
  if (v === null || (typeof v !== "string" && v.size === 0 && !required)) {
    if (required) throw new HttpError(400, `${name}: a file is required`);
    return null;
  }
  if (typeof v === "string") throw new HttpError(400, `${name}: expected a file upload`);
  return { name: v.name, bytes: new Uint8Array(await v.arrayBuffer()) };
}

export async function POST(request: Request): Promise<Response> {
  return withAdmin(request, async () => {
    checkContentLength(request, MAX_CSV_BYTES + MAX_ZIP_BYTES + 1024 * 1024, "Upload");
    const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
    if (type !== "multipart/form-data") throw new HttpError(415, "Content-Type must be multipart/form-data (fields: csv, images)");
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new HttpError(400, "Malformed multipart body");
    }
    const csv = (await fileField(form, "csv", true)) as UploadedFile;
    const zip = await fileField(form, "images", false);
    const job = startImport(csv, zip);
    return json(await jobView(job), { status: 202 });
  });
}
