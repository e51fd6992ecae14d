// Price formatting: cents with decimals for tiles, whole units for filters and chips.
import { describe, expect, it } from "vitest";
import { currencySymbol, formatPrice, formatWholePrice } from "./price";

describe("price formatting", () => {
  it("formats cents, whole units and the symbol", () => {
    expect(formatPrice(4999, "USD")).toBe("$49.99");
    expect(formatPrice(null, "USD")).toBe("Price on request");
    expect(formatWholePrice(50, "USD")).toBe("$50");
    expect(formatWholePrice(1200, "EUR")).toBe("€1,200");
    expect(currencySymbol("USD")).toBe("$");
  });
});
