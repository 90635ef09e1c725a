"use server";

import "server-only";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { defineAction, defineFormAction } from "@/modules/access/action";
import { checkoutInput, intervalInput, testCheckoutInput } from "./inputs";
import {
  cancelTestSubscription,
  changeTestInterval,
  completeTestCheckout,
  resumeTestSubscription,
  retryTestPayment,
  startCheckout,
} from "./mutations";
import { getBillingProvider } from "./provider";

/** A change of subscription shows in the header and on every page that depends on the plan. */
const everyPage = [{ layout: "/" }];

export const startCheckoutAction = defineFormAction({
  actor: "signed-in",
  input: checkoutInput,
  read: (form) => ({ plan: form.get("plan"), interval: form.get("interval"), returnTo: form.get("returnTo") }),
  run: ({ db, actor, input }) => startCheckout(db, getBillingProvider(), actor, input, getEnv().BETTER_AUTH_URL),
  redirect: (url) => url,
});

export const completeTestCheckoutAction = defineFormAction({
  actor: "signed-in",
  input: testCheckoutInput,
  read: (form) => ({ sessionId: form.get("sessionId"), outcome: form.get("outcome"), returnTo: form.get("returnTo") }),
  run: ({ db, actor, input }) => completeTestCheckout(db, actor, input),
  revalidate: everyPage,
  // Paid or canceled, a checkout started from a page (the upgrade prompt) goes back there; a failed payment is fixed on billing.
  redirect: (status, input) =>
    status === "active"
      ? (input.returnTo ?? "/billing?checkout=success")
      : status === "payment_failed"
        ? "/billing?checkout=failed"
        : (input.returnTo ?? "/pricing?checkout=canceled"),
});

export const cancelSubscriptionAction = defineAction({
  actor: "signed-in",
  run: ({ db, actor }) => cancelTestSubscription(db, actor),
  revalidate: everyPage,
});

export const resumeSubscriptionAction = defineAction({
  actor: "signed-in",
  run: ({ db, actor }) => resumeTestSubscription(db, actor),
  revalidate: everyPage,
});

export const retryPaymentAction = defineAction({
  actor: "signed-in",
  run: ({ db, actor }) => retryTestPayment(db, actor),
  revalidate: everyPage,
});

export const changeIntervalAction = defineAction({
  actor: "signed-in",
  input: intervalInput,
  read: (interval: string) => interval,
  run: ({ db, actor, input }) => changeTestInterval(db, actor, input),
  revalidate: everyPage,
});

export const openBillingPortalAction = defineAction({
  actor: "signed-in",
  run: async ({ db, actor }) => {
    const url = await getBillingProvider().managementUrl(db, actor.userId, `${getEnv().BETTER_AUTH_URL}/billing`);
    if (!url) throw new AppError("not_found", "There is no billing account to manage yet.");
    return url;
  },
  redirect: (url) => url,
});
