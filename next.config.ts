import type { NextConfig } from "next";

// Native packages stay outside the server bundle; they are loaded by Node at run time.
const nextConfig: NextConfig = {
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
