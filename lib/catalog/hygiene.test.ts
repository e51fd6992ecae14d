// Import hygiene: the colour vocabulary, placeholder styles, file-level brand tidying,
// and (when ../shared/datasets is present) the figures on the real dataset.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { colourHex, isLightColour } from "@/app/_components/colour-hex";
import { CANONICAL_COLOURS, canonicalColour, canonicalColours, colourSwatch, NEUTRAL_SWATCH } from "./colours";
import { csvLine, parseCsv } from "./csv";
import { cleanStyles, tidyRows } from "./hygiene";
import { parseCatalog } from "./importer";
import { validateRow, type CatalogRow } from "./rows";

// STYLENOVA_DATASET_DIR lets a worktree point at the shared folder; the default is the
// project's ../shared/datasets convention.
const DATASET = process.env.STYLENOVA_DATASET_DIR ?? path.resolve(process.cwd(), "..", "shared", "datasets", "fashion-products");

describe("colour vocabulary", () => {
  it("maps spellings and shades to one canonical name", () => {
    expect(canonicalColour("Navy Blue")).toBe("navy");
    expect(canonicalColour("navy")).toBe("navy");
    expect(canonicalColour("Off White")).toBe("off-white");
    expect(canonicalColour("off-white")).toBe("off-white");
    expect(canonicalColour("Grey Melange")).toBe("grey");
    expect(canonicalColour("GRAY")).toBe("grey");
    expect(canonicalColour("Turquoise Blue")).toBe("turquoise");
    expect(canonicalColour("Lime Green")).toBe("lime");
    expect(canonicalColour("Light_Blue")).toBe("light blue");
    expect(canonicalColour("  Magenta ")).toBe("magenta");
    expect(canonicalColour("Ultra  Violet Haze")).toBe("ultra violet haze"); // unknown: cleaned, still importable
    expect(canonicalColours(["Navy Blue", "Navy", "White", ""])).toEqual(["navy", "white"]);
  });

  it("gives every canonical colour its own swatch and unknown colours a neutral one", () => {
    expect(colourHex("Magenta")).toBe(CANONICAL_COLOURS.magenta.hex);
    expect(colourHex("Magenta")).not.toBe(colourHex("light blue"));
    expect(colourHex("Navy Blue")).toBe(colourHex("navy"));
    expect(colourSwatch("Ultra Violet Haze")).toEqual(NEUTRAL_SWATCH);
    expect(isLightColour("Off White")).toBe(true);
    expect(isLightColour("Magenta")).toBe(false);
    for (const [name, s] of Object.entries(CANONICAL_COLOURS)) {
      expect(canonicalColour(name), name).toBe(name);
      expect(s.hex, name).toMatch(/^#[0-9a-f]{6}$|gradient\(/);
    }
  });
});

describe("cleanStyles", () => {
  it("drops NA, n/a, empty and other placeholders and lowercases", () => {
    expect(cleanStyles(["NA", "na", "N/A", "", " ", "none", "Casual", "casual", "Smart Casual"])).toEqual(["casual", "smart casual"]);
  });
});

function stylesRow(id: string, name: string, colour: string, usage: string): CatalogRow {
  const r = validateRow("styles", {
    id, gender: "Men", masterCategory: "Apparel", subCategory: "Topwear", articleType: "Tshirts", baseColour: colour,
    season: "Fall", year: "2011", usage, productDisplayName: name,
  });
  if (!("row" in r)) throw new Error(r.error);
  return r.row;
}

describe("tidyRows", () => {
  it("derives brands from the file, strips them from names, canonicalises colours and drops NA", () => {
    const rows = [
      stylesRow("1", "Inkfruit Mens Chain Reaction T-shirt", "Navy Blue", "Casual"),
      stylesRow("2", "United Colors of Benetton Men Solid Polo", "Magenta", "NA"),
      stylesRow("3", "United Colors of Benetton Women Striped Top", "Off White", ""),
      stylesRow("4", "PUMA Men Black Running Shoe", "Black", "Sports"),
      stylesRow("5", "Puma Women Pink Tee", "Pink", "Sports"),
      stylesRow("6", "Puma Unisex Cap", "Grey", "Sports"),
    ];
    expect(rows[1].brand).toBe(""); // the per-row guess misses four-word brands
    const out = tidyRows("styles", rows);
    expect(out.map((r) => r.brand)).toEqual(["Inkfruit", "United Colors of Benetton", "United Colors of Benetton", "Puma", "Puma", "Puma"]);
    expect(out.map((r) => r.name)).toEqual(["Mens Chain Reaction T-shirt", "Men Solid Polo", "Women Striped Top", "Men Black Running Shoe", "Women Pink Tee", "Unisex Cap"]);
    expect(out.map((r) => r.colours[0])).toEqual(["navy", "magenta", "off-white", "black", "pink", "grey"]);
    expect(out.map((r) => r.styles)).toEqual([["casual"], [], [], ["sports"], ["sports"], ["sports"]]);
    expect(out[1].description).toBe("United Colors of Benetton Men Solid Polo: a tshirts in magenta for men by United Colors of Benetton.");
  });

  it("keeps StyleNova names and hand-written descriptions, but folds brand case", () => {
    const base = { gender: "women" as const, category: "Apparel", subcategory: "Topwear", articleType: "Tops", pattern: null, season: null, year: null, priceCents: null, currency: "USD", sizes: [], image: "a.png", productUrl: null };
    const rows: CatalogRow[] = [
      { ...base, externalId: "a", name: "Northwind Navy Top", brand: "Northwind", colours: ["navy blue"], styles: ["na"], description: "Hand written." },
      { ...base, externalId: "b", name: "Northwind Red Top", brand: "Northwind", colours: ["red"], styles: [], description: "Also hand written." },
      { ...base, externalId: "c", name: "NORTHWIND Top", brand: "NORTHWIND", colours: ["red"], styles: [], description: "Hand." },
    ];
    const out = tidyRows("stylenova", rows);
    expect(out.map((r) => [r.name, r.brand, r.colours[0], r.styles.length, r.description])).toEqual([
      ["Northwind Navy Top", "Northwind", "navy", 0, "Hand written."],
      ["Northwind Red Top", "Northwind", "red", 0, "Also hand written."],
      ["NORTHWIND Top", "Northwind", "red", 0, "Hand."],
    ]);
  });
});

describe.skipIf(!fs.existsSync(path.join(DATASET, "items.csv")))("hygiene on the real fashion-products dataset", () => {
  it("gives 99%+ of products a brand in the styles.csv layout and one colour vocabulary", () => {
    const items = fs.readFileSync(path.join(DATASET, "items.csv"), "utf8");
    const parsed = parseCatalog(path.join(DATASET, "items.csv"), items);
    // the same records in the Fashion Product Images styles.csv layout (no brand column, usage NA)
    const [header, ...records] = parseCsv(items);
    const col = (rec: { fields: string[] }, name: string) => rec.fields[header.fields.indexOf(name)];
    const lines = records.map((rec) =>
      csvLine([col(rec, "id"), col(rec, "gender"), col(rec, "category"), col(rec, "subcategory"), col(rec, "article_type"), col(rec, "colour"),
        col(rec, "season"), col(rec, "year"), col(rec, "usage") || "NA", col(rec, "name")]),
    );
    const styles = parseCatalog("styles.csv", ["id,gender,masterCategory,subCategory,articleType,baseColour,season,year,usage,productDisplayName", ...lines].join("\n"));
    const { before, after } = styles.hygiene;
    expect(after.rows).toBe(2022);
    expect(before.withBrand / before.rows).toBeLessThan(0.9);
    expect(after.withBrand / after.rows).toBeGreaterThan(0.99);
    expect(parsed.hygiene.after.withBrand / parsed.hygiene.after.rows).toBeGreaterThan(0.99);
    const colours = new Set(parsed.rows.flatMap((r) => r.row.colours));
    expect(colours.has("navy blue")).toBe(false);
    expect(colours.has("navy")).toBe(true);
    expect([...colours].filter((c) => !CANONICAL_COLOURS[c])).toEqual([]);
    expect(styles.rows.some((r) => r.row.styles.some((s) => s === "na" || s === ""))).toBe(false);
    const brandCase = new Map<string, Set<string>>();
    for (const { row } of styles.rows) brandCase.set(row.brand.toLowerCase(), (brandCase.get(row.brand.toLowerCase()) ?? new Set()).add(row.brand));
    expect([...brandCase.values()].filter((s) => s.size > 1)).toEqual([]);
  });
});

if (!fs.existsSync(path.join(DATASET, "items.csv"))) {
  console.warn(`[skip] ${DATASET} is absent: the real-data hygiene test is skipped.`);
}
