// GET /api/admin/products/:id - one product with its admin details.
// PATCH /api/admin/products/:id - edit attributes and/or hide/unhide (bumps the catalog version).
import { editProduct, getCatalogProduct } from "@/lib/admin/catalog";
import { withAdmin } from "@/lib/admin/guard";
import { productPatchSchema } from "@/lib/admin/schemas";
import { parseId, readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export async function GET(request: Request, ctx: Ctx): Promise<Response> {
  return withAdmin(request, async () => json(await getCatalogProduct(parseId((await ctx.params).id))));
}

export async function PATCH(request: Request, ctx: Ctx): Promise<Response> {
  return withAdmin(request, async () => {
    const id = parseId((await ctx.params).id);
    const patch = await readJson(request, productPatchSchema);
    return json(await editProduct(id, patch));
  });
}
