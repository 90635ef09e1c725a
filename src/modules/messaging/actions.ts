"use server";

import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { defineAction, defineFormAction } from "@/modules/access/action";
import { getListedTalentUserId } from "@/modules/talents/internal";
import { conversationIdInput, reportInput } from "./inputs";
import { blockCounterpart, reportConversation, startConversation, unblockCounterpart } from "./mutations";

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
