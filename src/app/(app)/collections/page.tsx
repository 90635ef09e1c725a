import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db";
import { requirePermission } from "@/modules/access/actor";
import { getUpgradeReason } from "@/modules/access/policies";
import { UpgradeDialog } from "@/modules/billing/components/upgrade-dialog";
import { planForRole } from "@/modules/billing/plans";
import { CollectionDetailsForm } from "@/modules/collections/components/collection-forms";
import { collectionRights, readOnlyMessage } from "@/modules/collections/policies";
import { listCollections } from "@/modules/collections/queries";
import { TalentPhoto } from "@/modules/talents/components/talent-photo";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Collections" };

export default async function CollectionsPage() {
  const actor = await requirePermission("collection:manage");
  const rights = collectionRights(actor);
  const collections = await listCollections(getDb(), actor);
  const upgrade = getUpgradeReason(actor);
  const plan = planForRole(actor.role);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Collections</h1>
        <p className="mt-1 text-stone-600">
          Shortlists of talents for your roles: add from the gallery or a profile, keep notes, share them read-only, and
          send contact requests to several talents at once.
        </p>
      </div>
      {!rights.write && rights.read ? (
        <div
          role="status"
          className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900"
        >
          <p>{readOnlyMessage(rights.reason)}</p>
          {upgrade && plan ? (
            <UpgradeDialog
              label={
                upgrade === "past_due" ? "Fix the payment" : upgrade === "canceled" ? "Subscribe again" : "Subscribe"
              }
              purpose="keep collections"
              reason={upgrade}
              plan={plan}
              returnTo="/collections"
            />
          ) : null}
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-label="Your collections" className="space-y-3">
          {collections.length === 0 ? (
            <div className="rounded-2xl border border-dashed border-stone-300 p-10 text-center">
              <p className="font-semibold">No collections yet.</p>
              <p className="mt-1 text-sm text-stone-600">
                Create one here, or select talents in the{" "}
                <Link href="/talents" className="font-medium text-brand-700 underline">
                  gallery
                </Link>{" "}
                and add them to a new collection.
              </p>
            </div>
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2">
              {collections.map((collection) => (
                <li key={collection.id}>
                  <Link
                    href={`/collections/${collection.id}`}
                    className="block h-full rounded-2xl border border-stone-200 bg-white p-4 shadow-sm transition hover:shadow-md"
                  >
                    <div className="flex items-start justify-between gap-2">
                      <h2 className="font-semibold">{collection.name}</h2>
                      {collection.isShared ? <Badge tone="brand">Shared</Badge> : null}
                    </div>
                    {collection.description ? (
                      <p className="mt-1 line-clamp-2 text-sm text-stone-600">{collection.description}</p>
                    ) : null}
                    <div aria-hidden className="mt-3 flex -space-x-3">
                      {collection.photoIds.map((photoId) => (
                        <div key={photoId} className="size-10 overflow-hidden rounded-full ring-2 ring-white">
                          <TalentPhoto photoId={photoId} name="" className="aspect-square size-full" />
                        </div>
                      ))}
                    </div>
                    <p className="mt-2 text-xs text-stone-500">
                      {collection.size} talent{collection.size === 1 ? "" : "s"} - updated{" "}
                      {formatDate(collection.updatedAt, actor.timeZone)}
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        {rights.write ? (
          <Card className="h-fit space-y-3">
            <CardTitle>New collection</CardTitle>
            <CollectionDetailsForm />
          </Card>
        ) : null}
      </div>
    </div>
  );
}
