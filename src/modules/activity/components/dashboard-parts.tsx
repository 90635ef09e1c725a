import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/dates";
import type { RequestActivity, RequestMetrics } from "@/modules/contact-requests/types";
import { requestStatuses } from "@/modules/contact-requests/policies";

const statusLabels = {
  PENDING: "Pending",
  APPROVED: "Approved",
  DECLINED: "Declined",
  EXPIRED: "Expired",
  WITHDRAWN: "Withdrawn",
} as const;

export function Stat({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <Card className="p-4">
      <p className="text-xs font-medium uppercase tracking-wide text-stone-500">{label}</p>
      <p
        data-testid={`stat-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`}
        className="mt-1 text-2xl font-bold tabular-nums text-stone-900"
      >
        {value}
      </p>
      {detail ? <p className="mt-1 text-xs text-stone-600">{detail}</p> : null}
    </Card>
  );
}

export function percent(rate: number | null): string {
  return rate === null ? "-" : `${Math.round(rate * 100)}%`;
}

/** Requests by status as labelled bars with their numbers: readable without colour. */
export function StatusBars({ metrics, title }: { metrics: RequestMetrics; title: string }) {
  const max = Math.max(1, ...Object.values(metrics.byStatus));
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold">{title}</h3>
      <dl className="space-y-1.5">
        {requestStatuses.map((status) => (
          <div key={status} className="grid grid-cols-[5.5rem_1fr_2.5rem] items-center gap-2 text-sm">
            <dt className="text-stone-600">{statusLabels[status]}</dt>
            <dd aria-hidden className="h-3 rounded-full bg-stone-100">
              <div
                className="h-3 rounded-full bg-brand-500"
                style={{ width: `${(metrics.byStatus[status] / max) * 100}%` }}
              />
            </dd>
            <dd className="text-right tabular-nums">{metrics.byStatus[status]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function describe(event: RequestActivity): string {
  const project = `"${event.projectTitle}"`;
  if (event.side === "sent") {
    if (event.isNew) return `You asked ${event.otherName} for contact details for ${project}`;
    if (event.status === "WITHDRAWN") return `You withdrew your request to ${event.otherName} for ${project}`;
    if (event.status === "EXPIRED") return `Your request to ${event.otherName} for ${project} expired`;
    return `${event.otherName} ${event.status === "APPROVED" ? "approved" : "declined"} your request for ${project}`;
  }
  if (event.isNew) return `${event.otherName} asked for your contact details for ${project}`;
  if (event.status === "WITHDRAWN") return `${event.otherName} withdrew their request for ${project}`;
  if (event.status === "EXPIRED") return `A request from ${event.otherName} for ${project} expired`;
  return `You ${event.status === "APPROVED" ? "approved" : "declined"} ${event.otherName}'s request for ${project}`;
}

/** The latest request events, each at its time in the viewer's zone. */
export function RecentActivity({ events, timeZone }: { events: RequestActivity[]; timeZone: string }) {
  return (
    <Card className="space-y-3">
      <h2 className="text-lg font-semibold">Recent activity</h2>
      {events.length === 0 ? (
        <p className="text-sm text-stone-600">Nothing yet.</p>
      ) : (
        <ol className="space-y-2">
          {events.map((event, index) => (
            <li key={`${event.requestId}-${index}`} className="flex flex-wrap justify-between gap-2 text-sm">
              <Link href={`/contact-requests/${event.requestId}`} className="hover:text-brand-700 hover:underline">
                {describe(event)}
              </Link>
              <time dateTime={event.at.toISOString()} className="text-xs text-stone-500">
                {formatDateTime(event.at, timeZone, { year: false, zone: true })}
              </time>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
