// Catalog row formats and their zod validation. Three layouts are read:
//  - "stylenova": the project's own CSV (the bundled catalog and admin uploads)
//  - "styles": the Fashion Product Images styles.csv layout (images in <dir>/<id>.jpg)
//  - "items": the layout of ../shared/datasets/fashion-products/items.csv
// Every layout maps to one CatalogRow. Any layout may add an optional product URL column
// (`product_url`, or `url` / `link`): where the product is sold, http(s) only.
// Pure: no I/O.
import { z } from "zod";
import { httpUrl } from "@/lib/format/store-link";
import type { Gender } from "@/lib/recommender/types";

export type CatalogFormat = "stylenova" | "styles" | "items";

export const STYLENOVA_COLUMNS = [
  "id", "name", "brand", "gender", "category", "subcategory", "article_type", "colours", "pattern",
  "styles", "season", "year", "price", "currency", "sizes", "description", "image",
] as const;

/** A validated catalog row, whatever the source layout. */
export interface CatalogRow {
  externalId: string;
  name: string;
  brand: string;
  gender: Gender;
  category: string;
  subcategory: string;
  articleType: string;
  colours: string[];
  styles: string[];
  pattern: string | null;
  season: string | null;
  year: number | null;
  priceCents: number | null;
  currency: string;
  sizes: string[];
  description: string;
  image: string; // path relative to the CSV folder or the images folder
  productUrl: string | null; // where it is sold (http/https), null when the row has none
}

/** Decide the layout from the header, or explain what is missing. */
export function detectFormat(header: string[]): { format: CatalogFormat } | { error: string } {
  const cols = new Set(header.map((h) => h.trim()));
  const format: CatalogFormat = cols.has("masterCategory")
    ? "styles"
    : cols.has("colours") || cols.has("article_type") && !cols.has("colour")
      ? "stylenova"
      : cols.has("colour")
        ? "items"
        : "stylenova";
  const missing = requiredColumns(format).filter((c) => !cols.has(c));
  if (missing.length > 0) {
    return { error: `header is missing column(s) ${missing.map((m) => `"${m}"`).join(", ")} for the ${format} layout` };
  }
  return { format };
}

const text = (max: number) => z.string().trim().max(max, `longer than ${max} characters`);
const required = (max: number) => text(max).min(1, "is empty");
const optionalText = (max: number) => text(max).transform((s) => (s === "" ? null : s));

const GENDER_VALUES = ["women", "men", "unisex", "boys", "girls"] as const;
const genderSchema = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const g = s.toLowerCase();
    if (!(GENDER_VALUES as readonly string[]).includes(g)) {
      ctx.addIssue({ code: "custom", message: `unknown gender "${s}" (expected Women, Men, Unisex, Boys or Girls)` });
      return z.NEVER;
    }
    return g as Gender;
  });

const yearSchema = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === "") return null;
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1900 || n > 2100) {
      ctx.addIssue({ code: "custom", message: `"${s}" is not a year between 1900 and 2100` });
      return z.NEVER;
    }
    return n;
  });

const priceSchema = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === "") return null;
    if (!/^\d{1,7}(\.\d{1,2})?$/.test(s)) {
      ctx.addIssue({ code: "custom", message: `"${s}" is not a price (use a number like 49.90)` });
      return z.NEVER;
    }
    return Math.round(Number(s) * 100);
  });

const idSchema = z
  .string()
  .trim()
  .min(1, "is empty")
  .max(64, "longer than 64 characters")
  .regex(/^[A-Za-z0-9._-]+$/, "may only contain letters, digits, dot, dash and underscore");

const listSchema = (lower: boolean) =>
  z
    .string()
    .trim()
    .transform((s) =>
      s === "" ? [] : s.split("|").map((x) => (lower ? x.trim().toLowerCase() : x.trim())).filter((x) => x.length > 0),
    );

const colourListSchema = listSchema(true).pipe(z.array(z.string().max(40)).min(1, "needs at least one colour"));

const currencySchema = z
  .string()
  .trim()
  .transform((s) => (s === "" ? "USD" : s.toUpperCase()))
  .pipe(z.string().regex(/^[A-Z]{3}$/, "is not a 3-letter currency code"));

const imagePathSchema = required(300).refine((p) => !p.split(/[\\/]/).includes(".."), "must not leave the images folder");

/** Optional product URL columns, by preference: the first one the header has is read. */
export const PRODUCT_URL_COLUMNS = ["product_url", "url", "link"] as const;

const productUrlSchema = z
  .string()
  .trim()
  .max(2000, "longer than 2000 characters")
  .transform((s, ctx) => {
    if (s === "") return null;
    const url = httpUrl(s);
    if (!url) {
      ctx.addIssue({ code: "custom", message: `"${s.slice(0, 80)}" is not a web address (use a full http:// or https:// URL)` });
      return z.NEVER;
    }
    return url;
  });

/** The row's product URL (null when the layout has no URL column or the cell is empty). */
function productUrlOf(raw: Record<string, string>): { url: string | null } | { error: string } {
  const column = PRODUCT_URL_COLUMNS.find((c) => raw[c] !== undefined);
  if (!column) return { url: null };
  const r = productUrlSchema.safeParse(raw[column]);
  return r.success ? { url: r.data } : { error: `${column}: ${r.error.issues.map((i) => i.message).join("; ")}` };
}

