import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";

// Native packages stay outside the server bundle; they are loaded by Node at run time.
const nextConfig: NextConfig = {
  // NEXT_DIST_DIR lets parallel builds (e.g. several e2e runs) use separate folders.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/client",
    "prisma",
    "onnxruntime-node",
    "@xenova/transformers",
    "sharp",
    "usearch",
    "pg",
    "@prisma/adapter-pg",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV !== "production") }];
  },
};

export default nextConfig;
