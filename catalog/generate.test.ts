import { describe, expect, it } from "vitest";
import { CSV_HEADER, escapeCsvField, parseCsv, rowToFields, toCsv } from "./csv";
import { generateCatalog, generateRow, type CatalogRow } from "./generate";
import { ARTICLE_TYPES, BRANDS, COLOURS, PATTERNS, SIZE_SYSTEMS, STYLES, articleTypeByName, colourByName } from "./source";

const rows = generateCatalog();

const countBy = (items: readonly string[]) => {
  const m = new Map<string, number>();
  for (const k of items) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};

describe("generateCatalog", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    expect(generateCatalog({ count: 300, seed: 7 })).toEqual(generateCatalog({ count: 300, seed: 7 }));
    const a = generateCatalog({ count: 300, seed: 7 });
    const b = generateCatalog({ count: 300, seed: 8 });
    const same = a.filter((r, i) => r.name === b[i].name && r.price === b[i].price).length;
    expect(same).toBeLessThan(30);
  });

  it("makes a smaller catalog a prefix of a bigger one, and generateRow agrees", () => {
    const small = generateCatalog({ count: 100 });
    expect(rows.slice(0, 100)).toEqual(small);
    expect(generateRow(457)).toEqual(rows[457]);
  });

  it("has the default size and variety", () => {
    expect(rows.length).toBeGreaterThanOrEqual(600);
    const types = countBy(rows.map((r) => r.articleType));
    expect(types.size).toBeGreaterThanOrEqual(12);
    expect(types.size).toBe(ARTICLE_TYPES.length);
    for (const [, n] of types) expect(n).toBeGreaterThanOrEqual(25);
    const colours = countBy(rows.map((r) => r.colours[0]));
    expect(colours.size).toBeGreaterThanOrEqual(12);
    for (const c of COLOURS) expect(colours.get(c.name) ?? 0, c.name).toBeGreaterThanOrEqual(10);
    const patterns = countBy(rows.map((r) => r.pattern));
    expect(patterns.size).toBeGreaterThanOrEqual(5);
    for (const p of PATTERNS) expect(patterns.get(p) ?? 0, p).toBeGreaterThanOrEqual(10);
    const styles = countBy(rows.flatMap((r) => r.styles));
    expect(styles.size).toBeGreaterThanOrEqual(6);
    for (const s of STYLES) expect(styles.get(s) ?? 0, s).toBeGreaterThanOrEqual(30);
    const brands = countBy(rows.map((r) => r.brand));
    expect(brands.size).toBeGreaterThanOrEqual(15);
    for (const b of BRANDS) expect(brands.get(b.name) ?? 0, b.name).toBeGreaterThanOrEqual(15);
  });

  it("gives every row a unique id and an image path from it", () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) expect(r.image).toBe(`images/${r.id}.jpg`);
    expect(rows[0].id).toBe("SN-00001");
  });

  it("keeps every row consistent with its article type", () => {
    for (const r of rows) {
      const def = articleTypeByName(r.articleType)!;
      expect(def, r.articleType).toBeDefined();
      expect(r.category).toBe(def.category);
      expect(r.subcategory).toBe(def.subcategory);
      expect(r.price, r.name).toBeGreaterThanOrEqual(def.price.min);
      expect(r.price, r.name).toBeLessThanOrEqual(def.price.max);
      expect(Math.abs(r.price * 100 - Math.round(r.price * 100))).toBeLessThan(1e-6);
      expect(def.genders[r.gender], `${r.name} for ${r.gender}`).toBeGreaterThan(0);
      expect(def.styles).toEqual(expect.arrayContaining(r.styles));
      expect(r.styles.length).toBeGreaterThanOrEqual(1);
      expect(r.styles.length).toBeLessThanOrEqual(2);
      expect(new Set(r.styles).size).toBe(r.styles.length);
      expect(def.patterns[r.pattern] ?? 0, `${r.pattern} on ${r.articleType}`).toBeGreaterThan(0);
      for (const s of r.sizes) expect(SIZE_SYSTEMS[def.sizeSystem]).toContain(s);
      if (def.sizeSystem === "one") expect(r.sizes).toEqual([]);
      else expect(r.sizes.length).toBeGreaterThanOrEqual(3);
      for (const c of r.colours) expect(colourByName(c), c).toBeDefined();
      expect(r.colours.length).toBe(r.pattern === "solid" ? 1 : 2);
      expect(r.currency).toBe("USD");
    }
  });

  it("prices follow the brand tier", () => {
    const meanShare = (tier: string) => {
      const xs = rows.filter((r) => BRANDS.find((b) => b.name === r.brand)!.tier === tier).map((r) => {
        const { min, max } = articleTypeByName(r.articleType)!.price;
        return (r.price - min) / (max - min);
      });
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(meanShare("budget")).toBeLessThan(meanShare("mid"));
    expect(meanShare("mid")).toBeLessThan(meanShare("premium"));
    expect(meanShare("premium")).toBeLessThan(meanShare("luxury"));
  });

  it("writes natural names and descriptions", () => {
    for (const r of rows) {
      expect(r.name.startsWith(r.brand + " "), r.name).toBe(false); // the brand is shown on its own
      const firstWord = r.name.split(" ")[0];
      expect(BRANDS.some((b) => b.name.split(" ")[0] === firstWord), r.name).toBe(false);
      // ends with the item type a shopper reads, e.g. "... Midi Dress"
      expect(articleTypeByName(r.articleType)!.nouns.some((n) => r.name.endsWith(` ${n}`)), r.name).toBe(true);
      expect(r.name.split(" ").length, r.name).toBeLessThanOrEqual(6);
      expect(r.name).not.toMatch(/\b(\w+) \1\b/i); // no doubled word
      expect(r.description).toMatch(/^[A-Z].+\.$/);
      expect(r.description).not.toMatch(/undefined|null|\s{2}|\{2\}/);
      expect(r.description).toContain(r.colours[0]);
    }
    expect(new Set(rows.map((r) => r.description)).size).toBeGreaterThan(rows.length * 0.95);
  });

  it("keeps patterns mostly on apparel and footwear mostly solid", () => {
    const footwear = rows.filter((r) => r.category === "Footwear");
    expect(footwear.filter((r) => r.pattern === "solid").length / footwear.length).toBeGreaterThan(0.8);
    expect(rows.filter((r) => r.articleType === "Jeans" && r.pattern !== "solid")).toEqual([]);
    expect(rows.filter((r) => r.pattern === "floral" && r.styles.includes("formal") && r.category !== "Apparel")).toEqual([]);
  });

  // Speed (100,000 rows, target under 8 s) is measured by `npm run bench -- --only generator`
  // (lib/cli/bench-generator.ts), never asserted here.
  it("scales to 100,000 rows with unique ids, every row whole and a prefix-stable order", () => {
    const big = generateCatalog({ count: 100_000, seed: 3 });
    expect(big.length).toBe(100_000);
    expect(new Set(big.map((r) => r.id)).size).toBe(100_000);
    expect(big[99_999].id).toBe("SN-100000");
    expect(big.every((r) => r.name && r.description && r.colours.length > 0 && r.price > 0)).toBe(true);
    expect(big.slice(0, 300)).toEqual(generateCatalog({ count: 300, seed: 3 }));
  });
});

