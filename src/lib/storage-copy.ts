import type { BlobStorage } from "./storage";

export type CopyReport = { copied: number; skipped: number; bytes: number };

const LARGE_OBJECT_BYTES = 8 * 1024 * 1024;

/** "copied N, skipped M, X MB": the tally `npm run media:copy` prints as it goes and at the end. */
export function describeCopy(report: CopyReport): string {
  return `copied ${report.copied}, skipped ${report.skipped}, ${(report.bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Copies every object of one store into another, streaming each, and skips
 * those already there at the same size, so it can run again after an
 * interruption (or before the switch, then once more after it). Logs each
 * large object as it starts and the tally every 100 objects.
 */
export async function copyStore(
  from: BlobStorage,
  to: BlobStorage,
  log: (line: string) => void = () => {},
): Promise<CopyReport> {
  const report: CopyReport = { copied: 0, skipped: 0, bytes: 0 };
  for await (const key of from.list("")) {
    const source = await from.stat(key);
    if (!source) continue;
    const target = await to.stat(key);
    if (target && target.size === source.size) {
      report.skipped += 1;
    } else {
      const stream = await from.openRead(key);
      if (!stream) continue;
      if (source.size >= LARGE_OBJECT_BYTES) log(`copying ${key} (${(source.size / 1024 / 1024).toFixed(1)} MB)`);
      await to.putStream(key, stream);
      report.copied += 1;
      report.bytes += source.size;
    }
    if ((report.copied + report.skipped) % 100 === 0) log(describeCopy(report));
  }
  return report;
}
