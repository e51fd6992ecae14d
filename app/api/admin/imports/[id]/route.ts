// GET /api/admin/imports/:id - live progress of a browser import (phase, count/total, summary).
import { withAdmin } from "@/lib/admin/guard";
import { getJob, jobView } from "@/lib/admin/import-jobs";
import { HttpError, json } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withAdmin(request, async () => {
    const { id } = await ctx.params;
    const job = /^[0-9a-f]{12}$/.test(id) ? getJob(id) : null;
    if (!job) throw new HttpError(404, `Import job "${id.slice(0, 20)}" not found (jobs are kept in memory until the server restarts)`);
    return json(await jobView(job));
  });
}
