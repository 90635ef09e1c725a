import { z } from "zod";

/** What people send about their media files. Safe for client components. */
export const mediaIdInput = z.uuid("That file does not exist.");

export const renameMediaInput = z.object({
  mediaId: mediaIdInput,
  title: z
    .string()
    .trim()
    .min(1, "Give the file a title, such as \"Drama reel 2026\".")
    .max(120, "Titles are at most 120 characters."),
});

export const moveMediaInput = z.object({
  mediaId: mediaIdInput,
  direction: z.enum(["up", "down"], { error: "Move a file up or down." }),
});

/** WebVTT captions are small text files: 512 KB is hours of dialogue. */
export const CAPTIONS_MAX_BYTES = 512 * 1024;
