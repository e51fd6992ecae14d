// One product for its page and GET /api/products/{id}: the visible product from the
// catalog snapshot and its similar items. Hidden and unknown products are "not found"
// (null here; the API turns it into 404, the page into notFound()). Server-only; must
// not import next or lib/http.
import "server-only";
import { publicProduct, type PublicProduct } from "./cards";
import { getCatalog } from "./catalog";
import { similarProducts, type SearchHit } from "./search";

export interface ProductDetail {
  product: PublicProduct;
  similar: SearchHit[];
}

/** The visible product with this id, or null. */
export async function visibleProduct(id: number): Promise<PublicProduct | null> {
  const p = (await getCatalog()).byId.get(id);
  return p && !p.hidden ? publicProduct(p) : null;
}

/** The visible product and up to `similar` similar items, or null when there is none. */
export async function productDetail(id: number, similar = 8): Promise<ProductDetail | null> {
  const product = await visibleProduct(id);
  if (!product) return null;
  return { product, similar: await similarProducts(id, similar) };
}
