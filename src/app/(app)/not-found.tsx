import type { Metadata } from "next";
import { PageNotFound } from "@/components/shell/page-not-found";
import { getActor } from "@/modules/access/actor";

export const metadata: Metadata = { title: "Page not found" };

/** A page of this group that answered notFound(): the group's layout already gives the page frame. */
export default async function NotFound() {
  return <PageNotFound signedIn={(await getActor()) !== null} />;
}
