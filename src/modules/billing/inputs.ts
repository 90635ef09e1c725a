import { z } from "zod";
import { intervals, plans } from "./plans";

export const checkoutInput = z.object({
  plan: z.enum(plans, { error: "Choose the Professional or the Company plan." }),
  interval: z.enum(intervals, { error: "Choose monthly or yearly billing." }),
});
export type CheckoutInput = z.infer<typeof checkoutInput>;

export const testCheckoutInput = z.object({
  sessionId: z.uuid("That checkout does not exist."),
  outcome: z.enum(["pay", "fail", "cancel"], { error: "Choose to pay, to fail the payment, or to cancel." }),
});
export type TestCheckoutInput = z.infer<typeof testCheckoutInput>;

export const intervalInput = z.enum(intervals, { error: "Choose monthly or yearly billing." });
