// Price formatting shared by server pages and client components. Pure.
export function formatPrice(priceCents: number | null, currency: string): string {
  if (priceCents === null) return "Price on request";
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(priceCents / 100);
}

/** Whole currency units without cents ("$50"), for price filters and chips. */
export function formatWholePrice(units: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(units);
}

/** The currency's symbol ("$"), for labels of price boxes. */
export function currencySymbol(currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).formatToParts(0).find((p) => p.type === "currency")?.value ?? currency;
}
