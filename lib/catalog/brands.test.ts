// Brand extraction from product names (two passes over one file) and brand stripping.
import { describe, expect, it } from "vitest";
import { brandCandidate, buildBrandIndex, stripBrand } from "./brands";

const NAMES = [
  "Inkfruit Mens Chain Reaction T-shirt",
  "Inkfruit Women's Bird Print Tee",
  "United Colors of Benetton Men Solid Polo",
  "United Colors of Benetton Women Striped Top",
  "United Colors of Benetton Kids Red Jacket",
  "PUMA Men Black Running Shoe",
  "Puma Women Pink Flip Flops",
  "Puma Unisex Grey Cap",
  "Puma Track Pants Jet Black", // no gender word: longest known prefix
  "Arrow Men Formal Shirt",
  "Arrow Sport Men Polo",
  "Arrow Sport Men Chinos",
  "Fabindia Men Kurta",
  "Fabindia Cotton Kurta Men Blue", // one-off long candidate falls back to "Fabindia"
  "Newhide Brown Men Belt", // colour before the gender word is not part of the brand
  "Newhide Men Wallet",
  "Lakme Enrich Satins Lipstick 134", // no gender word anywhere: shared first words
  "Lakme Sheer Satin Lip Gloss 51",
  "Royal Diadem Black Earrings",
  "Royal Diadem Set of 2 Bangles",
  "Black Leather Belt", // a colour never starts a brand
  "Black Canvas Belt",
  "Men Blue Jeans", // gender word first: no brand
  "Quechua Boy's Hiking Sandal",
];

describe("brandCandidate", () => {
  it("takes the text before the first gender word, in any of its spellings", () => {
    expect(brandCandidate("Inkfruit Mens Chain Reaction T-shirt")).toBe("Inkfruit");
    expect(brandCandidate("United Colors of Benetton Men Solid Polo")).toBe("United Colors of Benetton");
    expect(brandCandidate("Reebok Men's Ventilator Shoe")).toBe("Reebok");
    expect(brandCandidate("Quechua Boy’s Hiking Sandal")).toBe("Quechua");
    expect(brandCandidate("W Woman Kurta")).toBe("W");
    expect(brandCandidate("Doodle Girls Top")).toBe("Doodle");
    expect(brandCandidate("Newhide Brown Men Belt")).toBe("Newhide");
    expect(brandCandidate("Menthol Fresh Gel")).toBeNull(); // "Men" inside a word does not count
    expect(brandCandidate("Men Blue Jeans")).toBeNull();
    expect(brandCandidate("A Very Long Descriptive Product Title Men")).toBeNull();
  });
});

describe("buildBrandIndex", () => {
  const index = buildBrandIndex(NAMES);
  const brands = NAMES.map((n) => index.brandOf(n));

  it("gives each name the longest known brand it starts with", () => {
    expect(Object.fromEntries(NAMES.map((n, i) => [n, brands[i]]))).toEqual({
      "Inkfruit Mens Chain Reaction T-shirt": "Inkfruit",
      "Inkfruit Women's Bird Print Tee": "Inkfruit",
      "United Colors of Benetton Men Solid Polo": "United Colors of Benetton",
      "United Colors of Benetton Women Striped Top": "United Colors of Benetton",
      "United Colors of Benetton Kids Red Jacket": "United Colors of Benetton",
      "PUMA Men Black Running Shoe": "Puma",
      "Puma Women Pink Flip Flops": "Puma",
      "Puma Unisex Grey Cap": "Puma",
      "Puma Track Pants Jet Black": "Puma",
      "Arrow Men Formal Shirt": "Arrow",
      "Arrow Sport Men Polo": "Arrow Sport",
      "Arrow Sport Men Chinos": "Arrow Sport",
      "Fabindia Men Kurta": "Fabindia",
      "Fabindia Cotton Kurta Men Blue": "Fabindia",
      "Newhide Brown Men Belt": "Newhide",
      "Newhide Men Wallet": "Newhide",
      "Lakme Enrich Satins Lipstick 134": "Lakme",
      "Lakme Sheer Satin Lip Gloss 51": "Lakme",
      "Royal Diadem Black Earrings": "Royal Diadem",
      "Royal Diadem Set of 2 Bangles": "Royal Diadem",
      "Black Leather Belt": "",
      "Black Canvas Belt": "",
      "Men Blue Jeans": "",
      "Quechua Boy's Hiking Sandal": "Quechua",
    });
  });

  it("case-folds brands and shows the most common spelling", () => {
    expect(index.canonical("PUMA")).toBe("Puma");
    expect(index.canonical("puma")).toBe("Puma");
    expect(index.canonical("Some New Label")).toBe("Some New Label");
    const shouty = buildBrandIndex(["ADIDAS Men Tee", "ADIDAS Women Tee", "Adidas Men Cap"]);
    expect(shouty.brandOf("adidas Unisex Bag")).toBe("ADIDAS");
  });

  it("counts brand column values as known brands", () => {
    const withColumn = buildBrandIndex(["Lee Cooper Men Jeans"], ["Lee Cooper", "Lee"]);
    expect(withColumn.brandOf("Lee Cooper Men Jeans")).toBe("Lee Cooper");
    expect(withColumn.brandOf("Lee Women Jeans")).toBe("Lee");
  });
});

describe("stripBrand", () => {
  it("removes a leading brand and keeps the rest readable", () => {
    expect(stripBrand("Inkfruit Mens Chain Reaction T-shirt", "Inkfruit")).toBe("Mens Chain Reaction T-shirt");
    expect(stripBrand("PUMA Men Black Running Shoe", "Puma")).toBe("Men Black Running Shoe");
    expect(stripBrand("United Colors of Benetton Men Solid Polo", "United Colors of Benetton")).toBe("Men Solid Polo");
    expect(stripBrand("Lakme enrich lipstick", "Lakme")).toBe("Enrich lipstick");
  });

  it("leaves the name alone when the brand is not a whole leading word sequence or nothing would be left", () => {
    expect(stripBrand("Pumatech Men Shoe", "Puma")).toBe("Pumatech Men Shoe");
    expect(stripBrand("Nike", "Nike")).toBe("Nike");
    expect(stripBrand("Nike 7", "Nike")).toBe("Nike 7");
    expect(stripBrand("Red Tee", "")).toBe("Red Tee");
  });
});
