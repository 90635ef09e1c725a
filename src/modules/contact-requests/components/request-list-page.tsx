import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { getDb } from "@/db";
import { cn } from "@/lib/cn";
import { getUpgradeReason } from "@/modules/access/policies";
import type { Actor } from "@/modules/access/types";
import { requestStatuses, type RequestStatus } from "../policies";
import { countRequestsByStatus, listRequests } from "../queries";
import { formatDate } from "@/lib/dates";

/** What an empty list means for this person, and what they can do next. */
function emptyMessage(
  side: "sent" | "received",
  status: RequestStatus | undefined,
  total: number,
  upgrade: ReturnType<typeof getUpgradeReason>,
): string {
  if (total > 0) return status ? `No ${status.toLowerCase()} requests match.` : "No requests match this search.";
  if (side === "received")
    return "When a casting professional asks for your contact details, the request appears here, and you decide what to share.";
  if (upgrade === "past_due")
    return "Your last payment did not go through: fix it on your billing page to send requests.";
  if (upgrade)
    return "Contact requests come with a subscription: subscribe from a talent's profile to ask for their details.";
  return "You have not asked anyone yet: open a talent's profile and choose Request contact details.";
}

/** The requests one side sent or received: status tabs with counts, newest first, "Older" pages. */
export async function RequestListPage({
  actor,
  side,
  params,
}: {
  actor: Actor;
  side: "sent" | "received";
  params: Record<string, string | undefined>;
}) {
  const db = getDb();
  const chosen = requestStatuses.find((value) => value === params.status) as RequestStatus | undefined;
  const filter = {
    q: params.q?.trim().slice(0, 100) || undefined,
    from: params.from || undefined,
    to: params.to || undefined,
  };
  const [page, counts] = await Promise.all([
    listRequests(db, actor, side, { status: chosen, cursor: params.cursor, ...filter }),
    countRequestsByStatus(db, actor, side),
  ]);
  const base = `/contact-requests/${side}`;
  const kept = Object.fromEntries(Object.entries({ status: chosen, ...filter }).filter(([, value]) => value)) as Record<
    string,
    string
  >;
  const total = Object.values(counts).reduce((sum, value) => sum + (value ?? 0), 0);
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <h1 className="text-3xl font-bold tracking-tight">
        {side === "sent" ? "Contact requests you sent" : "Contact requests you received"}
      </h1>
      <nav aria-label="Status" className="flex flex-wrap gap-2 text-sm">
        {[
          ["", `All (${total})`] as const,
          ...requestStatuses.map(
            (value) => [value, `${value.charAt(0)}${value.slice(1).toLowerCase()} (${counts[value] ?? 0})`] as const,
          ),
        ].map(([value, label]) => (
          <Link
            key={value || "all"}
            href={value ? `${base}?status=${value}` : base}
            aria-current={(chosen ?? "") === value ? "page" : undefined}
            className={cn(
              "rounded-full px-3 py-1 font-medium",
              (chosen ?? "") === value ? "bg-brand-600 text-white" : "bg-white ring-1 ring-stone-200",
            )}
          >
            {label}
          </Link>
        ))}
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-3">
        {chosen ? <input type="hidden" name="status" value={chosen} /> : null}
        <InputField
          name="q"
          label={side === "sent" ? "Project or talent" : "Project or sender"}
          defaultValue={filter.q ?? ""}
          className="min-w-56 flex-1"
        />
        <InputField name="from" label="From" type="date" defaultValue={filter.from ?? ""} />
        <InputField name="to" label="To" type="date" defaultValue={filter.to ?? ""} />
        <button type="submit" className={buttonClasses("secondary")}>
          Search
        </button>
      </form>
      {page.items.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-stone-300 p-8 text-center text-sm text-stone-500">
          {emptyMessage(side, chosen, total, getUpgradeReason(actor))}
        </p>
      ) : (
        <ul className="divide-y divide-stone-100 overflow-hidden rounded-2xl border border-stone-200 bg-white">
          {page.items.map((item) => (
            <li key={item.id}>
              <Link
                href={`/contact-requests/${item.id}`}
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 hover:bg-stone-50"
                data-testid="request-item"
              >
                <span>
                  <span className="font-medium">{item.projectTitle}</span>
                  <span className="text-sm text-stone-600">
                    {" "}
                    - {item.role}, {side === "sent" ? "to" : "from"} {item.otherName}
                  </span>
                </span>
                <span className="flex items-center gap-2 text-xs text-stone-500">
                  {formatDate(item.createdAt, actor.timeZone)}
                  <Badge
                    tone={
                      item.status === "APPROVED"
                        ? "success"
                        : item.status === "PENDING"
                          ? "warning"
                          : item.status === "DECLINED"
                            ? "danger"
                            : "neutral"
                    }
                  >
                    {item.status.toLowerCase()}
                  </Badge>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor ? (
        <Link
          href={`${base}?${new URLSearchParams({ ...kept, cursor: page.nextCursor })}`}
          className={buttonClasses("secondary")}
        >
          Older requests
        </Link>
      ) : null}
    </div>
  );
}
