import { getDb } from "@/db";
import type { Actor } from "@/modules/access/types";
import { getHeaderCounts } from "@/modules/messaging/queries";
import { AppHeader } from "./app-header";

/** The header with what a signed-in person needs at a glance: unread messages and notifications, read in one statement. */
export async function SiteHeader({ actor }: { actor: Actor | null }) {
  if (!actor) return <AppHeader actor={null} />;
  const { unreadMessages, notifications } = await getHeaderCounts(getDb(), actor);
  return <AppHeader actor={actor} unreadMessages={unreadMessages} notifications={notifications} />;
}
