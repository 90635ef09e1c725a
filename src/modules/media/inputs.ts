import { z } from "zod";
import { singleLineText } from "@/lib/text-input";
import { mediaPurposes } from "./options";

/** What people send about their media files. Safe for client components. */
export const mediaIdInput = z.uuid("That file does not exist.");

export const mediaTitleInput = singleLineText({ label: "The title", max: 120, required: true });

export const renameMediaInput = z.object({ mediaId: mediaIdInput, title: mediaTitleInput });

export const moveMediaInput = z.object({
  mediaId: mediaIdInput,
  direction: z.enum(["up", "down"], { error: "Move a file up or down." }),
});

/**
 * What starts a resumable upload (tus metadata): what the file is for, an
 * optional title and the name it had on the uploader's machine.
 */
export const uploadStartInput = z.object({
  purpose: z.enum(mediaPurposes, { error: "Say what the file is: a showreel, a voice reel or a CV." }),
  title: singleLineText({ label: "The title", max: 120 }).default(""),
  filename: singleLineText({ label: "The file name", max: 255 }).default(""),
});

/** WebVTT captions are small text files: 512 KB is hours of dialogue. */
export const CAPTIONS_MAX_BYTES = 512 * 1024;
