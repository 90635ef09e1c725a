import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { FileStore } from "@tus/file-store";
import { Server } from "@tus/server";
import { and, count, eq, max, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { mediaFiles, mediaUploads } from "@/db/schema/media";
import { enforce } from "@/lib/decision";
import { AppError, isAppError } from "@/lib/errors";
import { getLogger } from "@/lib/logger";
import { isCrossSiteRequest } from "@/lib/request";
import type { BlobStorage } from "@/lib/storage";
import { checkPremiumAccess } from "@/modules/access/premium";
import type { Actor } from "@/modules/access/types";
import { assertAcceptedFile, assertSizeAllowed, DETECT_HEAD_BYTES } from "./detect";
import { mediaLimits, quotaBytesFor } from "./limits";
import { uploadStartInput } from "./inputs";
import { maxFilesOfPurpose, purposeLabels } from "./options";
import { canManageOwnMedia } from "./policies";
import { mediaStorageKey } from "./internal";
import { releaseReservation, reserveStorage, settleReservation } from "./quota";
import { removeStagedUpload, stagedFilePath, stagingDirectory } from "./staging";

/**
 * Resumable uploads over the tus protocol (decision record 025). The browser
 * creates an upload (POST with the size and what it is for), sends it in
 * chunks (PATCH), and after a lost connection asks how far it got (HEAD) and
 * goes on from there. Bytes wait in the staging area; the last chunk checks
 * the file's type from its own bytes, streams it into the store and leaves a
 * media file "processing" for the worker. Every request is checked against
 * the signed-in account: an upload belongs to the account that created it,
 * and anyone else is told it does not exist.
 */
export const UPLOADS_PATH = "/api/uploads";

/** Each PATCH carries at most this much, below the request proxy's body limit. */
export const UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024;

type UploadContext = { db: Db; storage: BlobStorage; actor: Actor | null };
const contexts = new AsyncLocalStorage<UploadContext>();

function context(): UploadContext {
  const current = contexts.getStore();
  if (!current) throw new Error("An upload request ran outside handleUploadRequest");
  return current;
}

/** A refusal in the shape tus answers with: a status and a sentence for the person. */
function refusal(error: AppError) {
  return { status_code: error.status, body: error.message };
}

function signedInUploader(): Actor {
  const { actor } = context();
  if (!actor) throw new AppError("unauthenticated", "Sign in to upload files.");
  enforce(canManageOwnMedia(actor));
  return actor;
}

async function ownUpload(uploadId: string) {
  const { db } = context();
  const actor = signedInUploader();
  const [row] = await db
    .select()
    .from(mediaUploads)
    .where(and(eq(mediaUploads.id, uploadId), eq(mediaUploads.ownerId, actor.userId)));
  // Missing and someone else's answer the same: an upload id cannot be probed.
  if (!row) throw new AppError("not_found", "That upload does not exist or has expired. Start it again.");
  return { actor, upload: row };
}

function parseCreation(metadata: Record<string, string | null> | undefined, size: number | undefined) {
  const parsed = uploadStartInput.safeParse({
    purpose: metadata?.purpose ?? undefined,
    title: metadata?.title ?? undefined,
    filename: metadata?.filename ?? undefined,
  });
  if (!parsed.success) throw new AppError("invalid_input", parsed.error.issues[0]!.message);
  if (size === undefined) throw new AppError("invalid_input", "The file's size must be sent when the upload starts.");
  return { purpose: parsed.data.purpose, title: parsed.data.title, fileName: parsed.data.filename, size };
}

async function onUploadCreate(uploadId: string, metadata: Record<string, string | null> | undefined, size?: number) {
  const { db } = context();
  const actor = signedInUploader();
  const input = parseCreation(metadata, size);
  assertSizeAllowed(input.purpose, input.size);
  const [existing] = await db
    .select({ files: count() })
    .from(mediaFiles)
    .where(and(eq(mediaFiles.ownerId, actor.userId), eq(mediaFiles.purpose, input.purpose)));
  const allowed = maxFilesOfPurpose[input.purpose];
  if ((existing?.files ?? 0) >= allowed) {
    throw new AppError(
      "conflict",
      allowed === 1
        ? `You already have a ${purposeLabels[input.purpose].one}. Remove it to upload a new one.`
        : `You can keep ${allowed} ${purposeLabels[input.purpose].many.toLowerCase()}. Remove one to upload another.`,
    );
  }
  const quota = quotaBytesFor({ role: actor.role, hasActiveSubscription: checkPremiumAccess(actor).allowed });
  await db.transaction(async (tx) => {
    await reserveStorage(tx, actor.userId, input.size, quota);
    await tx.insert(mediaUploads).values({
      id: uploadId,
      ownerId: actor.userId,
      purpose: input.purpose,
      declaredSize: input.size,
      storageKey: mediaStorageKey(randomUUID(), "original"),
      title: input.title,
      fileName: input.fileName,
    });
  });
}

/** Reads the first bytes of a staged upload, enough to tell its type. */
async function readStagedHead(uploadId: string): Promise<{ head: Uint8Array; size: number }> {
  const file = stagedFilePath(uploadId);
  const { size } = await stat(file);
  const handle = await open(file, "r");
  try {
    const head = new Uint8Array(Math.min(size, DETECT_HEAD_BYTES));
    await handle.read(head, 0, head.length, 0);
    return { head, size };
  } finally {
    await handle.close();
  }
}

/**
 * Ends an upload that will not become a file: its row and its reservation go,
 * and its staged bytes unless tus is about to remove them itself (a cancel).
 */
async function discardUpload(upload: typeof mediaUploads.$inferSelect, { keepStaged = false } = {}) {
  const { db } = context();
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(mediaUploads)
      .where(eq(mediaUploads.id, upload.id))
      .returning({ id: mediaUploads.id });
    if (removed.length > 0) await releaseReservation(tx, upload.ownerId, upload.declaredSize);
  });
  if (!keepStaged) await removeStagedUpload(upload.id);
}

