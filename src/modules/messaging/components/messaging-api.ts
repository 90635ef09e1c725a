import { callApi } from "@/lib/api-client";
import type { UnreadCounts } from "@/lib/unread-events";
import type { InboxPage, InboxView, MessagesPage, MessageView } from "../types";

/** The messaging calls of the JSON API, as the pages make them (routes: src/modules/messaging/api.ts). */
const conversation = (id: string) => `conversations/${encodeURIComponent(id)}`;

export const messagingApi = {
  inbox: (view: InboxView, cursor?: string) => {
    const query = new URLSearchParams({ ...(view === "archived" ? { view } : {}), ...(cursor ? { cursor } : {}) });
    return callApi<InboxPage>(`conversations${query.size ? `?${query}` : ""}`);
  },
  messages: (conversationId: string, window: { afterSeq?: number; beforeSeq?: number }) => {
    const query =
      window.afterSeq !== undefined
        ? `?after=${window.afterSeq}`
        : window.beforeSeq !== undefined
          ? `?before=${window.beforeSeq}`
          : "";
    return callApi<MessagesPage>(`${conversation(conversationId)}/messages${query}`);
  },
  send: (conversationId: string, message: { body: string; clientKey: string }) =>
    callApi<MessageView>(`${conversation(conversationId)}/messages`, { method: "POST", body: message }),
  markRead: (conversationId: string, seq: number) =>
    callApi<{ lastReadSeq: number } & UnreadCounts>(`${conversation(conversationId)}/read`, {
      method: "POST",
      body: { seq },
    }),
  unread: () => callApi<UnreadCounts>("unread"),
};
