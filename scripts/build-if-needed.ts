import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// The build check shared by `npm start` and the benchmark: a fingerprint of the sources, kept beside the build.
const root = process.cwd();
const buildInputs = ["src", "public", "package-lock.json", "next.config.ts", "postcss.config.mjs", "tsconfig.json"];
const stampFile = path.join(root, ".next", "callback-build-stamp");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function filesUnder(entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => path.relative(root, path.join(dirent.parentPath, dirent.name)))
    .filter((file) => !/\.test\.tsx?$/.test(file))
    .sort();
}

function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of buildInputs.flatMap(filesUnder)) {
    hash.update(file);
    hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest("hex");
}

/** Builds the app with `next build` unless a build of the current sources exists. */
export function ensureBuild() {
  const fingerprint = sourceFingerprint();
  const isCurrent =
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === fingerprint;
  if (isCurrent) return;
  console.log("Building Callback (first start, or the sources changed): about a minute...");
  const started = Date.now();
  // The build's own report (the route table, experimental flags) is kept for when it fails; no telemetry.
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) {
    process.stdout.write(build.stdout ?? "");
    process.stderr.write(build.stderr ?? "");
    console.error(build.error ? build.error.message : "The build failed; its output is above.");
    process.exit(build.status ?? 1);
  }
  writeFileSync(stampFile, fingerprint);
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s. Starting the server and the database...`);
}
