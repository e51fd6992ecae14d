// Prisma CLI configuration: migrate and diff through the better-sqlite3 driver adapter
// (the js engine), so no native schema engine has to be downloaded.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const dataDir = process.env.DATA_DIR ?? path.join(__dirname, ".data");
const url = process.env.DATABASE_URL ?? `file:${path.join(dataDir, "stylenova.db")}`;

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
