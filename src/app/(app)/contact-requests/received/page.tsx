import type { Metadata } from "next";
import { requireRole } from "@/modules/access/actor";
import { RequestListPage } from "@/modules/contact-requests/components/request-list-page";

export const metadata: Metadata = { title: "Requests you received" };

export default async function ReceivedRequestsPage({ searchParams }: { searchParams: Promise<{ status?: string; cursor?: string }> }) {
  const actor = await requireRole("TALENT");
  const { status, cursor } = await searchParams;
  return <RequestListPage actor={actor} side="received" status={status} cursor={cursor} />;
}
