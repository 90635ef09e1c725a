import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { getSharedCollection } from "@/modules/collections/queries";
import { TalentCard } from "@/modules/talents/components/talent-card";

type Props = { params: Promise<{ token: string }> };

const load = cache(async (token: string) => getSharedCollection(getDb(), token));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const collection = await load((await params).token);
  // A shared list is for the people it was sent to, not for search engines.
  return {
    title: collection?.name ?? "Collection not found",
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

/** A collection shared by its secret link: anyone holding it sees the talents' public profiles, read-only. */
export default async function SharedCollectionPage({ params }: Props) {
  const collection = await load((await params).token);
  if (!collection) notFound();
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-medium text-brand-700">Shared by {collection.ownerName}</p>
        <h1 className="text-3xl font-bold tracking-tight">{collection.name}</h1>
        {collection.description ? (
          <p className="mt-1 max-w-2xl whitespace-pre-line text-stone-600">{collection.description}</p>
        ) : null}
        <p className="mt-1 text-sm text-stone-500">
          {collection.talents.length} talent{collection.talents.length === 1 ? "" : "s"} - public profile information
          only
        </p>
      </div>
      {collection.talents.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-stone-300 p-10 text-center text-stone-600">
          There are no talents in this collection right now.
        </p>
      ) : (
        <ul aria-label="Talents" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {collection.talents.map((talent) => (
            <TalentCard key={talent.id} talent={talent} />
          ))}
        </ul>
      )}
    </div>
  );
}
