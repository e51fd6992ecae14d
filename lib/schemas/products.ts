// Catalog browsing request schemas (query strings), shared by the shop pages and
// GET /api/products, and the photo search limits. GET /api/search's parameters are
// lib/search/url.ts.
import { z } from "zod";

const GENDER_VALUES = ["women", "men", "unisex", "boys", "girls"] as const;
const attr = z.string().trim().min(1, "must not be empty").max(60, "must be at most 60 characters").optional();

export const productListQuerySchema = z.strictObject({
  q: z.string().trim().max(200, "must be at most 200 characters").optional().transform((s) => s || undefined),
  gender: z.enum(GENDER_VALUES).optional(),
  articleType: attr,
  category: attr,
  colour: attr,
  brand: attr,
  offset: z.coerce.number().int("must be an integer").min(0, "must not be negative").max(1_000_000, "must be at most 1000000").default(0),
  limit: z.coerce.number().int("must be an integer").min(1, "must be at least 1").max(100, "must be at most 100").default(24),
});
export type ProductListQuery = z.output<typeof productListQuerySchema>;

/** Limits of POST /api/search/photo (the client checks them before uploading). */
export { PHOTO_LIMITS } from "./photo-limits";
