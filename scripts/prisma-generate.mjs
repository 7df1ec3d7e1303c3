// Runs `prisma generate` on a fresh offline machine. Generation needs no schema engine, but the CLI
// tries to download one unless PRISMA_SCHEMA_ENGINE_BINARY names a local binary; where none is set
// we point it at a harmless stand-in. `prisma migrate` still needs the real engine.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
