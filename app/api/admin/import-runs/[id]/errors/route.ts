// GET /api/admin/import-runs/:id/errors - the row-level error report of an import as CSV (line,id,reason).
import { withAdmin } from "@/lib/admin/guard";
import { errorReportCsv } from "@/lib/admin/import-jobs";
import { importRunById } from "@/lib/db/admin-stats";
import { parseId } from "@/lib/http/body";
import { HttpError } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withAdmin(request, async () => {
    const id = parseId((await ctx.params).id, "import run id");
    const run = await importRunById(id);
    if (!run) throw new HttpError(404, `Import run ${id} not found`);
    return new Response(errorReportCsv(run.errors), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="import-${id}-errors.csv"` },
    });
  });
}
