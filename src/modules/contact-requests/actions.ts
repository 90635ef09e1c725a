"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { formValues, invalidInput, runMutation, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/modules/access/actor";
import { approveInput, contactRequestInput, declineInput, requestIdInput } from "./inputs";
import {
  approveContactRequest,
  declineContactRequest,
  revokeApproval,
  sendContactRequest,
  withdrawContactRequest,
} from "./mutations";

const refresh = () => revalidatePath("/", "layout");

export async function sendContactRequestAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const values = formValues(form);
  const input = contactRequestInput.safeParse(values);
  if (!input.success) return invalidInput(input.error, values);
  const result = await runMutation(() => sendContactRequest(getDb(), actor, input.data), { values });
  if (!result.ok) return result;
  refresh();
  redirect(`/contact-requests/${result.data}`);
}

export async function approveContactRequestAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const actor = await requireActor();
  const input = approveInput.safeParse({ requestId: form.get("requestId"), sharedFields: form.getAll("sharedFields") });
  if (!input.success) return invalidInput(input.error);
  return runMutation(async () => void (await approveContactRequest(getDb(), actor, input.data)), {
    onSuccess: refresh,
  });
}

export async function declineContactRequestAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const actor = await requireActor();
  const input = declineInput.safeParse({
    requestId: form.get("requestId"),
    reason: form.get("reason") || undefined,
    block: form.get("block") === "on",
  });
  if (!input.success) return invalidInput(input.error);
  return runMutation(async () => void (await declineContactRequest(getDb(), actor, input.data)), {
    onSuccess: refresh,
  });
}

export async function withdrawContactRequestAction(requestId: string): Promise<ActionResult> {
  const actor = await requireActor();
  const id = requestIdInput.safeParse(requestId);
  if (!id.success) return invalidInput(id.error);
  return runMutation(async () => void (await withdrawContactRequest(getDb(), actor, id.data)), { onSuccess: refresh });
}

export async function revokeApprovalAction(requestId: string): Promise<ActionResult> {
  const actor = await requireActor();
  const id = requestIdInput.safeParse(requestId);
  if (!id.success) return invalidInput(id.error);
  return runMutation(() => revokeApproval(getDb(), actor, id.data), { onSuccess: refresh });
}
