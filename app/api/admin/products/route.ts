// GET /api/admin/products?q=&articleType=&gender=&hidden=all|visible|hidden&embedding=all|present|missing&offset=&limit=
// - a page of the whole catalog with embedding status and feedback counts.
import { listCatalog } from "@/lib/admin/catalog";
import { withAdmin } from "@/lib/admin/guard";
import { adminProductQuerySchema } from "@/lib/admin/schemas";
import { readQuery } from "@/lib/http/body";
import { json } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return withAdmin(request, async () => json(await listCatalog(readQuery(request, adminProductQuerySchema))));
}
