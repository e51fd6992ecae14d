// Re-validation of the cards a client holds (GET /api/cards): which held products are
// now hidden or deleted, and fresh data for held cards whose product changed since the
// client got them. Cost is bounded by the number of held ids (map lookups in the
// catalog snapshot), never by the catalog or the number of shoppers.
// Server-only; must not import lib/db (the snapshot is passed in).
import "server-only";
import { productRev, publicProduct, type PublicProduct } from "./cards";
import type { CatalogSnapshot } from "./catalog";

export interface HeldCheck {
  /** held ids the shopper can no longer get (hidden or deleted): drop them from the deck */
  removed: number[];
  /** held cards whose product changed: replace in place (same deck position) */
  updated: { product: PublicProduct; rev: string }[];
}

export function checkHeld(catalog: Pick<CatalogSnapshot, "byId">, held: readonly number[], revs: readonly { id: number; rev: string }[]): HeldCheck {
  const removed = new Set<number>();
  for (const id of held) {
    const p = catalog.byId.get(id);
    if (!p || p.hidden) removed.add(id);
  }
  const updated: HeldCheck["updated"] = [];
  const seen = new Set<number>();
  for (const { id, rev } of revs) {
    if (seen.has(id)) continue;
    seen.add(id);
    const p = catalog.byId.get(id);
    if (!p || p.hidden) {
      removed.add(id);
      continue;
    }
    const product = publicProduct(p);
    const now = productRev(product);
    if (now !== rev) updated.push({ product, rev: now });
  }
  return { removed: [...removed], updated };
}
