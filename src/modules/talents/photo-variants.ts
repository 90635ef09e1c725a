import type { PhotoVariants } from "@/lib/images";

/**
 * The files each talent photo is served as: the 3:4 card crop ("thumb") and
 * the whole photo ("large"), each in three widths, so that a browser picks
 * from a srcset the smallest file that is sharp on its screen. The middle card
 * width and the widest photo keep the names photos have had from the start.
 */
export const PHOTO_WIDTHS = { thumb: [240, 480, 720], large: [640, 1024, 1600] } as const;
export type PhotoRendition = keyof typeof PHOTO_WIDTHS;

const baseWidth: Record<PhotoRendition, number> = { thumb: 480, large: 1600 };

export function photoVariantName(rendition: PhotoRendition, width: number): string {
  return width === baseWidth[rendition] ? rendition : `${rendition}-${width}`;
}

export const photoVariants = (Object.keys(PHOTO_WIDTHS) as PhotoRendition[]).flatMap((rendition) =>
  PHOTO_WIDTHS[rendition].map((width) => photoVariantName(rendition, width)),
);
/** The variant a width variant stands in for: a photo stored before widths existed has only that one. */
export function baseVariantOf(variant: string): PhotoRendition {
  return variant.startsWith("thumb") ? "thumb" : "large";
}

export function photoUrl(photoId: string, variant: string): string {
  return `/api/photos/${photoId}/${variant}`;
}

/** The srcset of a photo's rendition: every width, each at its own URL. */
export function photoSrcSet(photoId: string, rendition: PhotoRendition): string {
  return PHOTO_WIDTHS[rendition]
    .map((width) => `${photoUrl(photoId, photoVariantName(rendition, width))} ${width}w`)
    .join(", ");
}

/** Where a variant of a photo is kept: `<storageKey>/<variant>.webp`. */
export function photoStorageKey(storageKey: string, variant: string) {
  return `${storageKey}/${variant}.webp`;
}

/** Every file of a photo, with its bytes, at the keys the photo route reads. */
export function photoFiles(storageKey: string, variants: PhotoVariants): [key: string, bytes: Buffer][] {
  return (Object.keys(PHOTO_WIDTHS) as PhotoRendition[]).flatMap((rendition) =>
    PHOTO_WIDTHS[rendition].map((width, index): [string, Buffer] => [
      photoStorageKey(storageKey, photoVariantName(rendition, width)),
      variants[rendition][index]!,
    ]),
  );
}

export function photoKeys(storageKey: string): string[] {
  return photoVariants.map((variant) => photoStorageKey(storageKey, variant));
}