/**
 * Before a chunk is taken: the upload must be the account's own. Once the
 * first bytes are in, a file that is not of the kind it was started as is
 * refused at the next chunk, not after the whole of it has been sent.
 */
async function onIncomingRequest(method: string, uploadId: string) {
  if (method === "POST") return;
  const { db } = context();
  const { upload } = await ownUpload(uploadId);
  if (method === "DELETE") {
    await discardUpload(upload, { keepStaged: true });
    return;
  }
  if (method !== "PATCH") return;
  await db
    .update(mediaUploads)
    .set({ touchedAt: sql`now()` })
    .where(eq(mediaUploads.id, uploadId));
  const staged = await readStagedHead(uploadId).catch(() => null);
  if (staged && staged.head.length >= Math.min(DETECT_HEAD_BYTES, upload.declaredSize)) {
    try {
      assertAcceptedFile(upload.purpose, staged.head, upload.declaredSize);
    } catch (error) {
      await discardUpload(upload);
      throw error;
    }
  }
}

/** After the last byte: check the whole file, store it, and leave it for processing. */
async function onUploadFinish(uploadId: string): Promise<{ mediaId: string }> {
  const { db, storage } = context();
  const { upload } = await ownUpload(uploadId);
  const staged = await readStagedHead(uploadId);
  let detected;
  try {
    if (staged.size !== upload.declaredSize) {
      throw new AppError("invalid_input", "The upload ended before the whole file arrived. Upload it again.");
    }
    detected = assertAcceptedFile(upload.purpose, staged.head, staged.size);
  } catch (error) {
    await discardUpload(upload);
    throw error;
  }

  const mediaId = upload.storageKey.split("/")[1]!;
  await storage.putStream(upload.storageKey, createReadStream(stagedFilePath(uploadId)), {
    contentType: detected.contentType,
  });
  try {
    await db.transaction(async (tx) => {
      const [last] = await tx
        .select({ position: max(mediaFiles.position), files: count() })
        .from(mediaFiles)
        .where(and(eq(mediaFiles.ownerId, upload.ownerId), eq(mediaFiles.purpose, upload.purpose)));
      await tx.insert(mediaFiles).values({
        id: mediaId,
        ownerId: upload.ownerId,
        purpose: upload.purpose,
        kind: detected.kind,
        status: "processing",
        title: upload.title || upload.fileName.replace(/\.[^.]+$/, "") || purposeLabels[upload.purpose].one,
        fileName: upload.fileName,
        position: (last?.position ?? -1) + 1,
        isPrimary: (last?.files ?? 0) === 0,
        storageKey: upload.storageKey,
        contentType: detected.contentType,
        byteSize: staged.size,
      });
      await settleReservation(tx, upload.ownerId, upload.declaredSize, staged.size);
      await tx.delete(mediaUploads).where(eq(mediaUploads.id, uploadId));
    });
  } catch (error) {
    await storage.delete([upload.storageKey]);
    throw error;
  }
  await removeStagedUpload(uploadId);
  return { mediaId };
}

function createServer() {
  const server = new Server({
    path: UPLOADS_PATH,
    datastore: new FileStore({ directory: stagingDirectory() }),
    relativeLocation: true,
    // Same site only: no other origin is answered with CORS headers.
    allowedOrigins: () => false,
    // 18 random bytes: 24 URL-safe characters, unguessable.
    namingFunction: () => randomBytes(18).toString("base64url"),
    maxSize: () => Math.max(...Object.values(mediaLimits().maxBytes)),
    onIncomingRequest: async (req, uploadId) => {
      try {
        await onIncomingRequest(req.method, uploadId);
      } catch (error) {
        throw isAppError(error) ? refusal(error) : error;
      }
    },
    onUploadCreate: async (_req, upload) => {
      try {
        await onUploadCreate(upload.id, upload.metadata, upload.size);
        return {};
      } catch (error) {
        throw isAppError(error) ? refusal(error) : error;
      }
    },
    onUploadFinish: async (_req, upload) => {
      try {
        const { mediaId } = await onUploadFinish(upload.id);
        return { headers: { "Callback-Media-Id": mediaId } };
      } catch (error) {
        throw isAppError(error) ? refusal(error) : error;
      }
    },
    onResponseError: (_req, error) => {
      if ("status_code" in error) return undefined;
      getLogger().error({ err: error.message }, "upload failed");
      return { status_code: 500, body: "The upload could not be saved. Try again in a moment." };
    },
  });
  return server;
}

const globalForUploads = globalThis as unknown as { callbackUploadServer?: Server };

/**
 * Answers one tus request for the signed-in account (or refuses it).
 * Public: every hook above checks the actor itself.
 */
export async function handleUploadRequest(db: Db, storage: BlobStorage, actor: Actor | null, request: Request) {
  // Another site's page riding on the person's cookie may not upload in their name.
  if (isCrossSiteRequest(request.headers)) {
    return new Response("Uploads must come from Callback itself.\n", { status: 403 });
  }
  globalForUploads.callbackUploadServer ??= createServer();
  const server = globalForUploads.callbackUploadServer;
  return contexts.run({ db, storage, actor }, () => server.handleWeb(request));
}
