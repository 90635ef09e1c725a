import type { Metadata } from "next";
import { requirePermission } from "@/modules/access/actor";
import { RequestListPage } from "@/modules/contact-requests/components/request-list-page";

export const metadata: Metadata = { title: "Requests you received" };

export default async function ReceivedRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePermission("contact-request:respond");
  return <RequestListPage actor={actor} side="received" params={await searchParams} />;
}
