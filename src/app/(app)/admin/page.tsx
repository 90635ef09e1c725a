import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Card, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { getEnv } from "@/lib/env";
import { requirePermission } from "@/modules/access/actor";
import { countUsersByRole, listNewestUsers } from "@/modules/access/queries";
import { roleLabels, roles } from "@/modules/access/roles";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminOverviewPage() {
  const actor = await requirePermission("user:moderate");
  const db = getDb();
  const [totals, newest] = await Promise.all([countUsersByRole(db, actor), listNewestUsers(db, actor, 10)]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Admin</h1>
        <div className="flex flex-wrap gap-2">
          <ButtonLink href="/admin/users" variant="secondary">
            Users
          </ButtonLink>
          <ButtonLink href="/admin/talents" variant="secondary">
            Talent profiles
          </ButtonLink>
          <ButtonLink href="/admin/contact-requests" variant="secondary">
            Contact requests
          </ButtonLink>
          <ButtonLink href="/admin/reports" variant="secondary">
            Reports
          </ButtonLink>
          <ButtonLink href="/admin/audit" variant="secondary">
            Audit log
          </ButtonLink>
          {getEnv().SMTP_URL ? null : (
            <ButtonLink href="/dev/mailbox" variant="secondary">
              Mailbox
            </ButtonLink>
          )}
        </div>
      </div>
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {roles.map((role) => (
          <Card key={role} className="p-4">
            <p className="text-sm text-stone-500">{roleLabels[role]} accounts</p>
            <p className="mt-1 text-3xl font-bold" data-testid={`count-${role}`}>
              {totals[role].toLocaleString("en-GB")}
            </p>
          </Card>
        ))}
      </div>
      <Card>
        <CardTitle>Newest accounts</CardTitle>
        <ScrollRegion label="Newest accounts" className="mt-4">
          <table className="w-full text-left text-sm">
            <thead className="text-stone-500">
              <tr>
                <th className="py-2 font-medium">Name</th>
                <th className="py-2 font-medium">Email</th>
                <th className="py-2 font-medium">Account type</th>
                <th className="py-2 font-medium">Joined</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {newest.map((user) => (
                <tr key={user.id}>
                  <td className="py-2 font-medium">{user.name}</td>
                  <td className="py-2 text-stone-600">{user.email}</td>
                  <td className="py-2">
                    <Badge>{roleLabels[user.role]}</Badge>
                  </td>
                  <td className="py-2 text-stone-600">{formatDate(user.joinedAt, actor.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Card>
    </div>
  );
}
