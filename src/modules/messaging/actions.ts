"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { formValues, invalidInput, runMutation, type ActionResult } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import type { UnreadCounts } from "@/lib/unread-events";
import { requireActor } from "@/modules/access/actor";
import { getListedTalentUserId } from "@/modules/talents/queries";
import { conversationIdInput, reportInput, sendMessageInput } from "./inputs";
import { blockCounterpart, markConversationRead, reportConversation, sendMessage, startConversation, unblockCounterpart } from "./mutations";
import { countUnreadNotifications } from "@/modules/notifications/queries";
import { getUnreadTotal, listMessages } from "./queries";
import type { MessageView } from "./types";

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

export async function sendMessageAction(input: { conversationId: string; body: string; clientKey: string }): Promise<ActionResult<MessageView>> {
  const actor = await requireActor();
  const parsed = sendMessageInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  // No revalidation: the page shows the message from this answer, and the live stream refreshes open pages;
  // re-rendering the page inside every send doubled its cost (found by `npm run bench`).
  return runMutation(() => sendMessage(getDb(), actor, parsed.data));
}

/**
 * Moves the read pointer and answers with the header's new unread counts; the
 * page updates its badges from them, instead of re-rendering itself in the
 * answer (which made reading cost a whole page render; found by `npm run bench`).
 */
export async function markReadAction(conversationId: string, seq: number): Promise<ActionResult<{ lastReadSeq: number } & UnreadCounts>> {
  const actor = await requireActor();
  return runMutation(async () => {
    const lastReadSeq = await markConversationRead(getDb(), actor, String(conversationId), Number(seq));
    const [messages, notifications] = await Promise.all([getUnreadTotal(getDb(), actor), countUnreadNotifications(getDb(), actor)]);
    return { lastReadSeq, messages, notifications };
  });
}

/** Messages after `afterSeq` (what arrived) or before `beforeSeq` (an older page). */
export async function loadMessagesAction(conversationId: string, window: { afterSeq?: number; beforeSeq?: number }): Promise<ActionResult<{ messages: MessageView[]; hasOlder: boolean }>> {
  const actor = await requireActor();
  const afterSeq = Number.isSafeInteger(window?.afterSeq) ? window.afterSeq : undefined;
  const beforeSeq = Number.isSafeInteger(window?.beforeSeq) ? window.beforeSeq : undefined;
  return runMutation(async () => {
    const page = await listMessages(getDb(), actor, String(conversationId), { afterSeq, beforeSeq });
    if (!page) throw new AppError("not_found", "That conversation does not exist.");
    return page;
  });
}

export async function setBlockedAction(conversationId: string, isBlocked: boolean): Promise<ActionResult> {
  const actor = await requireActor();
  const id = conversationIdInput.safeParse(conversationId);
  if (!id.success) return invalidInput(id.error);
  return runMutation(() => (isBlocked ? blockCounterpart(getDb(), actor, id.data) : unblockCounterpart(getDb(), actor, id.data)), {
    onSuccess: () => revalidatePath(`/messages/${id.data}`),
  });
}

export async function reportConversationAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const values = formValues(form);
  const input = reportInput.safeParse(values);
  if (!input.success) return invalidInput(input.error, values);
  return runMutation(() => reportConversation(getDb(), actor, input.data), { values });
}
