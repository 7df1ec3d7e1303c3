import { defineConfig } from "prisma/config";

// The CLI's view of the database. The app and the build open SQLite through the better-sqlite3
// adapter (lib/db/client.ts, scripts/db-build.ts); this is only for `prisma migrate`/`studio`
// where the schema engine is available.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/evidence.db" },
});
