// GET /api/likes - the shopper's liked and superliked products, newest first.
import { withShopper } from "@/lib/auth/shopper";
import { listLikes } from "@/lib/feed/deck";
import { json } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return withShopper(request, async (shopperId) => json({ items: await listLikes(shopperId) }));
}
