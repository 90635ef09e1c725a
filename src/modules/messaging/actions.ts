"use server";

import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { defineAction, defineFormAction } from "@/modules/access/action";
import { getListedTalentUserId } from "@/modules/talents/internal";
import { conversationIdInput, reportInput, seenSeqInput } from "./inputs";
import {
  archiveConversation,
  blockCounterpart,
  markConversationUnread,
  reportConversation,
  setConversationEmailMuted,
  startConversation,
  startConversationAsAdmin,
  unarchiveConversation,
  unblockCounterpart,
} from "./mutations";

/** The "Message" button of a talent's profile: open the conversation with them, creating it if needed. */
export const contactTalentAction = defineAction({
  actor: "signed-in",
  read: (profileId: string) => String(profileId),
  run: async ({ db, actor, input }) => {
    const talentUserId = await getListedTalentUserId(db, input);
    if (!talentUserId) throw new AppError("not_found", "That talent's profile is not available.");
    return startConversation(db, actor, talentUserId);
  },
  redirect: (conversationId) => `/messages/${conversationId}`,
});

/** An admin's "Message" button on the accounts list: open the conversation with that account. */
export const messageAccountAction = defineAction({
  actor: "signed-in",
  read: (userId: string) => String(userId),
  run: ({ db, actor, input }) => startConversationAsAdmin(db, actor, input),
  redirect: (conversationId) => `/messages/${conversationId}`,
});

export const setBlockedAction = defineAction({
  actor: "signed-in",
  input: z.object({ conversationId: conversationIdInput, isBlocked: z.coerce.boolean() }),
  read: (conversationId: string, isBlocked: boolean) => ({ conversationId, isBlocked }),
  run: ({ db, actor, input }) =>
    input.isBlocked
      ? blockCounterpart(db, actor, input.conversationId)
      : unblockCounterpart(db, actor, input.conversationId),
  revalidate: (_, input) => [`/messages/${input.conversationId}`],
});

export const reportConversationAction = defineFormAction({
  actor: "signed-in",
  input: reportInput,
  run: ({ db, actor, input }) => reportConversation(db, actor, input),
});

/** Archive (having seen up to `seenSeq`) or move back to the inbox; the Archive button in the inbox and the thread. */
export const setArchivedAction = defineAction({
  actor: "signed-in",
  input: z.object({ conversationId: conversationIdInput, archived: z.boolean(), seenSeq: seenSeqInput }),
  read: (conversationId: string, archived: boolean, seenSeq: number) => ({ conversationId, archived, seenSeq }),
  run: ({ db, actor, input }) =>
    input.archived
      ? archiveConversation(db, actor, input.conversationId, input.seenSeq)
      : unarchiveConversation(db, actor, input.conversationId),
  revalidate: (_, input) => ["/messages", `/messages/${input.conversationId}`],
});

/** "Mark unread", from the thread (which then goes back to the inbox: staying would read it again). */
export const markUnreadAction = defineAction({
  actor: "signed-in",
  input: z.object({ conversationId: conversationIdInput }),
  read: (conversationId: string) => ({ conversationId }),
  run: ({ db, actor, input }) => markConversationUnread(db, actor, input.conversationId),
  revalidate: ["/messages"],
});

export const setEmailMutedAction = defineAction({
  actor: "signed-in",
  input: z.object({ conversationId: conversationIdInput, muted: z.boolean() }),
  read: (conversationId: string, muted: boolean) => ({ conversationId, muted }),
  run: ({ db, actor, input }) => setConversationEmailMuted(db, actor, input.conversationId, input.muted),
  revalidate: (_, input) => [`/messages/${input.conversationId}`],
});
