// Number formatting for the admin pages (percentages, money, counts). Pure; safe in client code.
export const num = (n: number) => n.toLocaleString("en-US");
export const pct = (x: number | null, digits = 0) => (x === null ? "–" : `${(x * 100).toFixed(digits)}%`);
export function money(cents: number | null, currency = "USD"): string {
  if (cents === null) return "–";
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}
