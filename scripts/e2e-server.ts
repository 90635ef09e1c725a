import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

/**
 * The server the browser tests drive: `npm start` (which builds when needed) on
 * a fresh embedded database, so every run starts from the demo data alone.
 */
const dataDir = path.resolve(process.env.DATA_DIR ?? "./data/e2e");
if (!dataDir.startsWith(path.resolve("data")))
  throw new Error(`Refusing to clear ${dataDir}: the e2e data directory must be under ./data`);
rmSync(dataDir, { recursive: true, force: true });

const server = spawn("npm", ["start"], { stdio: "inherit", env: { ...process.env, DATA_DIR: dataDir } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