describe("catalog CSV", () => {
  it("quotes only when needed and doubles quotes", () => {
    expect(escapeCsvField("plain")).toBe("plain");
    expect(escapeCsvField("a,b")).toBe('"a,b"');
    expect(escapeCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvField("two\nlines")).toBe('"two\nlines"');
    expect(escapeCsvField("cr\rhere")).toBe('"cr\rhere"');
    expect(escapeCsvField("")).toBe("");
  });

  it("writes the exact header and round-trips tricky text", () => {
    const tricky: CatalogRow = {
      ...rows[0],
      name: 'Café "Noir", Édition\nSpéciale',
      brand: "Harbor & Hale, Ltd.",
      description: 'He said ""twice"", then left,\r\nquietly. 🧥',
    };
    const csv = toCsv([tricky, rows[1]]);
    expect(csv.split("\n")[0]).toBe(CSV_HEADER.join(","));
    expect(csv.endsWith("\n")).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed[0]).toEqual([...CSV_HEADER]);
    expect(parsed[1]).toEqual(rowToFields(tricky));
    expect(parsed[2]).toEqual(rowToFields(rows[1]));
    expect(parsed.length).toBe(3);
  });

  it("writes lists, prices and lowercase colours in the agreed form", () => {
    const csv = parseCsv(toCsv(rows));
    const header = csv[0];
    const col = (name: string) => header.indexOf(name);
    for (const [i, fields] of csv.slice(1).entries()) {
      const r = rows[i];
      expect(fields.length).toBe(CSV_HEADER.length);
      expect(fields[col("price")]).toMatch(/^\d+\.\d{2}$/);
      expect(Number(fields[col("price")])).toBeCloseTo(r.price, 2);
      expect(fields[col("colours")]).toBe(r.colours.join("|"));
      expect(fields[col("colours")]).toBe(fields[col("colours")].toLowerCase());
      expect(fields[col("styles")].split("|")).toEqual(r.styles);
      expect(fields[col("sizes")]).toBe(r.sizes.join("|"));
      expect(fields[col("image")]).toBe(`images/${r.id}.jpg`);
    }
  });
});
