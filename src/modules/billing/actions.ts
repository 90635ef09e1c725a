"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { invalidInput, runMutation, type ActionResult } from "@/lib/action-result";
import { getEnv } from "@/lib/env";
import { requireActor } from "@/modules/access/actor";
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

export async function startCheckoutAction(
  _previous: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  const actor = await requireActor();
  const input = checkoutInput.safeParse({ plan: form.get("plan"), interval: form.get("interval") });
  if (!input.success) return invalidInput(input.error);
  const result = await runMutation(() =>
    startCheckout(getDb(), getBillingProvider(), actor, input.data, getEnv().BETTER_AUTH_URL),
  );
  if (!result.ok) return result;
  redirect(result.data);
}

export async function completeTestCheckoutAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const actor = await requireActor();
  const input = testCheckoutInput.safeParse({ sessionId: form.get("sessionId"), outcome: form.get("outcome") });
  if (!input.success) return invalidInput(input.error);
  const result = await runMutation(() => completeTestCheckout(getDb(), actor, input.data));
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(
    result.data === "active"
      ? "/billing?checkout=success"
      : result.data === "payment_failed"
        ? "/billing?checkout=failed"
        : "/pricing?checkout=canceled",
  );
}

async function manage(
  change: (actor: Awaited<ReturnType<typeof requireActor>>) => Promise<void>,
): Promise<ActionResult> {
  const actor = await requireActor();
  return runMutation(() => change(actor), { onSuccess: () => revalidatePath("/", "layout") });
}

export async function cancelSubscriptionAction(): Promise<ActionResult> {
  return manage((actor) => cancelTestSubscription(getDb(), actor));
}

export async function resumeSubscriptionAction(): Promise<ActionResult> {
  return manage((actor) => resumeTestSubscription(getDb(), actor));
}

export async function retryPaymentAction(): Promise<ActionResult> {
  return manage((actor) => retryTestPayment(getDb(), actor));
}

export async function changeIntervalAction(interval: string): Promise<ActionResult> {
  const input = intervalInput.safeParse(interval);
  if (!input.success) return invalidInput(input.error);
  return manage((actor) => changeTestInterval(getDb(), actor, input.data));
}

export async function openBillingPortalAction(): Promise<ActionResult> {
  const actor = await requireActor();
  const url = await getBillingProvider().managementUrl(getDb(), actor.userId, `${getEnv().BETTER_AUTH_URL}/billing`);
  if (!url) return { ok: false, code: "not_found", message: "There is no billing account to manage yet." };
  redirect(url);
}
