/**
 * Media delivery benchmark (`npm run bench:media`), on the disk store and on
 * an S3-compatible bucket (s3rver, started here): for a 200 MB file, upload
 * throughput into the store, time to first byte of a download, p50/p95 of 1 MB
 * Range reads at random offsets, and the serving process's peak memory while
 * 50 downloads of the whole file run at once - measured again with a 20 MB
 * file, to show it does not grow with the file's size. Prints a table; the
 * figures go in docs/performance.md.
 *
 * Options: --mb N (default 200), --downloads N (default 50), --ranges N (default 200),
 * --drivers disk,s3.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { parseArgs } from "node:util";
import S3rver from "s3rver";
import { LocalDiskStorage, type BlobStorage } from "../../src/lib/storage";
import { S3Storage } from "../../src/lib/storage-s3";

const { values } = parseArgs({
  options: {
    mb: { type: "string", default: "200" },
    downloads: { type: "string", default: "50" },
    ranges: { type: "string", default: "200" },
    drivers: { type: "string", default: "disk,s3" },
  },
});
const MB = 1024 * 1024;
const BUCKET = "bench-media";

async function makeFile(dir: string, megabytes: number): Promise<string> {
  const file = path.join(dir, `file-${megabytes}mb.bin`);
  const out = createWriteStream(file);
  for (let i = 0; i < megabytes; i++) if (!out.write(randomBytes(MB))) await once(out, "drain");
  out.end();
  await once(out, "finish");
  return file;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** GET with optional headers; resolves with the time to the first body byte and the bytes read. */
function fetchTimed(port: number, key: string, headers: Record<string, string> = {}, stopAfterFirst = false) {
  return new Promise<{ ttfbMs: number; totalMs: number; bytes: number; status: number }>((resolve, reject) => {
    const started = performance.now();
    let ttfb = 0;
    let bytes = 0;
    const req = httpRequest({ host: "127.0.0.1", port, path: `/${key}`, headers, agent: false }, (res) => {
      res.on("data", (chunk: Buffer) => {
        if (!ttfb) ttfb = performance.now() - started;
        bytes += chunk.length;
        if (stopAfterFirst) res.destroy();
      });
      const done = () =>
        resolve({ ttfbMs: ttfb, totalMs: performance.now() - started, bytes, status: res.statusCode ?? 0 });
      res.on("end", done);
      res.on("close", done);
    });
    req.on("error", reject);
    req.end();
  });
}

async function startServer(store: object): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "media-server.ts")], {
    env: { ...process.env, BENCH_MEDIA_STORE: JSON.stringify(store), NODE_ENV: "production", LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = /ready (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, port };
}

/** The kernel's record of the process's peak resident memory (VmHWM), in MB. */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function measure(
  name: string,
  storage: BlobStorage,
  store: object,
  files: { big: string; small: string; mb: number },
) {
  const key = `bench/${name}/big`;
  const smallKey = `bench/${name}/small`;
  const uploadStart = performance.now();
  const { size } = await storage.putStream(key, createReadStream(files.big));
  const uploadSeconds = (performance.now() - uploadStart) / 1000;
  await storage.putStream(smallKey, createReadStream(files.small));

  const results: Record<string, string> = { "upload MB/s": (size / MB / uploadSeconds).toFixed(0) };
  const downloads = Number(values.downloads);

  for (const [label, target] of [
    ["big", key],
    ["small", smallKey],
  ] as const) {
    // A fresh server per file size, so each peak is its own.
    const { child, port } = await startServer(store);
    try {
      if (label === "big") {
        const ttfb: number[] = [];
        for (let i = 0; i < 20; i++) ttfb.push((await fetchTimed(port, target, {}, true)).ttfbMs);
        results["TTFB p50 ms"] = percentile(
          ttfb.sort((a, b) => a - b),
          50,
        ).toFixed(1);
        const ranges: number[] = [];
        for (let i = 0; i < Number(values.ranges); i++) {
          const start = Math.floor(Math.random() * (size - MB));
          const answer = await fetchTimed(port, target, { Range: `bytes=${start}-${start + MB - 1}` });
          if (answer.status !== 206 || answer.bytes !== MB) throw new Error(`range read answered ${answer.status}`);
          ranges.push(answer.totalMs);
        }
        ranges.sort((a, b) => a - b);
        results["range 1 MB p50 ms"] = percentile(ranges, 50).toFixed(1);
        results["range 1 MB p95 ms"] = percentile(ranges, 95).toFixed(1);
      }
      const idle = await peakRssMb(child.pid!);
      const started = performance.now();
      const all = await Promise.all(Array.from({ length: downloads }, () => fetchTimed(port, target)));
      const seconds = (performance.now() - started) / 1000;
      const bytes = all.reduce((sum, answer) => sum + answer.bytes, 0);
      const expected = (await storage.stat(target))!.size;
      const short = all.filter((answer) => answer.status !== 200 || answer.bytes !== expected);
      if (short.length > 0) throw new Error(`${short.length} of ${downloads} downloads did not arrive whole`);
      const peak = await peakRssMb(child.pid!);
      const fileMb = label === "big" ? files.mb : Math.max(1, Math.round(files.mb / 10));
      results[`${downloads} downloads of ${fileMb} MB: MB/s`] = (bytes / MB / seconds).toFixed(0);
      results[`peak RSS ${fileMb} MB file (MB)`] = `${peak.toFixed(0)} (idle ${idle.toFixed(0)})`;
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  }
  await storage.delete([key, smallKey]);
  return results;
}

async function main() {
  const megabytes = Number(values.mb);
  const dir = await mkdtemp(path.join(os.tmpdir(), "callback-bench-media-"));
  const drivers = values.drivers.split(",");
  let s3: S3rver | null = null;
  try {
    const files = {
      big: await makeFile(dir, megabytes),
      small: await makeFile(dir, Math.max(1, Math.round(megabytes / 10))),
      mb: megabytes,
    };
    const table: Record<string, Record<string, string>> = {};
    if (drivers.includes("disk")) {
      const root = path.join(dir, "disk-store");
      table.disk = await measure("disk", new LocalDiskStorage(root), { driver: "disk", root }, files);
    }
    if (drivers.includes("s3")) {
      s3 = new S3rver({
        port: 0,
        address: "127.0.0.1",
        silent: true,
        directory: path.join(dir, "s3rver"),
        configureBuckets: [{ name: BUCKET, configs: [] }],
      });
      const { port } = (await s3.run()) as { port: number };
      const endpoint = `http://127.0.0.1:${port}`;
      const storage = new S3Storage({
        bucket: BUCKET,
        region: "us-east-1",
        endpoint,
        accessKeyId: "S3RVER",
        secretAccessKey: "S3RVER",
        forcePathStyle: true,
      });
      table["s3 (s3rver)"] = await measure("s3", storage, { driver: "s3", endpoint, bucket: BUCKET }, files);
    }
    console.log(`\nMedia delivery, ${megabytes} MB file, ${os.cpus().length} cores, Node ${process.version}\n`);
    const rows = Object.keys(Object.values(table)[0] ?? {});
    const columns = Object.keys(table);
    const width = Math.max(...rows.map((row) => row.length));
    console.log(`${"".padEnd(width)}  ${columns.map((column) => column.padStart(20)).join("")}`);
    for (const row of rows)
      console.log(
        `${row.padEnd(width)}  ${columns.map((column) => (table[column]![row] ?? "-").padStart(20)).join("")}`,
      );
  } finally {
    await s3?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
