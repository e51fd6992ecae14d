import { describe, expect, it } from "vitest";
import { brandFromName, detectFormat, requiredColumns, STYLENOVA_COLUMNS, validateRow } from "./rows";

const good: Record<string, string> = {
  id: "SN-1", name: "Navy Linen Shirt", brand: "Northwind", gender: "Men", category: "Apparel", subcategory: "Topwear",
  article_type: "Shirts", colours: "Navy|White", pattern: "stripes", styles: "casual|minimalist", season: "Summer", year: "2024",
  price: "49.90", currency: "usd", sizes: "S|M|L", description: "A shirt.", image: "images/SN-1.png",
};

describe("detectFormat", () => {
  it("recognises the three layouts and names missing columns", () => {
    expect(detectFormat([...STYLENOVA_COLUMNS])).toEqual({ format: "stylenova" });
    expect(detectFormat(["id", "gender", "masterCategory", "subCategory", "articleType", "baseColour", "season", "year", "usage", "productDisplayName"])).toEqual({ format: "styles" });
    expect(detectFormat(["id", "name", "gender", "category", "subcategory", "article_type", "colour", "season", "year", "usage", "brand", "price", "image"])).toEqual({ format: "items" });
    const r = detectFormat(["id", "name", "gender", "category", "article_type", "colours"]);
    expect(r).toEqual({ error: expect.stringContaining('"image"') });
  });
});

describe("validateRow", () => {
  it("maps a good StyleNova row, lowercasing colours and converting the price to cents", () => {
    const r = validateRow("stylenova", good);
    expect("row" in r && r.row).toMatchObject({ externalId: "SN-1", gender: "men", colours: ["navy", "white"], priceCents: 4990, currency: "USD", sizes: ["S", "M", "L"], year: 2024 });
  });

  it.each([
    [{ price: "12,50" }, /price: "12,50" is not a price/],
    [{ gender: "Alien" }, /gender: unknown gender "Alien"/],
    [{ year: "20x4" }, /year: "20x4" is not a year/],
    [{ name: "" }, /name: is empty/],
    [{ colours: "" }, /colours: needs at least one colour/],
    [{ id: "bad id!" }, /id: may only contain/],
    [{ image: "../etc/passwd" }, /image: must not leave the images folder/],
    [{ currency: "dollars" }, /currency: is not a 3-letter currency code/],
  ])("rejects %o with a message naming the field", (patch, message) => {
    const r = validateRow("stylenova", { ...good, ...patch });
    expect("error" in r && r.error).toMatch(message);
  });

  it("maps a styles.csv row, deriving the brand and the image name", () => {
    const r = validateRow("styles", {
      id: "15970", gender: "Men", masterCategory: "Apparel", subCategory: "Topwear", articleType: "Shirts", baseColour: "Navy Blue",
      season: "Fall", year: "2011", usage: "Casual", productDisplayName: "Turtle Check Men Navy Blue Shirt",
    });
    expect("row" in r && r.row).toMatchObject({ externalId: "15970", brand: "Turtle Check", colours: ["navy blue"], styles: ["casual"], image: "15970.jpg", priceCents: null });
  });

  it("guesses brands only from the text before a gender word", () => {
    expect(brandFromName("Peter England Men Party Blue Jeans")).toBe("Peter England");
    expect(brandFromName("Men Blue Jeans")).toBe("");
    expect(brandFromName("Reebok Track Pants Jet Black")).toBe("");
  });
});

describe("required and optional columns", () => {
  it("requires exactly the columns the row schema cannot do without", () => {
    expect(requiredColumns("stylenova")).toEqual(["id", "name", "gender", "category", "article_type", "colours", "image"]);
    expect(requiredColumns("items")).toEqual(["id", "name", "gender", "category", "article_type", "colour", "image"]);
    expect(requiredColumns("styles")).toEqual(["id", "gender", "masterCategory", "articleType", "baseColour", "productDisplayName"]);
  });

  it("accepts a header and a row with only the required columns", () => {
    const header = requiredColumns("stylenova");
    expect(detectFormat(header)).toEqual({ format: "stylenova" });
    const raw = Object.fromEntries(header.map((c) => [c, good[c]]));
    const r = validateRow("stylenova", raw);
    expect("row" in r && r.row).toMatchObject({ externalId: "SN-1", brand: "", styles: [], sizes: [], priceCents: null, currency: "USD", season: null, year: null });
  });
});

describe("the optional product URL column", () => {
  it("stores a valid http(s) product_url and is null when the column is absent or the cell empty", () => {
    const withUrl = validateRow("stylenova", { ...good, product_url: " https://www.northwind.example/shirts/sn-1 " });
    expect("row" in withUrl && withUrl.row.productUrl).toBe("https://www.northwind.example/shirts/sn-1");
    const absent = validateRow("stylenova", good);
    expect("row" in absent && absent.row.productUrl).toBeNull();
    const empty = validateRow("stylenova", { ...good, product_url: "" });
    expect("row" in empty && empty.row.productUrl).toBeNull();
  });

  it("reads a `url` or `link` column in the other layouts", () => {
    const items = validateRow("items", {
      id: "7", name: "Blue Jeans", gender: "Men", category: "Apparel", subcategory: "Bottomwear", article_type: "Jeans", colour: "Blue",
      season: "", year: "", usage: "Casual", brand: "Acme", price: "", image: "images/7.jpg", link: "http://acme.example/jeans/7",
    });
    expect("row" in items && items.row.productUrl).toBe("http://acme.example/jeans/7");
  });

  it.each([
    ["ftp://files.example/sn-1", /product_url: "ftp:\/\/files.example\/sn-1" is not a web address/],
    ["javascript:alert(1)", /product_url: "javascript:alert\(1\)" is not a web address/],
    ["www.northwind.example/sn-1", /product_url: "www.northwind.example\/sn-1" is not a web address/],
    ["https://user:pw@northwind.example/", /product_url: .* is not a web address/],
  ])("rejects %s with a message naming the column", (value, message) => {
    const r = validateRow("stylenova", { ...good, product_url: value });
    expect("error" in r && r.error).toMatch(message);
  });

  it("reports a bad URL together with the row's other problems", () => {
    const r = validateRow("stylenova", { ...good, price: "12,50", product_url: "nope" });
    expect("error" in r && r.error).toMatch(/price: "12,50" is not a price.*; product_url: "nope" is not a web address/);
  });
});
