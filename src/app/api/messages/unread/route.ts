import { getDb } from "@/db";
import { errorResponse } from "@/lib/http";
import { getActor } from "@/modules/access/actor";
import { getUnreadTotal } from "@/modules/messaging/queries";
import { countUnreadNotifications } from "@/modules/notifications/queries";

export const dynamic = "force-dynamic";

/** The signed-in account's unread counts (messages, notifications): the header's badges, for polling clients. */
export async function GET() {
  const actor = await getActor();
  if (!actor) return errorResponse("unauthenticated");
  const db = getDb();
  const [messages, notifications] = await Promise.all([getUnreadTotal(db, actor), countUnreadNotifications(db, actor)]);
  return Response.json({ messages, notifications }, { headers: { "Cache-Control": "private, no-store" } });
}
