import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { gallerySortLabels, gallerySorts, type GalleryQuery } from "../gallery-query";
import { availabilities, availabilityLabels, categories, categoryLabels, countries } from "../options";
import { FiltersDisclosure, GallerySearchForm } from "./gallery-filter-parts";

/** The media filters: ticked boxes that keep only talents with a ready file of that purpose. */
const mediaFilters = [
  ["showreel", "Has a showreel"],
  ["voiceReel", "Has a voice reel"],
] as const;

/** The filters a search has set, beside its words and its order: the number on the "Filters" button. */
function countActiveFilters(query: GalleryQuery): number {
  const { category, country, city, language, ageMin, ageMax, availability, showreel, voiceReel } = query;
  return [category, country, city, language, ageMin, ageMax, availability, showreel, voiceReel].filter(
    (value) => value !== undefined,
  ).length;
}

/**
 * The gallery's search and filters: a plain GET form, so the filters live in
 * the URL, a search can be shared, and the back button works - with or without
 * JavaScript. Below the lg breakpoint the filters fold behind a "Filters"
 * button, so the first talents are close to the top of a phone's screen.
 */
export function GalleryFilters({
  query,
  listedCountries,
}: {
  query: GalleryQuery;
  listedCountries: ReadonlySet<string>;
}) {
  // The countries with talent to find; a shared link's country stays selected even when its talents have left.
  const countryOptions = countries.filter(
    (country) => listedCountries.has(country.code) || country.code === query.country,
  );
  return (
    <GallerySearchForm
      signature={JSON.stringify({ ...query, cursor: undefined })}
      role="search"
      aria-label="Search talents"
      className="space-y-4 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <InputField
          name="q"
          label="Search"
          type="search"
          placeholder="Name, skill or keyword - e.g. ballet, Sarah, stage combat"
          defaultValue={query.q}
          className="flex-1"
          maxLength={100}
        />
        <SelectField
          name="sort"
          label="Sort by"
          defaultValue={query.sort}
          options={gallerySorts.map((sort) => ({ value: sort, label: gallerySortLabels[sort] }))}
        />
      </div>
      <FiltersDisclosure activeCount={countActiveFilters(query)}>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField
            name="category"
            label="Category"
            defaultValue={query.category ?? ""}
            placeholder="All categories"
            options={categories.map((category) => ({ value: category, label: categoryLabels[category] }))}
          />
          <SelectField
            name="country"
            label="Country"
            defaultValue={query.country ?? ""}
            placeholder="Anywhere"
            options={countryOptions.map((country) => ({ value: country.code, label: country.name }))}
          />
          <InputField name="city" label="City" defaultValue={query.city ?? ""} maxLength={80} />
          <InputField
            name="language"
            label="Language"
            defaultValue={query.language ?? ""}
            maxLength={40}
            placeholder="e.g. Spanish"
          />
          <InputField
            name="ageMin"
            label="Playing age from"
            type="number"
            min={0}
            max={100}
            defaultValue={query.ageMin ?? ""}
          />
          <InputField
            name="ageMax"
            label="Playing age to"
            type="number"
            min={0}
            max={100}
            defaultValue={query.ageMax ?? ""}
          />
          <SelectField
            name="availability"
            label="Availability"
            defaultValue={query.availability ?? ""}
            placeholder="Any availability"
            options={availabilities.map((availability) => ({
              value: availability,
              label: availabilityLabels[availability],
            }))}
          />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-stone-800">Media</legend>
            {mediaFilters.map(([name, label]) => (
              <label key={name} className="flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name={name}
                  value="1"
                  defaultChecked={query[name] === "1"}
                  className="size-5 accent-brand-700"
                />
                {label}
              </label>
            ))}
          </fieldset>
        </div>
      </FiltersDisclosure>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonClasses("primary", "min-w-32")}>
          Search
        </button>
        <Link href="/talents" className={buttonClasses("secondary")}>
          Clear
        </Link>
      </div>
    </GallerySearchForm>
  );
}
