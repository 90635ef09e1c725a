"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { formValues, invalidInput, runMutation, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/modules/access/actor";
import { emailPreferencesInput } from "./inputs";
import {
  markAllNotificationsRead,
  markNotificationRead,
  unsubscribeWithToken,
  updateEmailPreferences,
} from "./mutations";

const refresh = () => revalidatePath("/", "layout");

export async function markNotificationReadAction(notificationId: string): Promise<ActionResult> {
  const actor = await requireActor();
  return runMutation(() => markNotificationRead(getDb(), actor, String(notificationId)), { onSuccess: refresh });
}

export async function markAllNotificationsReadAction(): Promise<ActionResult> {
  const actor = await requireActor();
  return runMutation(() => markAllNotificationsRead(getDb(), actor), { onSuccess: refresh });
}

export async function updateEmailPreferencesAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const actor = await requireActor();
  const values = formValues(form);
  const input = emailPreferencesInput.safeParse(values);
  if (!input.success) return invalidInput(input.error, values);
  return runMutation(() => updateEmailPreferences(getDb(), actor, input.data), {
    values,
    onSuccess: () => revalidatePath("/settings/notifications"),
  });
}

/** Works signed out: the signed token says whose emails to turn off. */
export async function unsubscribeAction(
  _previous: ActionResult<{ scope: string }> | null,
  form: FormData,
): Promise<ActionResult<{ scope: string }>> {
  return runMutation(() => unsubscribeWithToken(getDb(), String(form.get("token") ?? "")));
}
