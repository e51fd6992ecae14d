// Price formatting shared by server pages and client components. Pure.
export function formatPrice(priceCents: number | null, currency: string): string {
  if (priceCents === null) return "Price on request";
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(priceCents / 100);
}
