// Prisma CLI configuration: JS (WASM) schema engine + driver adapter, so no native engine is
// ever downloaded (docs/decisions/0001-database.md).
import "./prisma/cli/unref-long-timers";
import { defineConfig } from "prisma/config";
import { PrismaPgForCli, pgConfigFromUrl } from "./prisma/cli/pg-cli-adapter";
import { resolveDatabaseUrl } from "./lib/database-url";

// The schema's `url = env("DATABASE_URL")` must resolve even on the embedded default: when it
// does not, Prisma 6 falls back to the native query engine and tries to download it.
process.env.DATABASE_URL = resolveDatabaseUrl();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaPgForCli(pgConfigFromUrl(resolveDatabaseUrl())),
});
