// GET /api/admin/export?include=positive|all - feedback events as an interactions CSV
// (user,item,rating,timestamp) for `npm run eval -- --interactions FILE`.
import { interactionsCsv } from "@/lib/admin/export";
import { withAdmin } from "@/lib/admin/guard";
import { exportQuerySchema } from "@/lib/admin/schemas";
import { readQuery } from "@/lib/http/body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return withAdmin(request, async () => {
    const { include } = readQuery(request, exportQuerySchema);
    const { csv, rows } = await interactionsCsv(include);
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="stylenova-interactions-${include}-${stamp}.csv"`,
        "X-Row-Count": String(rows),
      },
    });
  });
}
