// The project's own catalog CSV format: header, RFC 4180 quoting, UTF-8, "\n" line ends,
// "|"-separated lists. A small writer (and a matching reader, used by the tests).
// Pure string work: reuses lib/catalog/csv (the importer's parser), no node:* I/O.

import type { CatalogRow } from "./generate";

export const CSV_HEADER = [
  "id", "name", "brand", "gender", "category", "subcategory", "article_type", "colours", "pattern",
  "styles", "season", "year", "price", "currency", "sizes", "description", "image",
] as const;

import { csvField, csvLine as libCsvLine, parseCsv as libParseCsv } from "@/lib/catalog/csv";

/** Quote a field when it holds a comma, a quote, CR or LF; double the quotes inside. */
export const escapeCsvField = (value: string): string => csvField(value);

export function csvLine(fields: readonly string[]): string {
  return libCsvLine([...fields]);
}

export function rowToFields(row: CatalogRow): string[] {
  return [
    row.id, row.name, row.brand, row.gender, row.category, row.subcategory, row.articleType,
    row.colours.map((c) => c.toLowerCase()).join("|"), row.pattern, row.styles.map((s) => s.toLowerCase()).join("|"),
    row.season, String(row.year), row.price.toFixed(2), row.currency, row.sizes.join("|"), row.description, row.image,
  ];
}

/** The whole CSV document (header + rows), each line ending in "\n". */
export function toCsv(rows: readonly CatalogRow[]): string {
  let out = csvLine(CSV_HEADER) + "\n";
  for (const row of rows) out += csvLine(rowToFields(row)) + "\n";
  return out;
}

/** Parse RFC 4180 text into records of fields (quoted fields may span lines). */
export function parseCsv(text: string): string[][] {
  return libParseCsv(text).map((r) => r.fields);
}
