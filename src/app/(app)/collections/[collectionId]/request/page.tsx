import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { requirePermission } from "@/modules/access/actor";
import { BulkRequestForm } from "@/modules/collections/components/bulk-request-form";
import { MAX_BULK_REQUESTS } from "@/modules/collections/inputs";
import { readOnlyMessage } from "@/modules/collections/policies";
import { getCollection } from "@/modules/collections/queries";
import { RequestBlockedNotice } from "@/modules/contact-requests/components/request-notice";
import { getRequestPrecheck } from "@/modules/contact-requests/queries";

export const metadata: Metadata = { title: "Request contact details" };

type Props = { params: Promise<{ collectionId: string }>; searchParams: Promise<{ talent?: string | string[] }> };

export default async function BulkRequestPage({ params, searchParams }: Props) {
  const actor = await requirePermission("collection:manage");
  const db = getDb();
  const collection = await getCollection(db, actor, (await params).collectionId);
  if (!collection) notFound();
  const picked = new Set([(await searchParams).talent ?? []].flat());
  const listed = collection.entries
    .filter((entry) => picked.has(entry.profileId) && entry.talent?.isListed)
    .map((entry) => ({ profileId: entry.profileId, name: entry.talent!.displayName }));
  // Talents a request cannot go to now (one is pending, or the cooldown after a decline runs) are named, not asked.
  const precheck = await getRequestPrecheck(
    db,
    actor,
    listed.map((talent) => talent.profileId),
  );
  const skipped = listed.filter((talent) => precheck.talentBlocks[talent.profileId]);
  const talents = listed.filter((talent) => !precheck.talentBlocks[talent.profileId]);
  const back = (
    <Link href={`/collections/${collection.id}`} className="text-sm font-medium text-brand-700 hover:underline">
      Back to {collection.name}
    </Link>
  );
  let problem: string | null = null;
  if (!collection.rights.write && "reason" in collection.rights) problem = readOnlyMessage(collection.rights.reason);
  else if (listed.length === 0) problem = "Select at least one talent in the collection first.";
  else if (talents.length === 0) problem = "None of the talents you selected can be asked now.";
  else if (precheck.quotaBlock) problem = precheck.quotaBlock.message;
  else if (talents.length > MAX_BULK_REQUESTS)
    problem = `You selected ${talents.length} talents; send at most ${MAX_BULK_REQUESTS} requests at once.`;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      {back}
      <h1 className="text-3xl font-bold tracking-tight">
        Request contact details from {listed.length === 1 ? listed[0]!.name : `${listed.length} talents`}
      </h1>
      <BulkRequestForm
        collectionId={collection.id}
        talents={talents}
        remainingNote={precheck.remainingNote}
        problem={problem}
        notices={
          skipped.length > 0 ? (
            <section aria-labelledby="skipped-talents" className="space-y-2">
              <h2 id="skipped-talents" className="text-sm font-semibold">
                Not asked again
              </h2>
              <ul className="space-y-2">
                {skipped.map((talent) => (
                  <li key={talent.profileId}>
                    <p className="mb-1 text-sm font-medium">{talent.name}</p>
                    <RequestBlockedNotice block={precheck.talentBlocks[talent.profileId]!} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null
        }
      />
    </div>
  );
}
