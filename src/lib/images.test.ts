import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { detectImageFormat, makePhotoVariants, UnreadableImageError } from "./images";

const photo = (format: "jpeg" | "png" | "webp") =>
  sharp({ create: { width: 900, height: 1200, channels: 3, background: "#7c3aed" } })
    .toFormat(format)
    .toBuffer();

describe("detectImageFormat", () => {
  it("recognises JPEG, PNG and WebP by their first bytes", async () => {
    expect(detectImageFormat(await photo("jpeg"))).toBe("jpeg");
    expect(detectImageFormat(await photo("png"))).toBe("png");
    expect(detectImageFormat(await photo("webp"))).toBe("webp");
  });

  it("refuses anything else, whatever it is called", () => {
    expect(detectImageFormat(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(detectImageFormat(Buffer.from("GIF89a..."))).toBeNull();
    expect(detectImageFormat(Buffer.from("%PDF-1.7"))).toBeNull();
    expect(detectImageFormat(Buffer.alloc(0))).toBeNull();
  });
});

describe("makePhotoVariants", () => {
  it("makes a 3:4 WebP thumbnail and a large WebP no bigger than 1600 pixels", async () => {
    const variants = await makePhotoVariants(
      await sharp({ create: { width: 3000, height: 2000, channels: 3, background: "#111" } })
        .jpeg()
        .toBuffer(),
    );
    const thumb = await sharp(variants.thumb).metadata();
    const large = await sharp(variants.large).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(["webp", 480, 640]);
    expect([large.format, large.width, large.height]).toEqual(["webp", 1600, 1067]);
    expect([variants.width, variants.height]).toEqual([1600, 1067]);
  });

  it("drops EXIF data such as the camera's GPS position, and applies its orientation first", async () => {
    const withExif = await sharp({ create: { width: 400, height: 200, channels: 3, background: "#0a0" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: "PhoneCamera" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
      .toBuffer();
    const original = await sharp(withExif).metadata();
    expect(original.orientation).toBe(6);
    expect(original.exif?.toString("latin1")).toContain("PhoneCamera");
    const variants = await makePhotoVariants(withExif);
    for (const variant of [variants.large, variants.thumb]) {
      const metadata = await sharp(variant).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.icc).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(variant.toString("latin1")).not.toContain("PhoneCamera");
    }
    expect([variants.width, variants.height]).toEqual([200, 400]);
  });

  it("refuses a damaged image", async () => {
    const truncated = (await photo("jpeg")).subarray(0, 200);
    await expect(makePhotoVariants(truncated)).rejects.toBeInstanceOf(UnreadableImageError);
  });
});
