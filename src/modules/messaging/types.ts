import type { Role } from "@/modules/access/roles";
import type { Decision } from "@/lib/decision";

/** The other person in a conversation, as the viewer sees them. */
export type Counterpart = {
  userId: string | null;
  name: string;
  role: Role | null;
  status: "active" | "deleted" | "unavailable";
  photoId: string | null;
  /** Their talent profile, when they have a published one. */
  profileId: string | null;
};

export type InboxItem = {
  id: string;
  counterpart: Counterpart;
  preview: string;
  lastMessageAt: Date;
  isLastFromMe: boolean;
  /** Unread messages; a conversation marked unread counts one. */
  unread: number;
  markedUnread: boolean;
  archived: boolean;
  emailMuted: boolean;
};

/** The inbox, or the conversations one has archived. */
export type InboxView = "inbox" | "archived";

export type InboxPage = { items: InboxItem[]; nextCursor: string | null };

export type MessageView = {
  id: string;
  seq: number;
  body: string;
  isMine: boolean;
  createdAt: Date;
  clientKey: string | null;
};

/**
 * A page of a conversation's messages, oldest first. `hasOlder`: more before
 * it (the newest page, or one before a seq). `hasNewer`: more after it (a page
 * after a seq: ask again after its last message).
 */
export type MessagesPage = { messages: MessageView[]; hasOlder: boolean; hasNewer: boolean };

export type ConversationView = {
  id: string;
  counterpart: Counterpart;
  lastSeq: number;
  lastReadSeq: number;
  archived: boolean;
  emailMuted: boolean;
  canSend: Decision;
  canBlock: boolean;
  isBlockedByMe: boolean;
};
