// ESLint: Next.js core-web-vitals + TypeScript rules, plus the architecture rule that
// lib/recommender stays pure (imports nothing outside itself).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/recommender/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/*", "../*", "!./*"], message: "lib/recommender is pure: import only from inside lib/recommender." },
            { group: ["node:*", "fs", "path", "@prisma/*", "next", "next/*", "react"], message: "lib/recommender is pure: no I/O or framework imports." },
          ],
        },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Inject a seeded rng instead." },
        { object: "Date", property: "now", message: "Inject the time instead." },
      ],
    },
  },
];

export default config;
