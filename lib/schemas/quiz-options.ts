// GET /api/quiz/options response: the choices the quiz offers, computed from the catalog.
// Types only (shared by the quiz page and the route handler).

export interface OptionCount {
  value: string;
  count: number;
}

export interface OptionWithImage extends OptionCount {
  /** a representative product image (/media/...), null when no product has one */
  imageUrl: string | null;
}

export interface QuizOptions {
  categories: OptionWithImage[]; // article types
  colours: OptionCount[];
  brands: OptionCount[];
  styles: OptionWithImage[];
  sizes: string[];
  genders: OptionCount[];
  price: { minCents: number | null; maxCents: number | null; currency: string };
}
