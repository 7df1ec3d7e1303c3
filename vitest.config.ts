import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "lib/testing/empty.ts") },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "i18n/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    pool: "forks",
    // next-intl's ESM imports "next/server" without an extension, which Node's resolver refuses; run
    // it through Vite's resolver instead (the proxy test loads it).
    server: { deps: { inline: ["next-intl"] } },
  },
});
