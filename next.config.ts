import type { NextConfig } from "next";

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
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
