// GET /api/products/{id} - one visible product and 8 similar items.
import { productDetail } from "@/lib/feed/product";
import { parseId } from "@/lib/http/body";
import { handle, HttpError, json } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const SIMILAR = 8;

export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const id = parseId((await ctx.params).id);
    const detail = await productDetail(id, SIMILAR);
    if (!detail) throw new HttpError(404, `Unknown product ${id}`);
    return json(detail);
  });
}
