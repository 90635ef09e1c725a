import sharp from "sharp";

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

export type PhotoVariants = { thumb: Buffer; large: Buffer; width: number; height: number };

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
 * Makes the variants the app serves: a 3:4 portrait thumbnail for cards and a
 * large image for the profile, both WebP. Orientation from the camera is
 * applied, then every piece of metadata (EXIF with GPS position, ICC, XMP) is
 * dropped: re-encoding keeps none of it.
 */
export async function makePhotoVariants(bytes: Buffer): Promise<PhotoVariants> {
  // The header alone says how big the picture is: a bomb is refused before any pixel is decoded.
  const header = await sharp(bytes)
    .metadata()
    .catch(() => {
      throw new UnreadableImageError();
    });
  if ((header.width ?? 0) * (header.height ?? 0) > MAX_INPUT_PIXELS) throw new OversizedImageError(MAX_INPUT_PIXELS);
  try {
    const source = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).rotate();
    const large = await source
      .clone()
      .resize({ width: 1600, height: 1600, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    const thumb = await source
      .clone()
      .resize({ width: 480, height: 640, fit: "cover", position: "attention" })
      .webp({ quality: 78 })
      .toBuffer();
    return { thumb, large: large.data, width: large.info.width, height: large.info.height };
  } catch {
    throw new UnreadableImageError();
  }
}
