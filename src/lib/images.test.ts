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
  const widths = { thumb: [240, 480, 720], large: [640, 1024, 1600] };

  it("makes a 3:4 WebP card crop and the whole photo in WebP, each in every width asked for", async () => {
    const variants = await makePhotoVariants(
      await sharp({ create: { width: 3000, height: 2000, channels: 3, background: "#111" } })
        .jpeg()
        .toBuffer(),
      widths,
    );
    const sizes = async (files: Buffer[]) =>
      Promise.all(
        files.map(async (file) => {
          const { format, width, height } = await sharp(file).metadata();
          return [format, width, height];
        }),
      );
    expect(await sizes(variants.thumb)).toEqual([
      ["webp", 240, 320],
      ["webp", 480, 640],
      ["webp", 720, 960],
    ]);
    expect(await sizes(variants.large)).toEqual([
      ["webp", 640, 427],
      ["webp", 1024, 683],
      ["webp", 1600, 1067],
    ]);
    expect([variants.width, variants.height]).toEqual([1600, 1067]);
  });

  it("never enlarges a small photo, and frames the card crop the same at every width", async () => {
    // Left half white, right half black: the crop's framing shows in the mean brightness of each width.
    const halves = await sharp({ create: { width: 600, height: 400, channels: 3, background: "#000" } })
      .composite([
        {
          input: await sharp({ create: { width: 300, height: 400, channels: 3, background: "#fff" } })
            .png()
            .toBuffer(),
          left: 0,
          top: 0,
        },
      ])
      .png()
      .toBuffer();
    const variants = await makePhotoVariants(halves, widths);
    const wholeWidths = await Promise.all(variants.large.map(async (file) => (await sharp(file).metadata()).width));
    expect(wholeWidths).toEqual([600, 600, 600]);
    const means = await Promise.all(
      variants.thumb.map(async (file) => Math.round((await sharp(file).stats()).channels[0]!.mean / 8)),
    );
    expect(new Set(means).size).toBe(1);
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
    const variants = await makePhotoVariants(withExif, widths);
    for (const variant of [...variants.large, ...variants.thumb]) {
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
    await expect(makePhotoVariants(truncated, widths)).rejects.toBeInstanceOf(UnreadableImageError);
  });
});
