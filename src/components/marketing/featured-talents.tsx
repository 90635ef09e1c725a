import Link from "next/link";
import { countryName } from "@/modules/talents/options";
import { TalentPhoto } from "@/modules/talents/components/talent-photo";
import type { GalleryCard } from "@/modules/talents/types";

/** A strip of published profiles from the gallery, each leading to the profile. */
export function FeaturedTalents({ talents }: { talents: GalleryCard[] }) {
  if (talents.length === 0) return null;
  return (
    <section aria-labelledby="featured-talents" className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-semibold text-brand-700">From the gallery</p>
          <h2 id="featured-talents" className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">
            Recently updated profiles
          </h2>
        </div>
        <Link href="/talents" className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
          See all talents
        </Link>
      </div>
      <ul aria-label="Featured talents" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
        {talents.map((talent) => {
          const place = [talent.city, talent.country ? countryName(talent.country) : ""].filter(Boolean).join(", ");
          return (
            <li
              key={talent.id}
              className="group overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm transition hover:shadow-md"
            >
              <Link href={`/talents/${talent.id}`} className="block focus-visible:outline-offset-[-2px]">
                <TalentPhoto photoId={talent.primaryPhotoId} name={talent.displayName} className="w-full" />
                <div className="space-y-1 p-3">
                  <h3 className="font-semibold text-stone-900 group-hover:text-brand-700">{talent.displayName}</h3>
                  {talent.headline ? <p className="line-clamp-2 text-sm text-stone-700">{talent.headline}</p> : null}
                  {place ? <p className="text-xs text-stone-600">{place}</p> : null}
                </div>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
