import { z } from "zod";
import { textProblem } from "@/lib/text-input";

/** Refuses text the product does not store (see textProblem), with the field's own wording. */
function cleanText(label: string) {
  return (text: string, context: z.RefinementCtx) => {
    const problem = textProblem(text, label, true);
    if (problem) context.addIssue({ code: "custom", message: problem });
  };
}

export const messageBodyInput = z
  .string({ error: "Write a message." })
  .transform((body) => body.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "Write a message.")
      .max(5000, "Messages can be at most 5,000 characters.")
      .superRefine(cleanText("Messages")),
  );

export const conversationIdInput = z.uuid("That conversation does not exist.");

/** The newest message (seq) someone had in front of them when they acted. */
export const seenSeqInput = z
  .int("Say the newest message you have seen (seq, a whole number).")
  .min(0, "seq cannot be negative.")
  .max(2_147_483_647, "seq is too large.");

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
    .string({ error: "Write the note as text." })
    .default("")
    .transform((note) => note.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(1000, "Use at most 1,000 characters for the note.").superRefine(cleanText("The note"))),
});
export type ReportInput = z.infer<typeof reportInput>;
