// Environment, parsed once with zod. Server-only: never import from client components.
import "server-only";
import path from "node:path";
import { z } from "zod";

const boolish = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : ["1", "true", "yes"].includes(v)));

const envSchema = z.object({
  DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z.string().min(1).optional(),
  MODELS_DIR: z.string().min(1).optional(),
  CLIP_MODEL: z.string().min(1).default("Xenova/clip-vit-base-patch32"),
  CLIP_QUANTIZED: boolish,
  ORT_THREADS: z.coerce.number().int().min(1).max(64).default(2),
  ADMIN_TOKEN: z.string().min(8, "ADMIN_TOKEN must be at least 8 characters").optional().or(z.literal("").transform(() => undefined)),
  SESSION_SECRET: z.string().min(16, "SESSION_SECRET must be at least 16 characters").optional().or(z.literal("").transform(() => undefined)),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** "thread": `npm start` trains the collaborative model in a worker thread; "off": run `npm run train` instead */
  COLLAB_TRAINER: z.enum(["thread", "off"]).default("thread"),
  /** SQLite durability: "normal" (WAL: survives a process crash, may lose the last commits on a
   *  power cut or OS crash) or "full" (also survives those, at a cost per write) */
  SQLITE_SYNCHRONOUS: z.enum(["normal", "full"], { error: 'SQLITE_SYNCHRONOUS must be "normal" or "full"' }).default("normal"),
});

export interface AppEnv {
  dataDir: string;
  databaseUrl: string;
  modelsDir: string;
  mediaDir: string;
  clipModel: string;
  clipQuantized: boolean;
  ortThreads: number;
  adminToken: string | undefined;
  sessionSecret: string | undefined;
  nodeEnv: "development" | "production" | "test";
  collabTrainer: "thread" | "off";
  sqliteSynchronous: "normal" | "full";
}

/** Parse an environment object (process.env by default). Throws a readable error. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  // turbopackIgnore: run-time folders, not files the server bundle should trace
  const dataDir = path.resolve(/*turbopackIgnore: true*/ e.DATA_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".data"));
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, "stylenova.db")}`,
    modelsDir: path.resolve(/*turbopackIgnore: true*/ e.MODELS_DIR ?? path.join(/*turbopackIgnore: true*/ dataDir, "models")),
    mediaDir: path.join(dataDir, "media"),
    clipModel: e.CLIP_MODEL,
    clipQuantized: e.CLIP_QUANTIZED ?? true,
    ortThreads: e.ORT_THREADS,
    adminToken: e.ADMIN_TOKEN,
    sessionSecret: e.SESSION_SECRET,
    nodeEnv: e.NODE_ENV,
    collabTrainer: e.COLLAB_TRAINER,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
  };
}

let cached: AppEnv | undefined;
/** The process environment, parsed on first use. */
export function env(): AppEnv {
  cached ??= parseEnv();
  return cached;
}
