import { getDb } from "@/db";
import type { Actor } from "@/modules/access/types";
import { getUnreadTotal } from "@/modules/messaging/queries";
import { countUnreadNotifications, listNotifications } from "@/modules/notifications/queries";
import { AppHeader } from "./app-header";

/** The header with what a signed-in person needs at a glance: unread messages and notifications. */
export async function SiteHeader({ actor }: { actor: Actor | null }) {
  if (!actor) return <AppHeader actor={null} />;
  const db = getDb();
  const [unreadMessages, unreadNotifications, latest] = await Promise.all([
    getUnreadTotal(db, actor),
    countUnreadNotifications(db, actor),
    listNotifications(db, actor, { limit: 5 }),
  ]);
  return (
    <AppHeader
      actor={actor}
      unreadMessages={unreadMessages}
      notifications={{ unread: unreadNotifications, latest: latest.items }}
    />
  );
}
