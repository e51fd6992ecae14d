// File-level tidying of validated catalog rows, after every row of the file is known:
// brands from the file's known brand list (case-folded, longest prefix), names without a
// repeated leading brand, colours in the one vocabulary, and placeholder styles ("NA",
// "n/a", "none", empty) dropped. Pure: rows in, new rows out.
import { buildBrandIndex, stripBrand } from "./brands";
import { canonicalColours } from "./colours";
import { describe, type CatalogFormat, type CatalogRow } from "./rows";

const PLACEHOLDER_STYLES = new Set(["", "na", "n/a", "n.a.", "none", "null", "nan", "-", "unknown", "other"]);

/** Style / usage tags without placeholders, lowercase, first occurrence kept. */
export function cleanStyles(styles: readonly string[]): string[] {
  return [...new Set(styles.map((s) => s.trim().toLowerCase()).filter((s) => !PLACEHOLDER_STYLES.has(s)))];
}

/** Whether a style value is a placeholder that must never be offered. */
export const isPlaceholderStyle = (s: string): boolean => PLACEHOLDER_STYLES.has(s.trim().toLowerCase());

function autoDescription(r: CatalogRow): string {
  return describe({ name: r.name, colour: r.colours[0] ?? "", articleType: r.articleType, usage: r.styles[0] ?? "", gender: r.gender, brand: r.brand });
}

/**
 * Tidy the rows of one file. Layouts whose names carry the brand ("styles", "items") get
 * brands from the name when the brand column is absent or empty, and the brand is cut
 * from the start of the stored name; every layout gets case-folded brands, canonical
 * colours and clean styles. Generated descriptions are regenerated from the tidy values.
 */
export function tidyRows(format: CatalogFormat, rows: readonly CatalogRow[]): CatalogRow[] {
  const fromNames = format !== "stylenova";
  // styles.csv has no brand column: its per-row guess (brandFromName) is replaced here
  const given = (r: CatalogRow) => (format === "styles" ? "" : r.brand.trim());
  const index = buildBrandIndex(fromNames ? rows.map((r) => r.name) : [], rows.map(given));
  return rows.map((r) => {
    const generated = fromNames || r.description === autoDescription(r);
    const brand = given(r) !== "" ? index.canonical(given(r)) : fromNames ? index.brandOf(r.name) : "";
    const colours = canonicalColours(r.colours);
    const out: CatalogRow = {
      ...r,
      brand,
      name: fromNames ? stripBrand(r.name, brand) : r.name,
      colours: colours.length ? colours : r.colours,
      styles: cleanStyles(r.styles),
    };
    if (generated) out.description = describe({ ...out, name: r.name, colour: out.colours[0] ?? "", usage: out.styles[0] ?? "" });
    return out;
  });
}

export interface BrandColourStats {
  rows: number;
  withBrand: number;
  brands: number;
  colours: number;
}

/** Figures for the import report: products with a brand, distinct brands and colours. */
export function brandColourStats(rows: readonly CatalogRow[]): BrandColourStats {
  return {
    rows: rows.length,
    withBrand: rows.filter((r) => r.brand !== "").length,
    brands: new Set(rows.map((r) => r.brand).filter(Boolean)).size,
    colours: new Set(rows.flatMap((r) => r.colours)).size,
  };
}
