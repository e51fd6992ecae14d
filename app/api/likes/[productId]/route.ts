// DELETE /api/likes/{productId} - remove a product from the shopper's likes.
import { withShopper } from "@/lib/auth/shopper";
import { getCatalog } from "@/lib/feed/catalog";
import { removeLike } from "@/lib/feed/deck";
import { parseId } from "@/lib/http/body";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { HttpError, json } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function DELETE(request: Request, ctx: { params: Promise<{ productId: string }> }): Promise<Response> {
  return withShopper(request, async (shopperId) => {
    enforceRateLimit("likes", shopperId);
    const productId = parseId((await ctx.params).productId);
    if (!(await getCatalog()).byId.has(productId)) throw new HttpError(404, `Unknown product ${productId}`);
    return json(await removeLike(shopperId, productId));
  });
}
