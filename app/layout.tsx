// Root layout: system fonts only, and a tiny inline script that applies the stored or
// system colour theme before first paint (no flash). Server Component.
import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "StyleNova", template: "%s · StyleNova" },
  description: "Swipe through fashion and StyleNova learns your taste in real time.",
  applicationName: "StyleNova",
  // icons come from app/icon.svg, app/favicon.ico and app/apple-icon.png; the manifest from app/manifest.ts
  appleWebApp: { capable: true, title: "StyleNova", statusBarStyle: "default" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

// Keep in sync with app/_components/theme-toggle.tsx (storage key "sn-theme").
const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem("sn-theme");var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);var e=document.documentElement;e.classList.toggle("dark",d);e.style.colorScheme=d?"dark":"light"}catch(_){}})()`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-full font-sans">{children}</body>
    </html>
  );
}
