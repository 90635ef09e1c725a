import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { AdminPageHeader } from "@/modules/admin/components/admin-page-header";
import { requirePermission } from "@/modules/access/actor";
import { reportReasonLabels } from "@/modules/messaging/inputs";
import { listReports } from "@/modules/messaging/queries";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Reported conversations" };

export default async function AdminReportsPage() {
  const actor = await requirePermission("user:moderate");
  const reports = await listReports(getDb(), actor);
  return (
    <div className="space-y-6">
      <AdminPageHeader
        title="Reported conversations"
        description="Messages stay private to their participants; reports show who reported what, and why."
      />
      <Card className="p-0">
        {reports.length === 0 ? <p className="p-6 text-center text-sm text-stone-500">No reports.</p> : null}
        <ul className="divide-y divide-stone-100">
          {reports.map((report) => (
            <li key={report.id} className="space-y-1 px-4 py-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone="danger">
                  {reportReasonLabels[report.reason as keyof typeof reportReasonLabels] ?? report.reason}
                </Badge>
                <span className="text-stone-500">{formatDateTime(report.createdAt, actor.timeZone)}</span>
              </div>
              <p>
                <span className="font-medium">{report.reporter}</span> reported the conversation between{" "}
                {report.participants.join(" and ")}.
              </p>
              {report.note ? <p className="whitespace-pre-wrap text-stone-700">{report.note}</p> : null}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
