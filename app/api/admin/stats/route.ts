// GET /api/admin/stats - dashboard numbers (all computed from the database).
import { withAdmin } from "@/lib/admin/guard";
import { loadDashboard } from "@/lib/admin/stats";
import { json } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return withAdmin(request, async () => json(await loadDashboard()));
}
