// Quiz answers: request schema shared by the quiz page and POST /api/quiz.
import { z } from "zod";

const label = z.string().trim().min(1, "must not be empty").max(60, "must be at most 60 characters");
const list = (max: number) => z.array(label).max(max, `at most ${max} choices`).default([]);

export const budgetSchema = z
  .strictObject({
    minCents: z.number().int().min(0).max(10_000_000).nullable().default(null),
    maxCents: z.number().int().min(0).max(10_000_000).nullable().default(null),
  })
  .refine((b) => b.minCents === null || b.maxCents === null || b.minCents <= b.maxCents, {
    message: "minCents must not exceed maxCents",
  });

export const quizSchema = z.strictObject({
  categories: list(30),
  colours: list(30),
  brands: list(30),
  styles: list(20),
  gender: z.enum(["women", "men", "unisex", "boys", "girls"]).nullable().default(null),
  sizes: list(30),
  budget: budgetSchema.default({ minCents: null, maxCents: null }),
});

export type QuizInput = z.input<typeof quizSchema>;
export type Quiz = z.output<typeof quizSchema>;
