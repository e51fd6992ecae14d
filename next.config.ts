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
  // Product pictures come from the /media route (1024 px masters in the data folder) and are
  // served resized for the device at 2x, as AVIF or WebP (app/_components/product-image.tsx).
  images: {
    localPatterns: [{ pathname: "/media/**", search: "" }],
    formats: ["image/avif", "image/webp"],
    deviceSizes: [384, 480, 640, 750, 828, 1024], // the masters are 1024 px wide: nothing larger
    imageSizes: [96, 128, 192, 256, 320],
    qualities: [75],
    minimumCacheTTL: 86_400,
  },
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV !== "production") }];
  },
};

export default nextConfig;
