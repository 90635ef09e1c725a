import { cn } from "@/lib/cn";
import { photoSrcSet, photoUrl, type PhotoRendition } from "../photo-variants";

function initialsOf(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}

/**
 * A talent photo served by the photo route (which checks who may see it), or
 * the talent's initials. The browser picks a width from the srcset by `sizes`,
 * the width the photo takes on the page: give it wherever the default (a
 * gallery card, or the profile's main photo) is wrong.
 */
export function TalentPhoto({
  photoId,
  name,
  variant = "thumb",
  sizes = defaultSizes[variant],
  className,
  priority,
}: {
  photoId: string | null;
  name: string;
  variant?: PhotoRendition;
  sizes?: string;
  className?: string;
  priority?: boolean;
}) {
  if (!photoId) {
    return (
      <div
        aria-hidden
        className={cn(
          "grid aspect-[3/4] place-items-center bg-gradient-to-br from-brand-100 to-stone-200 text-3xl font-bold text-brand-700",
          className,
        )}
      >
        {initialsOf(name)}
      </div>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- the photo route serves the widths; the optimiser would fetch premium photos without the viewer's session
    <img
      src={photoUrl(photoId, variant)}
      srcSet={photoSrcSet(photoId, variant)}
      sizes={sizes}
      alt={`Photo of ${name}`}
      width={variant === "thumb" ? 480 : 1200}
      height={variant === "thumb" ? 640 : 1600}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : undefined}
      decoding="async"
      className={cn("aspect-[3/4] object-cover", className)}
    />
  );
}

/** A grid of a profile's photos: two to a row on a phone, four from 640 pixels, in a column of at most 720. */
export const photoGridSizes = "(min-width: 1024px) 180px, (min-width: 640px) 25vw, 50vw";

/** A gallery card (two, three or four to a row) and the profile's main photo (256 or 320 pixels wide). */
const defaultSizes: Record<PhotoRendition, string> = {
  thumb: "(min-width: 1024px) 280px, (min-width: 640px) 33vw, 50vw",
  large: "(min-width: 640px) 320px, 256px",
};
