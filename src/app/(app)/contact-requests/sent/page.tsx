import type { Metadata } from "next";
import { requirePermission } from "@/modules/access/actor";
import { RequestListPage } from "@/modules/contact-requests/components/request-list-page";

export const metadata: Metadata = { title: "Requests you sent" };

export default async function SentRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePermission("contact-request:send");
  return <RequestListPage actor={actor} side="sent" params={await searchParams} />;
}
