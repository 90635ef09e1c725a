import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { requirePermission } from "@/modules/access/actor";
import { BulkRequestForm } from "@/modules/collections/components/bulk-request-form";
import { MAX_BULK_REQUESTS } from "@/modules/collections/inputs";
import { readOnlyMessage } from "@/modules/collections/policies";
import { getCollection } from "@/modules/collections/queries";
import { getRemainingQuota } from "@/modules/contact-requests/queries";

export const metadata: Metadata = { title: "Request contact details" };

type Props = { params: Promise<{ collectionId: string }>; searchParams: Promise<{ talent?: string | string[] }> };

export default async function BulkRequestPage({ params, searchParams }: Props) {
  const actor = await requirePermission("collection:manage");
  const db = getDb();
  const collection = await getCollection(db, actor, (await params).collectionId);
  if (!collection) notFound();
  const picked = new Set([(await searchParams).talent ?? []].flat());
  const talents = collection.entries
    .filter((entry) => picked.has(entry.profileId) && entry.talent?.isListed)
    .map((entry) => ({ profileId: entry.profileId, name: entry.talent!.displayName }));
  const remaining = await getRemainingQuota(db, actor);
  const back = (
    <Link href={`/collections/${collection.id}`} className="text-sm font-medium text-brand-700 hover:underline">
      Back to {collection.name}
    </Link>
  );
  let problem: string | null = null;
  if (!collection.rights.write && "reason" in collection.rights) problem = readOnlyMessage(collection.rights.reason);
  else if (talents.length === 0) problem = "Select at least one talent in the collection first.";
  else if (talents.length > MAX_BULK_REQUESTS)
    problem = `You selected ${talents.length} talents; send at most ${MAX_BULK_REQUESTS} requests at once.`;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      {back}
      <h1 className="text-3xl font-bold tracking-tight">
        Request contact details from {talents.length === 1 ? talents[0]!.name : `${talents.length} talents`}
      </h1>
      {problem ? (
        <p role="alert" className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {problem}
        </p>
      ) : (
        <BulkRequestForm
          collectionId={collection.id}
          talents={talents}
          remaining={remaining ? Math.min(remaining.month, remaining.day) : null}
        />
      )}
    </div>
  );
}
