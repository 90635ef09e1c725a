import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db";
import { formatCount } from "@/lib/plural";
import { GalleryFilters } from "@/modules/talents/components/gallery-filters";
import { TalentCard } from "@/modules/talents/components/talent-card";
import { parseGallerySearchParams } from "@/modules/talents/gallery-query";
import { listedCountryCodes, searchGallery } from "@/modules/talents/queries";
import { getActor } from "@/modules/access/actor";
import { AddToCollectionForm } from "@/modules/collections/components/add-to-collection";
import { collectionRights } from "@/modules/collections/policies";
import { listCollectionChoices } from "@/modules/collections/queries";

export const metadata: Metadata = { title: "Talents" };

type SearchParams = Record<string, string | string[] | undefined>;

function withParams(params: SearchParams, changes: Record<string, string | undefined>) {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first) next.set(key, first);
  }
  const query = next.toString();
  return query ? `/talents?${query}` : "/talents";
}

export default async function GalleryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const query = parseGallerySearchParams(params);
  const db = getDb();
  const collectionChoices = getActor().then((actor) =>
    actor && collectionRights(actor).write ? listCollectionChoices(db, actor) : null,
  );
  const [page, listedCountries, collections] = await Promise.all([
    searchGallery(db, query),
    listedCountryCodes(db),
    collectionChoices,
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Talents</h1>
        <p className="mt-1 text-stone-600">
          Actors, models, dancers, singers, voice artists and more, ready for your next production.
        </p>
      </div>
      <GalleryFilters query={query} listedCountries={listedCountries} />
      {/* Always in the page, so a screen reader hears the new count when a search changes it. */}
      <p
        aria-live="polite"
        aria-atomic="true"
        data-testid="result-count"
        className="text-sm font-medium text-stone-700"
      >
        {page ? formatCount(page.total, "talent") : ""}
      </p>
      {!page ? (
        <div role="alert" className="rounded-2xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          That page link is no longer valid.{" "}
          <Link href={withParams(params, { cursor: undefined })} className="font-semibold underline">
            Start from the first page of these results
          </Link>
          .
        </div>
      ) : page.items.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-stone-300 p-10 text-center">
          <p className="font-semibold">No talents match this search.</p>
          <p className="mt-1 text-sm text-stone-600">Try fewer words, or remove a filter.</p>
        </div>
      ) : (
        <>
          {collections ? (
            <div className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm">
              <AddToCollectionForm
                formId="gallery-add"
                collections={collections}
                label="Add the talents you select to"
              />
              <p className="mt-2 text-xs text-stone-500">
                Tick talents below, or use a card&apos;s own &quot;Add&quot; button to add just that one.
              </p>
            </div>
          ) : null}
          <ul aria-label="Talents" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
            {page.items.map((talent) => (
              <TalentCard
                key={talent.id}
                talent={talent}
                selectForm={collections ? { id: "gallery-add", buttonLabel: "Add" } : undefined}
              />
            ))}
          </ul>
          <nav aria-label="Pages" className="flex justify-center gap-3">
            {query.cursor ? (
              <Link href={withParams(params, { cursor: undefined })} className={buttonClasses("secondary")}>
                First page
              </Link>
            ) : null}
            {page.nextCursor ? (
              <Link href={withParams(params, { cursor: page.nextCursor })} className={buttonClasses("secondary")}>
                Next page
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </div>
  );
}
