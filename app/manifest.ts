// /manifest.webmanifest: lets a shopper install StyleNova on a phone home screen, opening
// straight into the deck. Icons are committed files (lib/cli/icons-generate.ts draws them).
// Next links it from every page itself. Must not import server-only modules.
import type { MetadataRoute } from "next";

const ICONS = [
  { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
  { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
  { src: "/icons/icon-maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
  { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
] as const;

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/deck",
    name: "StyleNova: swipe your style",
    short_name: "StyleNova",
    description: "Swipe through fashion and StyleNova learns your taste in real time.",
    start_url: "/deck",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#fafaf9",
    theme_color: "#e11d55",
    categories: ["shopping", "lifestyle"],
    icons: ICONS.map((i) => ({ ...i })),
  };
}
