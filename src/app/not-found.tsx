import type { Metadata } from "next";
import { PageFrame } from "@/components/shell/page-frame";
import { PageNotFound } from "@/components/shell/page-not-found";
import { DEFAULT_TIME_ZONE } from "@/lib/time-zones";
import { getActor } from "@/modules/access/actor";

export const metadata: Metadata = { title: "Page not found" };

/**
 * The 404 for an address that matches no page: it stands outside every route group's layout, so it
 * brings the page frame (skip link, site header, main) itself. A page inside a group that answers
 * notFound() is shown by that group's own not-found, inside the group's frame.
 */
export default async function NotFound() {
  const actor = await getActor();
  return (
    <PageFrame actor={actor} timeZone={actor?.timeZone ?? DEFAULT_TIME_ZONE}>
      <PageNotFound signedIn={actor !== null} />
    </PageFrame>
  );
}
