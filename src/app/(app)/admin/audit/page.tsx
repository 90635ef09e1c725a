import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePermission } from "@/modules/access/actor";
import { AdminPageHeader } from "@/modules/admin/components/admin-page-header";
import { listAuditEntries } from "@/modules/admin/queries";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Audit log" };

const labels: Record<string, string> = {
  "user.suspend": "suspended an account",
  "user.reinstate": "reinstated an account",
  "profile.hide": "took a profile out of the gallery",
  "profile.restore": "restored a profile",
};

export default async function AdminAuditPage() {
  const actor = await requirePermission("user:moderate");
  const entries = await listAuditEntries(getDb(), actor);
  return (
    <div className="space-y-6">
      <AdminPageHeader
        title="Audit log"
        description="Every admin action on accounts and profiles, newest first. Times in UTC."
      />
      <Card className="p-0">
        <ul className="divide-y divide-stone-100 text-sm">
          {entries.map((entry) => {
            const reason = (entry.detail as { reason?: unknown }).reason;
            return (
              <li key={entry.id} className="px-4 py-2" data-testid="audit-entry">
                <span className="text-stone-500">{formatDateTime(entry.at, actor.timeZone, { seconds: true })}</span>{" "}
                <span className="font-medium">{entry.adminName ?? "A deleted admin"}</span>{" "}
                {labels[entry.action] ?? entry.action}{" "}
                <span className="font-mono text-xs text-stone-500">
                  {entry.targetType} {entry.targetId}
                </span>
                {typeof reason === "string" ? <span className="text-stone-600"> - {reason}</span> : null}
              </li>
            );
          })}
        </ul>
        {entries.length === 0 ? <p className="p-6 text-center text-sm text-stone-500">No admin actions yet.</p> : null}
      </Card>
    </div>
  );
}