const stylenovaSchema = z.object({
  id: idSchema,
  name: required(200),
  brand: text(80),
  gender: genderSchema,
  category: required(60),
  subcategory: text(60),
  article_type: required(60),
  colours: colourListSchema,
  pattern: optionalText(40).transform((s) => s?.toLowerCase() ?? null),
  styles: listSchema(true),
  season: optionalText(20),
  year: yearSchema,
  price: priceSchema,
  currency: currencySchema,
  sizes: listSchema(false),
  description: text(1000),
  image: imagePathSchema,
});

const stylesSchema = z.object({
  id: idSchema,
  gender: genderSchema,
  masterCategory: required(60),
  subCategory: text(60),
  articleType: required(60),
  baseColour: required(40),
  season: optionalText(20),
  year: yearSchema,
  usage: text(40),
  productDisplayName: required(200),
});

const itemsSchema = z.object({
  id: idSchema,
  name: required(200),
  gender: genderSchema,
  category: required(60),
  subcategory: text(60),
  article_type: required(60),
  colour: required(40),
  season: optionalText(20),
  year: yearSchema,
  usage: text(40),
  brand: text(80),
  price: priceSchema,
  image: imagePathSchema,
});

const SCHEMAS = { stylenova: stylenovaSchema, styles: stylesSchema, items: itemsSchema };

const GENDER_WORDS = /\b(Men|Women|Boys|Girls|Unisex|Kids|Men's|Women's)\b/;

/** Brand guess for styles.csv names: "<Brand> <Gender> <description>". */
export function brandFromName(name: string): string {
  const m = GENDER_WORDS.exec(name);
  if (!m || m.index === 0) return "";
  const before = name.slice(0, m.index).trim();
  return before.split(/\s+/).length <= 3 ? before : "";
}

/** Columns the layout's row schema cannot do without (it rejects them empty); the rest are optional. */
export function requiredColumns(format: CatalogFormat): string[] {
  const shape = SCHEMAS[format].shape as Record<string, z.ZodType>;
  return Object.keys(shape).filter((k) => !shape[k].safeParse("").success);
}

/** The record with every column of the layout present: an absent optional column reads as empty. */
function withAllColumns(format: CatalogFormat, raw: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(SCHEMAS[format].shape).map((k) => [k, raw[k] ?? ""]));
}

/** The generated description of a row that has none. */
export function describe(r: { name: string; colour: string; articleType: string; usage: string; gender: string; brand: string }): string {
  const usage = r.usage ? `${r.usage.toLowerCase()} ` : "";
  const by = r.brand ? ` by ${r.brand}` : "";
  return `${r.name}: a ${usage}${r.articleType.toLowerCase()} in ${r.colour.toLowerCase()} for ${r.gender}${by}.`;
}

function usageToStyles(usage: string): string[] {
  return usage.trim() === "" ? [] : [usage.trim().toLowerCase()];
}

function issueText(err: z.ZodError): string {
  return err.issues
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

/** Validate one record (already split into named fields) of the given layout. */
export function validateRow(format: CatalogFormat, record: Record<string, string>): { row: CatalogRow } | { error: string } {
  const base = layoutRow(format, withAllColumns(format, record));
  const url = productUrlOf(record);
  if ("error" in base) return "error" in url ? { error: `${base.error}; ${url.error}` } : base;
  if ("error" in url) return url;
  return { row: { ...base.row, productUrl: url.url } };
}

function layoutRow(format: CatalogFormat, raw: Record<string, string>): { row: Omit<CatalogRow, "productUrl"> } | { error: string } {
  if (format === "stylenova") {
    const r = stylenovaSchema.safeParse(raw);
    if (!r.success) return { error: issueText(r.error) };
    const d = r.data;
    return {
      row: {
        externalId: d.id, name: d.name, brand: d.brand, gender: d.gender, category: d.category,
        subcategory: d.subcategory || d.category, articleType: d.article_type, colours: d.colours, styles: d.styles,
        pattern: d.pattern, season: d.season, year: d.year, priceCents: d.price, currency: d.currency, sizes: d.sizes,
        description: d.description || describe({ name: d.name, colour: d.colours[0], articleType: d.article_type, usage: d.styles[0] ?? "", gender: d.gender, brand: d.brand }),
        image: d.image,
      },
    };
  }
  if (format === "styles") {
    const r = stylesSchema.safeParse(raw);
    if (!r.success) return { error: issueText(r.error) };
    const d = r.data;
    const brand = brandFromName(d.productDisplayName);
    return {
      row: {
        externalId: d.id, name: d.productDisplayName, brand, gender: d.gender, category: d.masterCategory,
        subcategory: d.subCategory || d.masterCategory, articleType: d.articleType, colours: [d.baseColour.toLowerCase()],
        styles: usageToStyles(d.usage), pattern: null, season: d.season, year: d.year, priceCents: null, currency: "USD", sizes: [],
        description: describe({ name: d.productDisplayName, colour: d.baseColour, articleType: d.articleType, usage: d.usage, gender: d.gender, brand }),
        image: `${d.id}.jpg`,
      },
    };
  }
  const r = itemsSchema.safeParse(raw);
  if (!r.success) return { error: issueText(r.error) };
  const d = r.data;
  return {
    row: {
      externalId: d.id, name: d.name, brand: d.brand, gender: d.gender, category: d.category,
      subcategory: d.subcategory || d.category, articleType: d.article_type, colours: [d.colour.toLowerCase()],
      styles: usageToStyles(d.usage), pattern: null, season: d.season, year: d.year, priceCents: d.price, currency: "USD", sizes: [],
      description: describe({ name: d.name, colour: d.colour, articleType: d.article_type, usage: d.usage, gender: d.gender, brand: d.brand }),
      image: d.image,
    },
  };
}
