import "server-only";
import { rm } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "@/lib/env";

/**
 * Where the bytes of a resumable upload wait until the last one arrives:
 * DATA_DIR/upload-staging/<uploadId> (with tus's <uploadId>.json beside it).
 * A finished upload is streamed from here into the store and removed; an
 * abandoned one is removed by the worker (decision record 025).
 */
export function stagingDirectory(): string {
  return path.join(getEnv().dataDir, "upload-staging");
}

const UPLOAD_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function stagedFilePath(uploadId: string): string {
  if (!UPLOAD_ID.test(uploadId)) throw new Error(`Invalid upload id: ${JSON.stringify(uploadId)}`);
  return path.join(stagingDirectory(), uploadId);
}

/** Removes an upload's staged bytes and tus's record of it; nothing there is fine. */
export async function removeStagedUpload(uploadId: string): Promise<void> {
  const file = stagedFilePath(uploadId);
  await Promise.all([rm(file, { force: true }), rm(`${file}.json`, { force: true })]);
}
