import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { AppError } from "@/lib/errors";
import { queryWholeNumber, type ApiRoute } from "@/lib/json-api";
import { isUuid } from "@/lib/text-input";
import type { UnreadCounts } from "@/lib/unread-events";
import { defineApiRoute } from "@/modules/access/action";
import type { Actor } from "@/modules/access/types";
import { countUnreadNotifications } from "@/modules/notifications/queries";
import { sendMessageInput } from "./inputs";
import { markConversationRead, sendMessage } from "./mutations";
import { getUnreadTotal, listInbox, listMessages } from "./queries";

/**
 * Messaging over the JSON API: the inbox, a conversation's messages, sending
 * and reading, and the header's unread counts. The open pages call these as
 * people use them (and a mobile client could); every call goes through the
 * same queries and mutations as the pages, which check who may do what.
 */

const markReadInput = z.object(
  { seq: z.int("Say up to which message (seq, a whole number) you have read.").min(0, "seq cannot be negative.") },
  { error: "Send an object with seq." },
);

async function unreadCounts(actor: Actor): Promise<UnreadCounts> {
  const db = getDb();
  const [messages, notifications] = await Promise.all([getUnreadTotal(db, actor), countUnreadNotifications(db, actor)]);
  return { messages, notifications };
}

export const messagingApi: ApiRoute<Actor>[] = [
  defineApiRoute({
    method: "GET",
    path: "conversations",
    handle: ({ actor, query }) => listInbox(getDb(), actor, query.get("cursor") ?? undefined),
  }),
  defineApiRoute({
    method: "GET",
    path: "conversations/:id/messages",
    handle: async ({ actor, params, query }) => {
      const page = await listMessages(getDb(), actor, params.id!, {
        beforeSeq: queryWholeNumber(query, "before"),
        afterSeq: queryWholeNumber(query, "after"),
      });
      if (!page) throw new AppError("not_found", "That conversation does not exist.");
      return page;
    },
  }),
  defineApiRoute({
    method: "POST",
    path: "conversations/:id/messages",
    status: 201,
    input: sendMessageInput,
    read: ({ params, body }) => {
      // An id that is not one of ours is no conversation, as for listing and reading (not a field to fix).
      if (!isUuid(params.id)) throw new AppError("not_found", "That conversation does not exist.");
      const fields = typeof body === "object" && body !== null ? body : {};
      return { ...fields, conversationId: params.id };
    },
    handle: ({ actor, input }) => sendMessage(getDb(), actor, input),
  }),
  defineApiRoute({
    method: "POST",
    path: "conversations/:id/read",
    input: markReadInput,
    // Answers with the header's new unread counts, so the page updates its badges without re-rendering.
    handle: async ({ actor, params, input }) => {
      const lastReadSeq = await markConversationRead(getDb(), actor, params.id!, input.seq);
      return { lastReadSeq, ...(await unreadCounts(actor)) };
    },
  }),
  defineApiRoute({
    method: "GET",
    path: "unread",
    handle: ({ actor }) => unreadCounts(actor),
  }),
];
