// GET /api/quiz/options response: the choices the quiz offers, computed from the catalog.
// Types only (shared by the quiz page and the route handler).

export interface OptionCount {
  value: string;
  count: number;
}

export interface OptionWithImage extends OptionCount {
  /** a representative product image (/media/...), null when no product has one */
  imageUrl: string | null;
  /** styles only: products that have the style, most representative first, one per article type and gender */
  examples?: StyleExample[];
}

export interface StyleExample {
  articleType: string;
  gender: string;
  count: number;
  imageUrl: string;
}

/** Sizes of one kind (letter, waist, shoe, other) with a heading derived from the catalog. */
export interface SizeGroup {
  key: "letter" | "waist" | "shoe" | "other";
  label: string; // e.g. "Clothing (XS–XL)", "Waist (26–36)", "Shoes (EU 36–45)"
  examples: string[]; // the article types that use these sizes most, e.g. ["Tshirts", "Dresses"]
  sizes: string[];
}

export interface QuizOptions {
  categories: OptionWithImage[]; // article types
  colours: OptionCount[];
  brands: OptionCount[];
  styles: OptionWithImage[];
  sizes: string[];
  /** the same sizes under labelled headings (a value may sit in two groups, e.g. waist 36 and shoe 36) */
  sizeGroups: SizeGroup[];
  /** values with fewer products than this are offered under "More" (see app/api/quiz/options/options.ts) */
  minCount: number;
  genders: OptionCount[];
  price: { minCents: number | null; maxCents: number | null; currency: string };
}
