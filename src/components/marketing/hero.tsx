import { ButtonLink } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { photoSrcSet, photoUrl } from "@/modules/talents/photo-variants";
import type { GalleryCard } from "@/modules/talents/types";

/** The first thing a visitor reads: what Callback is, for both sides, and where to go next. */
export function Hero({ talents }: { talents: GalleryCard[] }) {
  const mosaic = talents.filter((talent) => talent.primaryPhotoId).slice(0, 3);
  return (
    <section
      aria-labelledby="hero-title"
      className="overflow-hidden rounded-3xl bg-gradient-to-br from-stone-900 via-stone-900 to-brand-700 text-white"
    >
      {/* On this dark panel the focus ring is white: the brand colour would not stand out from it. */}
      <div className="grid items-center gap-10 px-6 py-12 sm:px-10 sm:py-16 lg:grid-cols-[1.2fr_1fr] lg:py-20">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wider text-brand-200">
            The talent platform for the casting industry
          </p>
          <h1 id="hero-title" className="mt-3 text-4xl font-bold tracking-tight text-balance sm:text-5xl">
            Casting finds the right talent. Talent keeps control.
          </h1>
          <p className="mt-5 max-w-xl text-lg leading-8 text-stone-200">
            Actors, models, dancers, singers and voice artists publish a free profile. Casting professionals and
            companies search it, message talents and ask for their contact details, which stay private until the talent
            says yes.
          </p>
          <div className="mt-8 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
            <ButtonLink
              href="/sign-up?as=talent"
              className="bg-white px-5 focus-visible:outline-white py-3 text-base text-stone-900 hover:bg-brand-50"
            >
              Create a free talent profile
            </ButtonLink>
            <ButtonLink
              href="/sign-up?as=professional"
              className="bg-brand-600 px-5 focus-visible:outline-white py-3 text-base ring-1 ring-white/30 hover:bg-brand-500"
            >
              Start casting
            </ButtonLink>
            <ButtonLink
              href="/talents"
              variant="ghost"
              className="px-5 py-3 text-base text-white focus-visible:outline-white underline-offset-4 hover:bg-white/10 hover:underline"
            >
              Browse the gallery
            </ButtonLink>
          </div>
        </div>
        {mosaic.length === 3 ? (
          // The same photos are in the list of featured talents below, with names; here they only set the scene.
          <div aria-hidden className="hidden grid-cols-3 gap-3 sm:grid">
            {mosaic.map((talent, index) => (
              // eslint-disable-next-line @next/next/no-img-element -- the photo route serves the widths itself
              <img
                key={talent.id}
                src={photoUrl(talent.primaryPhotoId!, "thumb")}
                srcSet={photoSrcSet(talent.primaryPhotoId!, "thumb")}
                sizes="(min-width: 1024px) 180px, 30vw"
                alt=""
                width={480}
                height={640}
                fetchPriority="high"
                className={cn(
                  "aspect-[3/4] w-full rounded-2xl object-cover shadow-2xl ring-1 ring-white/10",
                  index === 1 && "translate-y-8",
                )}
              />
            ))}
          </div>
        ) : null}
      </div>
    </section>
  );
}
