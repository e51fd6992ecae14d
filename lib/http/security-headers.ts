// Security headers for every response, applied by next.config.ts headers(). Loaded by
// the Next config loader, so it must import nothing (no "server-only", no aliases).
// Next needs inline bootstrap scripts (no nonce set-up here), so
// script-src allows 'unsafe-inline'; 'unsafe-eval' only in development (React's dev
// tooling uses eval). Images may be data:/blob: (photo search previews).
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

export function securityHeaders(dev: boolean): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(dev) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}
