import type { BlobStorage } from "./storage";

export type CopyReport = { copied: number; skipped: number; bytes: number };

/**
 * Copies every object of one store into another, streaming each, and skips
 * those already there at the same size, so it can run again after an
 * interruption (or before the switch, then once more after it).
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
      continue;
    }
    const stream = await from.openRead(key);
    if (!stream) continue;
    await to.putStream(key, stream);
    report.copied += 1;
    report.bytes += source.size;
    if (report.copied % 100 === 0) log(`copied ${report.copied} objects so far`);
  }
  return report;
}
