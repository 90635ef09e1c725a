import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { getEnv } from "@/lib/env";
import { requirePermission } from "@/modules/access/actor";
import { CollectionEntries } from "@/modules/collections/components/collection-entries";
import { CollectionDetailsForm, DeleteCollection } from "@/modules/collections/components/collection-forms";
import { SharePanel } from "@/modules/collections/components/share-panel";
import { MAX_BULK_REQUESTS } from "@/modules/collections/inputs";
import { readOnlyMessage } from "@/modules/collections/policies";
import { getCollection } from "@/modules/collections/queries";

type Props = { params: Promise<{ collectionId: string }> };

const load = cache(async (collectionId: string) =>
  getCollection(getDb(), await requirePermission("collection:manage"), collectionId),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const collection = await load((await params).collectionId);
  return { title: collection?.name ?? "Collection not found" };
}

export default async function CollectionPage({ params }: Props) {
  const collection = await load((await params).collectionId);
  if (!collection) notFound();
  const canChange = collection.rights.write;
  const shareUrl = collection.shareToken ? `${getEnv().BETTER_AUTH_URL}/shared/${collection.shareToken}` : null;
  const size = collection.entries.length;
  return (
    <div className="space-y-6">
      <Link href="/collections" className="text-sm font-medium text-brand-700 hover:underline">
        All collections
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{collection.name}</h1>
          {collection.description ? (
            <p className="mt-1 max-w-2xl whitespace-pre-line text-stone-600">{collection.description}</p>
          ) : null}
          <p className="mt-1 text-sm text-stone-500">
            {size} talent{size === 1 ? "" : "s"}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/collections/${collection.id}/export`} className={buttonClasses("secondary")} download>
            Export CSV
          </a>
          {canChange ? (
            <ButtonLink href="/talents" variant="secondary">
              Add talents
            </ButtonLink>
          ) : null}
        </div>
      </div>
      {collection.rights.write === false && "reason" in collection.rights ? (
        <p role="status" className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {readOnlyMessage(collection.rights.reason)}
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-label="Talents" className="min-w-0 space-y-3">
          {size === 0 ? (
            <div className="rounded-2xl border border-dashed border-stone-300 p-10 text-center">
              <p className="font-semibold">This collection is empty.</p>
              <p className="mt-1 text-sm text-stone-600">
                Select talents in the gallery, or use &quot;Add&quot; on a talent&apos;s profile.
              </p>
            </div>
          ) : (
            <>
              <CollectionEntries
                collectionId={collection.id}
                entries={collection.entries.map((entry) => ({
                  profileId: entry.profileId,
                  note: entry.note,
                  talent: entry.talent,
                }))}
                canChange={canChange}
                selectFormId="bulk-request"
              />
              {canChange ? (
                <form
                  id="bulk-request"
                  method="get"
                  action={`/collections/${collection.id}/request`}
                  className="flex flex-wrap items-center gap-3 rounded-2xl border border-stone-200 bg-white p-4"
                >
                  <button type="submit" className={buttonClasses("primary")}>
                    Request contact details from selected
                  </button>
                  <p className="text-sm text-stone-600">
                    Up to {MAX_BULK_REQUESTS} at once, each with a personal line. Each request counts against your
                    monthly allowance.
                  </p>
                </form>
              ) : null}
            </>
          )}
        </section>
        <aside className="min-w-0 space-y-4">
          <Card className="space-y-3 p-4">
            <CardTitle>Share</CardTitle>
            <SharePanel collectionId={collection.id} shareUrl={shareUrl} canChange={canChange} />
          </Card>
          {canChange ? (
            <Card className="space-y-3 p-4">
              <CardTitle>Details</CardTitle>
              <CollectionDetailsForm
                collection={{ id: collection.id, name: collection.name, description: collection.description }}
              />
              <DeleteCollection collectionId={collection.id} name={collection.name} size={size} />
            </Card>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
