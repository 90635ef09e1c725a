import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { availabilityLabels, categoryLabels, countryName } from "../options";
import type { GalleryCard } from "../types";
import { TalentPhoto } from "./talent-photo";

/**
 * A gallery card. With `selectForm`, it also carries a checkbox and an "Add"
 * button that belong to that form (by id), for adding talents to a list.
 */
export function TalentCard({
  talent,
  selectForm,
}: {
  talent: GalleryCard;
  selectForm?: { id: string; buttonLabel: string };
}) {
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
      {selectForm ? (
        <div className="flex items-center justify-between gap-2 border-t border-stone-100 px-3 py-2 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="profileIds"
              value={talent.id}
              form={selectForm.id}
              className="accent-brand-600"
              aria-label={`Select ${talent.displayName}`}
            />
            Select
          </label>
          <button
            type="submit"
            name="only"
            value={talent.id}
            form={selectForm.id}
            className="font-medium text-brand-700 hover:underline"
            aria-label={`${selectForm.buttonLabel}: ${talent.displayName}`}
          >
            {selectForm.buttonLabel}
          </button>
        </div>
      ) : null}
    </li>
  );
}
