import { z } from "zod";

/** Control characters other than tab and newline. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

export const messageBodyInput = z
  .string({ error: "Write a message." })
  .transform((body) => body.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "Write a message.")
      .max(5000, "Messages can be at most 5,000 characters.")
      .refine((body) => !CONTROL.test(body), "Messages cannot contain control characters."),
  );

export const conversationIdInput = z.uuid("That conversation does not exist.");

export const sendMessageInput = z.object({
  conversationId: conversationIdInput,
  body: messageBodyInput,
  clientKey: z.uuid("The message could not be sent; reload the page and try again."),
});
export type SendMessageInput = z.infer<typeof sendMessageInput>;

export const reportReasons = ["spam", "harassment", "inappropriate", "scam", "other"] as const;
export const reportReasonLabels: Record<(typeof reportReasons)[number], string> = {
  spam: "Spam or unwanted promotion",
  harassment: "Harassment or abuse",
  inappropriate: "Inappropriate request",
  scam: "Scam or fraud",
  other: "Something else",
};

export const reportInput = z.object({
  conversationId: conversationIdInput,
  reason: z.enum(reportReasons, { error: "Choose a reason." }),
  note: z
    .string()
    .default("")
    .transform((note) => note.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(1000, "Use at most 1,000 characters for the note.").refine((note) => !CONTROL.test(note), "The note cannot contain control characters.")),
});
export type ReportInput = z.infer<typeof reportInput>;
