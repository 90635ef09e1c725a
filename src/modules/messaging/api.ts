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
import { seenSeqInput, sendMessageInput } from "./inputs";
import {
  archiveConversation,
  markConversationRead,
  markConversationUnread,
  sendMessage,
  setConversationEmailMuted,
  unarchiveConversation,
} from "./mutations";
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

const archiveInput = z
  .object(
    {
      archived: z.boolean("Say archived: true to archive, or false to move the conversation back to the inbox."),
      seq: seenSeqInput.optional(),
    },
    { error: "Send an object with archived (and seq, to archive)." },
  )
  .refine((input) => !input.archived || input.seq !== undefined, {
    path: ["seq"],
    message: "To archive, say the newest message you have seen (seq), so that no newer one is archived unseen.",
  });

const muteInput = z.object(
  { muted: z.boolean("Say muted: true to stop emails about this conversation, or false to have them again.") },
  { error: "Send an object with muted." },
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
    handle: ({ actor, query }) => {
      const view = query.get("view") ?? "inbox";
      if (view !== "inbox" && view !== "archived") {
        throw new AppError("invalid_input", 'view is "inbox" (the default) or "archived".');
      }
      return listInbox(getDb(), actor, query.get("cursor") ?? undefined, { view });
    },
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
    method: "POST",
    path: "conversations/:id/archive",
    input: archiveInput,
    handle: async ({ actor, params, input }) => {
      if (input.archived) await archiveConversation(getDb(), actor, params.id!, input.seq!);
      else await unarchiveConversation(getDb(), actor, params.id!);
      return { archived: input.archived, ...(await unreadCounts(actor)) };
    },
  }),
  defineApiRoute({
    method: "POST",
    path: "conversations/:id/unread",
    handle: async ({ actor, params }) => {
      await markConversationUnread(getDb(), actor, params.id!);
      return unreadCounts(actor);
    },
  }),
  defineApiRoute({
    method: "POST",
    path: "conversations/:id/mute",
    input: muteInput,
    handle: async ({ actor, params, input }) => {
      await setConversationEmailMuted(getDb(), actor, params.id!, input.muted);
      return { muted: input.muted };
    },
  }),
  defineApiRoute({
    method: "GET",
    path: "unread",
    handle: ({ actor }) => unreadCounts(actor),
  }),
];
