import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { availabilityLabels, categoryLabels, countryName } from "../options";
import type { GalleryCard } from "../types";
import { TalentPhoto } from "./talent-photo";

export function TalentCard({ talent }: { talent: GalleryCard }) {
  const location = [talent.city, talent.country ? countryName(talent.country) : ""].filter(Boolean).join(", ");
  return (
    <li className="group overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm transition hover:shadow-md">
      <Link href={`/talents/${talent.id}`} className="block focus-visible:outline-offset-[-2px]">
        <div className="relative">
          <TalentPhoto photoId={talent.primaryPhotoId} name={talent.displayName} className="w-full" />
          {talent.availability !== "AVAILABLE" ? (
            <Badge tone={talent.availability === "LIMITED" ? "warning" : "neutral"} className="absolute left-2 top-2">
              {availabilityLabels[talent.availability]}
            </Badge>
          ) : null}
        </div>
        <div className="space-y-1 p-3">
          <h2 className="font-semibold text-stone-900 group-hover:text-brand-700">{talent.displayName}</h2>
          {talent.headline ? <p className="line-clamp-2 text-sm text-stone-600">{talent.headline}</p> : null}
          {location ? <p className="text-xs text-stone-500">{location}</p> : null}
          <div className="flex flex-wrap gap-1 pt-1">
            {talent.categories.map((category) => (
              <Badge key={category}>{categoryLabels[category]}</Badge>
            ))}
          </div>
        </div>
      </Link>
    </li>
  );
}
