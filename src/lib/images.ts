import sharp, { type Sharp } from "sharp";

export type ImageFormat = "jpeg" | "png" | "webp";

/** The real type of an image from its first bytes; the file name and declared type are not trusted. */
export function detectImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((byte, index) => bytes[index] === byte)) return "png";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return null;
}

/** The widths to make: of the 3:4 card crop ("thumb") and of the whole photo ("large"), each smallest first. */
export type PhotoWidths = { thumb: readonly number[]; large: readonly number[] };

/** The encoded variants, in the order of the widths asked for; width and height are the largest whole photo's. */
export type PhotoVariants = { thumb: Buffer[]; large: Buffer[]; width: number; height: number };

/** Decompression bombs stop here: no real photo needs more than 40 megapixels, and sharp refuses a larger one from its header, before decoding. */
const MAX_INPUT_PIXELS = 40_000_000;

export class OversizedImageError extends Error {
  constructor(readonly maxPixels: number) {
    super(`The image is larger than ${maxPixels / 1_000_000} megapixels.`);
    this.name = "OversizedImageError";
  }
}

export class UnreadableImageError extends Error {
  constructor() {
    super("The image could not be read.");
    this.name = "UnreadableImageError";
  }
}

/**
 * Makes the variants the app serves, in several widths so that a phone gets a
 * small file and a retina screen a sharp one: a 3:4 portrait crop for cards
 * and the whole photo for the profile, all WebP. The crop is chosen once, at
 * the largest width, and scaled down, so every width shows the same framing.
 * Orientation from the camera is applied, then every piece of metadata (EXIF
 * with GPS position, ICC, XMP) is dropped: re-encoding keeps none of it.
 */
export async function makePhotoVariants(bytes: Buffer, widths: PhotoWidths): Promise<PhotoVariants> {
  // The header alone says how big the picture is: a bomb is refused before any pixel is decoded.
  const header = await sharp(bytes)
    .metadata()
    .catch(() => {
      throw new UnreadableImageError();
    });
  if ((header.width ?? 0) * (header.height ?? 0) > MAX_INPUT_PIXELS) throw new OversizedImageError(MAX_INPUT_PIXELS);
  try {
    const source = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).rotate();
    const widestCard = Math.max(...widths.thumb);
    const card = await decoded(
      source
        .clone()
        .resize({ width: widestCard, height: Math.round((widestCard * 4) / 3), fit: "cover", position: "attention" }),
    );
    const widestPhoto = Math.max(...widths.large);
    const whole = await decoded(
      source.clone().resize({ width: widestPhoto, height: widestPhoto, fit: "inside", withoutEnlargement: true }),
    );
    const thumb = await Promise.all(
      widths.thumb.map((width) =>
        card()
          .resize({ width, height: Math.round((width * 4) / 3) })
          .webp({ quality: 78 })
          .toBuffer(),
      ),
    );
    const large = await Promise.all(
      widths.large.map((width) =>
        whole()
          .resize({ width, height: width, fit: "inside", withoutEnlargement: true })
          .webp({ quality: 82 })
          .toBuffer(),
      ),
    );
    return { thumb, large, width: whole.width, height: whole.height };
  } catch {
    throw new UnreadableImageError();
  }
}

/** Decodes a pipeline's result to raw pixels once; each call of the answer starts a new pipeline from them. */
async function decoded(pipeline: Sharp) {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  return Object.assign(() => sharp(data, { raw }), { width: info.width, height: info.height });
}
