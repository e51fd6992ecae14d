// GET /api/products?q=&gender=&articleType=&category=&colour=&brand=&offset=0&limit=24 -
// a page of the visible catalog.
import { publicProduct } from "@/lib/feed/cards";
import { listProducts } from "@/lib/db/products";
import { readQuery } from "@/lib/http/body";
import { handle, json } from "@/lib/http/respond";
import { productListQuerySchema } from "@/lib/schemas/products";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const { offset, limit, ...filter } = readQuery(request, productListQuerySchema);
    const page = await listProducts(filter, { offset, limit });
    return json({ items: page.items.map(publicProduct), total: page.total, offset, limit });
  });
}
