import { z } from "zod";
import { singleLineText } from "@/lib/text-input";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "@/lib/time-zones";
import { selfSignUpRoles } from "./roles";

export const nameInput = singleLineText({ label: "Your name", max: 100, required: true });

export const emailInput = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."))
  .transform((email) => email.toLowerCase());

export const newPasswordInput = z
  .string({ error: "Choose a password." })
  .min(8, "Use at least 8 characters for your password.")
  .max(128, "Use at most 128 characters for your password.");

/**
 * The browser's own zone, sent unseen with the sign-up form: a zone we know
 * (aliases become the listed name); anything else, or none, becomes UTC with
 * no error, since the person never typed it. It can be changed in settings.
 */
export const proposedTimeZoneInput = z
  .unknown()
  .optional()
  .transform((value) => canonicalTimeZone(value) ?? DEFAULT_TIME_ZONE);

export const signUpInput = z.object({
  name: nameInput,
  email: emailInput,
  password: newPasswordInput,
  accountType: z.enum(selfSignUpRoles, { error: "Choose Talent, Casting professional or Company." }),
  timeZone: proposedTimeZoneInput,
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email: emailInput,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(128, "That password is too long."),
});
export type SignInInput = z.infer<typeof signInInput>;

export const passwordResetRequestInput = z.object({ email: emailInput });
export type PasswordResetRequestInput = z.infer<typeof passwordResetRequestInput>;

/** A new password from a reset link: the same rules as at sign-up. */
export const passwordResetInput = z.object({
  token: z
    .string({ error: "This reset link is incomplete. Open the link from the email again." })
    .trim()
    .regex(/^[A-Za-z0-9_-]{16,128}$/, "This reset link is incomplete. Open the link from the email again."),
  password: newPasswordInput,
});
export type PasswordResetInput = z.infer<typeof passwordResetInput>;

export const adminAccountInput = z.object({
  name: nameInput.default("Admin"),
  email: emailInput,
  password: z
    .string({ error: "Give a password with --password." })
    .min(12, "An admin password needs at least 12 characters.")
    .max(128, "Use at most 128 characters for the password."),
});
export type AdminAccountInput = z.infer<typeof adminAccountInput>;

/** A local path to return to after signing in; anything else falls back to the home page. */
export const returnToInput = z
  .string()
  .optional()
  .transform((value) => (value && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) ? value : "/home"));

export const suspendUserInput = z.object({
  userId: z.uuid("Choose an account."),
  reason: singleLineText({ label: "The reason", max: 500, required: true, min: 10 }),
});
