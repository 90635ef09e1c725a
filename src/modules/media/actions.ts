"use server";

import { z } from "zod";
import { getBlobStorage } from "@/lib/storage";
import { defineAction, defineFormAction } from "@/modules/access/action";
import { mediaIdInput, moveMediaInput, renameMediaInput } from "./inputs";
import {
  deleteMedia,
  moveMedia,
  removeMediaCaptions,
  renameMedia,
  setMediaCaptions,
  setPrimaryMedia,
} from "./mutations";

/** A change to a talent's media shows in the editor and on their profile. */
const afterMediaChange = ["/profile/edit", { layout: "/talents" }];

export const renameMediaAction = defineFormAction({
  actor: { permission: "media:manage-own" },
  input: renameMediaInput,
  run: ({ db, actor, input }) => renameMedia(db, actor, input),
  revalidate: afterMediaChange,
});

export const moveMediaAction = defineAction({
  actor: { permission: "media:manage-own" },
  input: moveMediaInput,
  read: (mediaId: string, direction: "up" | "down") => ({ mediaId, direction }),
  run: ({ db, actor, input }) => moveMedia(db, actor, input),
  revalidate: afterMediaChange,
});

export const setPrimaryMediaAction = defineAction({
  actor: { permission: "media:manage-own" },
  input: mediaIdInput,
  read: (mediaId: string) => mediaId,
  run: ({ db, actor, input }) => setPrimaryMedia(db, actor, input),
  revalidate: afterMediaChange,
});

export const deleteMediaAction = defineAction({
  actor: { permission: "media:manage-own" },
  input: mediaIdInput,
  read: (mediaId: string) => mediaId,
  run: ({ db, actor, input }) => deleteMedia(db, getBlobStorage(), actor, input),
  revalidate: afterMediaChange,
});

const captionsInput = z.object({
  mediaId: mediaIdInput,
  captions: z.instanceof(File, { error: "Choose a WebVTT (.vtt) captions file." }),
});

export const setCaptionsAction = defineFormAction({
  actor: { permission: "media:manage-own" },
  input: captionsInput,
  read: (form) => ({ mediaId: form.get("mediaId"), captions: form.get("captions") }),
  run: async ({ db, actor, input }) =>
    setMediaCaptions(db, getBlobStorage(), actor, input.mediaId, new Uint8Array(await input.captions.arrayBuffer())),
  revalidate: afterMediaChange,
});

export const removeCaptionsAction = defineAction({
  actor: { permission: "media:manage-own" },
  input: mediaIdInput,
  read: (mediaId: string) => mediaId,
  run: ({ db, actor, input }) => removeMediaCaptions(db, getBlobStorage(), actor, input),
  revalidate: afterMediaChange,
});
