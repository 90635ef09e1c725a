import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Card } from "@/components/ui/card";
import { InputField, SelectField } from "@/components/ui/field";
import { getDb } from "@/db";
import { requirePermission } from "@/modules/access/actor";
import { AdminPageHeader } from "@/modules/admin/components/admin-page-header";
import { UserModeration } from "@/modules/admin/components/user-moderation";
import { requestStatuses, type RequestStatus } from "@/modules/contact-requests/policies";
import {
  FLAG_MAX_ACCEPTANCE,
  FLAG_MIN_REQUESTS,
  listRequestsForAdmin,
  listSenderOversight,
} from "@/modules/contact-requests/queries";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Contact requests" };

const percent = (value: number | null) => (value === null ? "-" : `${Math.round(value * 100)}%`);

export default async function AdminContactRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePermission("user:moderate");
  const params = await searchParams;
  const status = requestStatuses.find((value) => value === params.status) as RequestStatus | undefined;
  const q = params.q?.trim().slice(0, 100) || undefined;
  const flaggedOnly = params.flagged === "1";
  const db = getDb();
  const [senders, requests] = await Promise.all([
    listSenderOversight(db, actor, { flaggedOnly }),
    listRequestsForAdmin(db, actor, { status, q }),
  ]);
  return (
    <div className="space-y-6">
      <AdminPageHeader
        title="Contact requests"
        description={`Senders with at least ${FLAG_MIN_REQUESTS} answered requests and an acceptance below ${Math.round(FLAG_MAX_ACCEPTANCE * 100)}% are flagged.`}
      />
      <section className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-xl font-semibold">Senders</h2>
          <Link
            href={flaggedOnly ? "/admin/contact-requests" : "/admin/contact-requests?flagged=1"}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            {flaggedOnly ? "Show all senders" : "Show flagged senders only"}
          </Link>
        </div>
        <Card className="p-0">
          <ScrollRegion label="Senders">
            <table className="w-full text-left text-sm">
              <thead className="bg-stone-50 text-stone-500">
                <tr>
                  {["Sender", "Sent", "Approved", "Declined", "Acceptance", "Blocked by", "Reports", "Access"].map(
                    (label) => (
                      <th key={label} className="px-3 py-2 font-medium">
                        {label}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {senders.map((sender) => (
                  <tr key={sender.senderId} className="align-top" data-testid="sender-row">
                    <td className="px-3 py-2">
                      <p className="font-medium">
                        {sender.name} {sender.isFlagged ? <Badge tone="danger">Flagged</Badge> : null}
                      </p>
                      <p className="text-xs text-stone-500">{sender.email}</p>
                    </td>
                    <td className="px-3 py-2">{sender.sent}</td>
                    <td className="px-3 py-2">{sender.approved}</td>
                    <td className="px-3 py-2">{sender.declined}</td>
                    <td className="px-3 py-2">{percent(sender.acceptanceRate)}</td>
                    <td className="px-3 py-2">{sender.blocks}</td>
                    <td className="px-3 py-2">{sender.reports}</td>
                    <td className="px-3 py-2">
                      <UserModeration userId={sender.senderId} name={sender.name} isSuspended={sender.isSuspended} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {senders.length === 0 ? <p className="p-6 text-center text-sm text-stone-500">No senders.</p> : null}
        </Card>
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Requests</h2>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <InputField
            name="q"
            label="Project title"
            defaultValue={q ?? ""}
            className="w-full sm:w-auto sm:min-w-64 sm:flex-1"
          />
          <SelectField
            name="status"
            label="Status"
            defaultValue={status ?? ""}
            placeholder="Any"
            options={requestStatuses.map((value) => ({ value, label: value.toLowerCase() }))}
          />
          <button type="submit" className={buttonClasses("primary")}>
            Filter
          </button>
        </form>
        <Card className="p-0">
          <ul className="divide-y divide-stone-100 text-sm">
            {requests.map((request) => (
              <li key={request.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <span>
                  <span className="font-medium">{request.projectTitle}</span> - {request.senderName} to{" "}
                  {request.talentName}
                </span>
                <span className="flex items-center gap-2 text-xs text-stone-500">
                  {formatDate(request.createdAt, actor.timeZone)} <Badge>{request.status.toLowerCase()}</Badge>
                </span>
              </li>
            ))}
          </ul>
          {requests.length === 0 ? <p className="p-6 text-center text-sm text-stone-500">No requests match.</p> : null}
        </Card>
      </section>
    </div>
  );
}
