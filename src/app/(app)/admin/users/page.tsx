import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Card } from "@/components/ui/card";
import { InputField, SelectField } from "@/components/ui/field";
import { getDb } from "@/db";
import { AdminPageHeader } from "@/modules/admin/components/admin-page-header";
import { requirePermission } from "@/modules/access/actor";
import { canMessageAnyone, canSuspend } from "@/modules/access/policies";
import { MessageAccountButton } from "@/modules/messaging/components/message-account-button";
import { roleLabels, roles } from "@/modules/access/roles";
import { UserModeration } from "@/modules/admin/components/user-moderation";
import { listUsersForAdmin, type AdminUserFilter } from "@/modules/admin/queries";
import { statusLabels, type SubscriptionStatus } from "@/modules/billing/plans";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Users" };

const subscriptionOptions = [
  { value: "none", label: "No subscription" },
  ...(Object.keys(statusLabels) as SubscriptionStatus[]).map((status) => ({
    value: status,
    label: statusLabels[status],
  })),
];

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePermission("user:moderate");
  const params = await searchParams;
  const filter: AdminUserFilter = {
    q: params.q?.trim().slice(0, 100) || undefined,
    role: roles.find((role) => role === params.role),
    subscription: subscriptionOptions.find((option) => option.value === params.subscription)
      ?.value as AdminUserFilter["subscription"],
    cursor: params.cursor,
  };
  const page = await listUsersForAdmin(getDb(), actor, filter);
  const kept = Object.fromEntries(
    Object.entries({ q: filter.q, role: filter.role, subscription: filter.subscription }).filter(([, value]) => value),
  ) as Record<string, string>;
  return (
    <div className="space-y-6">
      <AdminPageHeader title="Users" />
      <form method="get" className="flex flex-wrap items-end gap-3">
        <InputField
          name="q"
          label="Name or email"
          defaultValue={filter.q ?? ""}
          className="w-full sm:w-auto sm:min-w-64 sm:flex-1"
        />
        <SelectField
          name="role"
          label="Account type"
          defaultValue={filter.role ?? ""}
          placeholder="All"
          options={roles.map((role) => ({ value: role, label: roleLabels[role] }))}
        />
        <SelectField
          name="subscription"
          label="Subscription"
          defaultValue={filter.subscription ?? ""}
          placeholder="Any"
          options={subscriptionOptions}
        />
        <button type="submit" className={buttonClasses("primary")}>
          Filter
        </button>
      </form>
      <Card className="p-0">
        <ScrollRegion label="Accounts">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-50 text-stone-500">
              <tr>
                <th className="px-4 py-2 font-medium">Account</th>
                <th className="px-4 py-2 font-medium">Type</th>
                <th className="px-4 py-2 font-medium">Subscription</th>
                <th className="px-4 py-2 font-medium">Joined</th>
                <th className="px-4 py-2 font-medium">Access</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {page.items.map((user) => (
                <tr key={user.id} className="align-top">
                  <td className="px-4 py-3">
                    <p className="font-medium">{user.name}</p>
                    <p className="text-xs text-stone-500">{user.deletedAt ? "Email removed" : user.email}</p>
                  </td>
                  <td className="px-4 py-3">
                    <Badge>{roleLabels[user.role]}</Badge>
                  </td>
                  <td className="px-4 py-3">
                    {user.subscriptionStatus ? (
                      <Badge
                        tone={
                          user.subscriptionStatus === "active" || user.subscriptionStatus === "trialing"
                            ? "success"
                            : user.subscriptionStatus === "canceled"
                              ? "neutral"
                              : "danger"
                        }
                      >
                        {statusLabels[user.subscriptionStatus]}
                      </Badge>
                    ) : (
                      <span className="text-stone-500">-</span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-stone-600">{formatDate(user.joinedAt, actor.timeZone)}</td>
                  <td className="px-4 py-3">
                    {user.deletedAt ? (
                      <Badge tone="neutral" data-testid="account-deleted">
                        Deleted {formatDate(user.deletedAt, actor.timeZone)}
                      </Badge>
                    ) : null}
                    {user.suspendedAt ? (
                      <p className="mb-1 max-w-64 text-xs text-red-700">Suspended: {user.suspendedReason}</p>
                    ) : null}
                    <div className="flex flex-wrap items-start gap-2">
                      {canMessageAnyone(actor) && user.id !== actor.userId && !user.deletedAt && !user.suspendedAt ? (
                        <MessageAccountButton userId={user.id} name={user.name} />
                      ) : null}
                      {canSuspend(actor, user).allowed && !user.deletedAt ? (
                        <UserModeration userId={user.id} name={user.name} isSuspended={Boolean(user.suspendedAt)} />
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {page.items.length === 0 ? <p className="p-6 text-center text-sm text-stone-500">No accounts match.</p> : null}
      </Card>
      {page.nextCursor ? (
        <Link
          href={`/admin/users?${new URLSearchParams({ ...kept, cursor: page.nextCursor })}`}
          className={buttonClasses("secondary")}
        >
          Next page
        </Link>
      ) : null}
    </div>
  );
}
