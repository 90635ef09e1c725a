import { z } from "zod";
import { intervals, plans } from "./plans";

/**
 * Where to go back to once a checkout is paid: a path on this site only
 * ("/talents/...", never "//host", "/\\host", "https://..." or a scheme), of
 * printable ASCII and at most 300 characters. Anything else is refused, so a
 * link can never send a subscriber to another site after paying.
 */
export const returnPathInput = z
  .string()
  .max(300, "That return address is too long.")
  .refine(isSafeReturnPath, "Return only to a page of this site.");

export function isSafeReturnPath(path: string): boolean {
  if (!/^\/[\x21-\x7e]*$/.test(path) || path.startsWith("//") || path.includes("\\")) return false;
  try {
    const base = "https://callback.invalid";
    return new URL(path, base).origin === base;
  } catch {
    return false;
  }
}

/** An empty return field means none: the billing page follows the checkout. */
const optionalReturnPath = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  returnPathInput.optional(),
);

export const checkoutInput = z.object({
  plan: z.enum(plans, { error: "Choose the Professional or the Company plan." }),
  interval: z.enum(intervals, { error: "Choose monthly or yearly billing." }),
  returnTo: optionalReturnPath,
});
export type CheckoutInput = z.infer<typeof checkoutInput>;

export const testCheckoutInput = z.object({
  sessionId: z.uuid("That checkout does not exist."),
  outcome: z.enum(["pay", "fail", "cancel"], { error: "Choose to pay, to fail the payment, or to cancel." }),
  returnTo: optionalReturnPath,
});
export type TestCheckoutInput = z.infer<typeof testCheckoutInput>;

export const intervalInput = z.enum(intervals, { error: "Choose monthly or yearly billing." });
