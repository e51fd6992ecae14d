// Feedback, undo and next-cards request schemas shared by the deck and the API.
import { z } from "zod";

export const feedbackSchema = z.strictObject({
  productId: z.number().int().positive(),
  action: z.enum(["like", "pass", "superlike"]),
  clientEventId: z
    .string()
    .min(8, "must be at least 8 characters")
    .max(64, "must be at most 64 characters")
    .regex(/^[A-Za-z0-9_-]+$/, "may only contain letters, digits, dash and underscore"),
  position: z.number().int().min(0).max(100_000).optional(),
  /** the score and components the card showed (recorded for analysis; never trusted for ranking) */
  score: z.number().finite().min(-100).max(100).optional(),
  components: z
    .strictObject({
      content: z.number().finite().min(-100).max(100).nullable(),
      collaborative: z.number().finite().min(-100).max(100).nullable(),
      visual: z.number().finite().min(-100).max(100).nullable(),
      taste: z.number().finite().min(-100).max(100).optional(),
      /** the taste term's former name: swipes queued by an older client still arrive */
      preference: z.number().finite().min(-100).max(100).optional(),
      penalty: z.number().finite().min(-100).max(100),
    })
    .optional(),
});
export type FeedbackInput = z.infer<typeof feedbackSchema>;

export const nextCardsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1, "must be at least 1").max(50, "must be at most 50").default(10),
  /** ids the client already has, in display order (recent swipes, then its buffer): excluded, and the batch rules continue them */
  exclude: z
    .string()
    .max(2000)
    .optional()
    .transform((s) => (s ? s.split(",").filter(Boolean).map(Number) : []))
    .pipe(z.array(z.number().int().positive()).max(100, "at most 100 ids")),
  /** "id:rev" of the cards the client still holds (its buffer): hidden/deleted ones come back in `removed`, changed ones in `updated` */
  revs: z
    .string()
    .max(2400)
    .optional()
    .transform((s) => (s ? s.split(",").filter(Boolean) : []))
    .pipe(z.array(z.string().regex(/^[1-9][0-9]{0,8}:[0-9a-z]{1,12}$/, 'must be "id:rev"')).max(100, "at most 100 entries"))
    .transform((xs) => xs.map((x) => ({ id: Number(x.split(":")[0]), rev: x.split(":")[1] }))),
});

export const undoSchema = z.strictObject({
  /** the clientEventId of the swipe being undone; makes a retried undo a no-op */
  clientEventId: feedbackSchema.shape.clientEventId.optional(),
});
export type UndoInput = z.infer<typeof undoSchema>;
