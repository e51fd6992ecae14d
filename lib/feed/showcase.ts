// A few real products with pictures for the landing page's collage and phone strip: one
// per article type from the start of the catalog, so the picks vary and stay stable.
// Server-only; reads the database through lib/db, returns public products (image URLs).
import "server-only";
import { listProducts } from "@/lib/db/products";
import { publicProduct, type PublicProduct } from "./cards";

const SAMPLE = 160;

export async function showcaseProducts(count: number): Promise<PublicProduct[]> {
  const { items } = await listProducts({}, { offset: 0, limit: SAMPLE });
  const picks: PublicProduct[] = [];
  const types = new Set<string>();
  for (const p of items) {
    if (picks.length >= count) break;
    if (!p.image || types.has(p.articleType)) continue;
    types.add(p.articleType);
    picks.push(publicProduct(p));
  }
  return picks;
}
