import { z } from "zod";

/** The confirm step of deleting an account: the current password, and the word that shows it is meant. */
export const deleteAccountInput = z.object({
  password: z
    .string({ error: "Enter your current password." })
    .min(1, "Enter your current password.")
    .max(128, "That password is too long."),
  confirmation: z
    .string({ error: "Type DELETE to confirm." })
    .trim()
    .refine((value) => value === "DELETE", "Type DELETE, in capital letters, to confirm."),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountInput>;
