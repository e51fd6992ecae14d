// GET /media/<path> - serves normalised product images from the data folder (files
// written at run time, so they cannot live in public/). Only files whose real path is inside
// the media folder are served.
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

export const runtime = "nodejs";

const TYPES: Record<string, string> = { ".webp": "image/webp", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg" };

export async function GET(_req: Request, ctx: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const parts = (await ctx.params).path;
  if (parts.some((p) => p === ".." || p.startsWith(".") || p.includes("\\") || p.includes("\0"))) {
    return Response.json({ error: "Invalid media path" }, { status: 400 });
  }
  const type = TYPES[path.extname(parts[parts.length - 1] ?? "").toLowerCase()];
  if (!type) return Response.json({ error: "Unsupported media type" }, { status: 404 });
  const root = env().mediaDir;
  const file = path.join(root, ...parts);
  if (!file.startsWith(root + path.sep)) return Response.json({ error: "Invalid media path" }, { status: 400 });
  try {
    // the real path, so a symbolic link in the media folder cannot lead out of it
    const [real, realRoot] = await Promise.all([fs.realpath(file), fs.realpath(root)]);
    if (!real.startsWith(realRoot + path.sep)) return Response.json({ error: "Image not found" }, { status: 404 });
    const bytes = await fs.readFile(real);
    return new Response(new Uint8Array(bytes), {
      headers: { "Content-Type": type, "Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff" },
    });
  } catch {
    return Response.json({ error: "Image not found" }, { status: 404 });
  }
}
