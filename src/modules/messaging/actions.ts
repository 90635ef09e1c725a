"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { formValues, invalidInput, runMutation, type ActionResult } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { requireActor } from "@/modules/access/actor";
import { getListedTalentUserId } from "@/modules/talents/internal";
import { conversationIdInput, reportInput } from "./inputs";
import { blockCounterpart, reportConversation, startConversation, unblockCounterpart } from "./mutations";

/** The "Message" button of a talent's profile: open the conversation with them, creating it if needed. */
export async function contactTalentAction(profileId: string): Promise<ActionResult> {
  const actor = await requireActor();
  const result = await runMutation(async () => {
    const talentUserId = await getListedTalentUserId(getDb(), String(profileId));
    if (!talentUserId) throw new AppError("not_found", "That talent's profile is not available.");
    return startConversation(getDb(), actor, talentUserId);
  });
  if (!result.ok) return result;
  redirect(`/messages/${result.data}`);
}

export async function setBlockedAction(conversationId: string, isBlocked: boolean): Promise<ActionResult> {
  const actor = await requireActor();
  const id = conversationIdInput.safeParse(conversationId);
  if (!id.success) return invalidInput(id.error);
  return runMutation(
    () => (isBlocked ? blockCounterpart(getDb(), actor, id.data) : unblockCounterpart(getDb(), actor, id.data)),
    {
      onSuccess: () => revalidatePath(`/messages/${id.data}`),
    },
  );
}

export async function reportConversationAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const values = formValues(form);
  const input = reportInput.safeParse(values);
  if (!input.success) return invalidInput(input.error, values);
  return runMutation(() => reportConversation(getDb(), actor, input.data), { values });
}
