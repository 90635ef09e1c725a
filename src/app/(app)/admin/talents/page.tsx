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
import { AdminProfileActions } from "@/modules/talents/components/admin-profile-actions";
import { countryName } from "@/modules/talents/options";
import { listProfilesForAdmin, type AdminProfileFilter } from "@/modules/talents/queries";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Talent profiles" };

const statuses = [
  { value: "published", label: "Published" },
  { value: "draft", label: "Draft" },
  { value: "hidden", label: "Hidden by an admin" },
] as const;

export default async function AdminTalentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePermission("user:moderate");
  const params = await searchParams;
  const filter: AdminProfileFilter = {
    q: params.q?.trim().slice(0, 100) || undefined,
    status: statuses.find((status) => status.value === params.status)?.value,
    cursor: params.cursor,
  };
  const page = await listProfilesForAdmin(getDb(), actor, filter);
  const next = new URLSearchParams({
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  });
  return (
    <div className="space-y-6">
      <AdminPageHeader title="Talent profiles" />
      <form method="get" className="flex flex-wrap items-end gap-3">
        <InputField
          name="q"
          label="Name or email"
          defaultValue={filter.q ?? ""}
          className="w-full sm:w-auto sm:min-w-64 sm:flex-1"
        />
        <SelectField
          name="status"
          label="Status"
          defaultValue={filter.status ?? ""}
          placeholder="Any status"
          options={statuses}
        />
        <button type="submit" className={buttonClasses("primary")}>
          Filter
        </button>
      </form>
      <Card className="p-0">
        <ScrollRegion label="Talent profiles">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-50 text-stone-500">
              <tr>
                <th className="px-4 py-2 font-medium">Talent</th>
                <th className="px-4 py-2 font-medium">Location</th>
                <th className="px-4 py-2 font-medium">Status</th>
                <th className="px-4 py-2 font-medium">Last change</th>
                <th className="px-4 py-2 font-medium">Moderation</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {page.items.map((row) => (
                <tr key={row.id} className="align-top">
                  <td className="px-4 py-3">
                    <Link href={`/talents/${row.id}`} className="font-medium text-stone-900 hover:text-brand-700">
                      {row.displayName}
                    </Link>
                    <p className="text-xs text-stone-500">{row.email}</p>
                  </td>
                  <td className="px-4 py-3 text-stone-600">
                    {[row.city, row.country ? countryName(row.country) : ""].filter(Boolean).join(", ") || "-"}
                  </td>
                  <td className="px-4 py-3">
                    <Badge
                      tone={row.status === "published" ? "success" : row.status === "hidden" ? "danger" : "neutral"}
                    >
                      {row.status}
                    </Badge>
                    {row.status === "hidden" ? (
                      <p className="mt-1 max-w-64 text-xs text-stone-600">
                        {row.hiddenReason} - {row.hiddenByName ?? "an admin"},{" "}
                        {row.hiddenAt ? formatDate(row.hiddenAt, actor.timeZone) : ""}
                      </p>
                    ) : null}
                  </td>
                  <td className="px-4 py-3 text-stone-600">{formatDate(row.updatedAt, actor.timeZone)}</td>
                  <td className="px-4 py-3">
                    <AdminProfileActions profileId={row.id} displayName={row.displayName} status={row.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {page.items.length === 0 ? <p className="p-6 text-center text-sm text-stone-500">No profiles match.</p> : null}
      </Card>
      {page.nextCursor ? (
        <Link
          href={`/admin/talents?${new URLSearchParams({ ...Object.fromEntries(next), cursor: page.nextCursor })}`}
          className={buttonClasses("secondary")}
        >
          Next page
        </Link>
      ) : null}
    </div>
  );
}
