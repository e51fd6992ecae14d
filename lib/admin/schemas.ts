// Zod schemas of the admin API (login, catalog list query, product edit, export query),
// shared by the route handlers and the admin's client forms. Pure: no I/O, no server imports.
import { z } from "zod";
import { httpUrl } from "@/lib/format/store-link";

export const GENDER_VALUES = ["women", "men", "unisex", "boys", "girls"] as const;

export const loginSchema = z.strictObject({
  token: z.string().min(1, "is required").max(512, "must be at most 512 characters"),
});

const attr = z.string().trim().max(60, "must be at most 60 characters").optional().transform((s) => s || undefined);

export const adminProductQuerySchema = z.strictObject({
  q: z.string().trim().max(200, "must be at most 200 characters").optional().transform((s) => s || undefined),
  articleType: attr,
  gender: z.enum(GENDER_VALUES).optional(),
  hidden: z.enum(["all", "visible", "hidden"]).default("all"),
  embedding: z.enum(["all", "present", "missing"]).default("all"),
  offset: z.coerce.number().int("must be an integer").min(0, "must not be negative").max(1_000_000).default(0),
  limit: z.coerce.number().int("must be an integer").min(1, "must be at least 1").max(100, "must be at most 100").default(25),
});
export type AdminProductQuery = z.output<typeof adminProductQuerySchema>;

const tag = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const tagList = (max: number, maxItems: number) =>
  z.array(tag(max)).max(maxItems, `at most ${maxItems} values`).transform((xs) => Array.from(new Set(xs)));

export const productPatchSchema = z
  .strictObject({
    name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
    brand: z.string().trim().max(80, "must be at most 80 characters").optional(),
    articleType: tag(60).optional(),
    colours: tagList(40, 10)
      .transform((xs) => xs.map((x) => x.toLowerCase()))
      .refine((xs) => xs.length > 0, "needs at least one colour")
      .optional(),
    styles: tagList(40, 10).transform((xs) => xs.map((x) => x.toLowerCase())).optional(),
    priceCents: z.number().int("must be a whole number of cents").min(0, "must not be negative").max(100_000_000, "is too large").nullable().optional(),
    sizes: tagList(20, 30).optional(),
    description: z.string().trim().max(1000, "must be at most 1000 characters").optional(),
    hidden: z.boolean().optional(),
    /** where the product is sold; null or "" clears it */
    productUrl: z
      .string()
      .trim()
      .max(2000, "must be at most 2000 characters")
      .transform((s, ctx) => {
        if (s === "") return null;
        const url = httpUrl(s);
        if (!url) {
          ctx.addIssue({ code: "custom", message: "must be a full web address starting with http:// or https://" });
          return z.NEVER;
        }
        return url;
      })
      .nullable()
      .optional(),
  })
  .refine((p) => Object.keys(p).length > 0, "nothing to change: send at least one field");
export type ProductPatchInput = z.output<typeof productPatchSchema>;

export const exportQuerySchema = z.strictObject({
  include: z.enum(["positive", "all"]).default("positive"),
});
