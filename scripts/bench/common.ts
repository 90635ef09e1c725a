import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrateDatabase, openDatabase, type DatabaseHandle } from "@/db/client";

/** Shared pieces of the benchmark scripts: arguments, a throwaway database, a progress bar, percentiles. */
export function benchArgs(): Map<string, string> {
  return new Map(
    process.argv
      .slice(2)
      .flatMap((arg, index, all) => (arg.startsWith("--") ? [[arg.slice(2), all[index + 1] ?? ""]] : [])),
  );
}

export const benchServerUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export async function withThrowawayDatabase<T>(
  name: string,
  keep: boolean,
  run: (handle: DatabaseHandle, client: pg.Client) => Promise<T>,
): Promise<T> {
  const admin = new pg.Client({ connectionString: benchServerUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(benchServerUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ kind: "postgres", url: url.toString(), poolSize: 4 });
  const client = new pg.Client({ connectionString: url.toString() });
  client.on("error", () => undefined); // the final DROP DATABASE ends this connection
  try {
    await migrateDatabase(handle);
    await client.connect();
    return await run(handle, client);
  } finally {
    await client.end().catch(() => undefined);
    await handle.close();
    if (!keep) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export function progress(done: number, total: number, label: string) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stdout.write(
    `\r  ${label.padEnd(14)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done.toLocaleString("en")}/${total.toLocaleString("en")}`,
  );
  if (done >= total) process.stdout.write("\n");
}

export type Figures = { p50: number; p95: number; p99: number };

/** Runs an operation `runs` times after `warmup` runs and returns its latency percentiles in milliseconds. */
export async function measure(
  runs: number,
  operation: (run: number) => Promise<unknown>,
  warmup = 10,
): Promise<Figures> {
  const timings: number[] = [];
  for (let run = 0; run < runs + warmup; run += 1) {
    const started = performance.now();
    await operation(run);
    if (run >= warmup) timings.push(performance.now() - started);
  }
  return percentiles(timings);
}

/** Like measure, for two subjects taking turns (turn 0, 1, 0, 1, ...): percentiles for each. */
export async function measurePair(
  runs: number,
  operation: (turn: number) => Promise<unknown>,
  warmup = 10,
): Promise<[Figures, Figures]> {
  const timings: [number[], number[]] = [[], []];
  for (let turn = 0; turn < 2 * (runs + warmup); turn += 1) {
    const started = performance.now();
    await operation(turn);
    if (turn >= 2 * warmup) timings[turn % 2]!.push(performance.now() - started);
  }
  return [percentiles(timings[0]), percentiles(timings[1])];
}

function percentiles(values: number[]): Figures {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

export const ms = (value: number) => value.toFixed(2).padStart(8);
