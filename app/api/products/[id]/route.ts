// GET /api/products/{id} - one visible product and 8 similar items.
import { getProduct } from "@/lib/db/products";
import { publicProduct } from "@/lib/feed/cards";
import { similarProducts } from "@/lib/feed/search";
import { parseId } from "@/lib/http/body";
import { handle, HttpError, json } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const SIMILAR = 8;

export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const id = parseId((await ctx.params).id);
    const product = await getProduct(id);
    if (!product || product.hidden) throw new HttpError(404, `Unknown product ${id}`);
    return json({ product: publicProduct(product), similar: await similarProducts(id, SIMILAR) });
  });
}
