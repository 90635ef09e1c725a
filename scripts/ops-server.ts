import { spawn } from "node:child_process";
import pg from "pg";

/**
 * One app instance for the operations stories (two or more instances on one
 * PostgreSQL). With --fresh it first recreates the database named by
 * DATABASE_URL and starts through `npm start` (building when needed); without,
 * it serves the existing build (`npm run serve`).
 */
const fresh = process.argv.includes("--fresh");
const url = new URL(process.env.DATABASE_URL ?? "");
const name = url.pathname.slice(1);
if (!/^callback_(ops|security|crash)\w*$/.test(name))
  throw new Error(
    `Refusing to recreate ${name}: the database must be named callback_ops..., callback_security... or callback_crash...`,
  );

async function main() {
  if (fresh) {
    const admin = new pg.Client({
      connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString(),
    });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
  }
  // Plain node with the TypeScript loader: one process, so signals reach the server itself.
  const server = spawn(process.execPath, ["--import", "tsx", fresh ? "scripts/start.ts" : "scripts/server.ts"], {
    stdio: "inherit",
    env: process.env,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
