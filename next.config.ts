import type { NextConfig } from "next";
import { DEVICE_WIDTHS, IMAGE_QUALITY, THUMB_WIDTHS } from "./lib/format/image-widths";
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
    deviceSizes: [...DEVICE_WIDTHS],
    imageSizes: [...THUMB_WIDTHS],
    qualities: [IMAGE_QUALITY],
    minimumCacheTTL: 86_400,
  },
  // `npm start` builds with STYLENOVA_SKIP_TYPECHECK=1: the type check belongs to `npm run
  // typecheck` and `npm test` (both run tsc), not to every first start of a clone.
  typescript: { ignoreBuildErrors: process.env.STYLENOVA_SKIP_TYPECHECK === "1" },
  // A one-shot production build (a clone's first `npm start`, CI): no persistent Turbopack cache
  // to write (STYLENOVA_BUILD_CACHE=1 keeps one for repeated local builds) and no server source
  // maps, which `next start` does not read unless Node runs with --enable-source-maps.
  experimental: { turbopackFileSystemCacheForBuild: process.env.STYLENOVA_BUILD_CACHE === "1", turbopackSourceMaps: false },
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV !== "production") }];
  },
};

export default nextConfig;
