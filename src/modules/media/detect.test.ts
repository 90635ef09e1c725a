import { copyFile, mkdtemp, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { mediaSamples, type MediaSamples } from "@/test/media-samples";
import { assertAcceptedFile, assertSizeAllowed, detectMedia, DETECT_HEAD_BYTES } from "./detect";
import { quotaBytesFor } from "./limits";

// The limits come from the settings; a secret keeps the settings from making one on disk.
vi.stubEnv("BETTER_AUTH_SECRET", "unit-tests-secret-0123456789abcdef0123");

const MB = 1024 * 1024;
let samples: MediaSamples;

/** The first bytes of a file, as an upload would read them. */
async function head(file: string): Promise<Uint8Array> {
  const handle = await open(file);
  try {
    const buffer = Buffer.alloc(DETECT_HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, DETECT_HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  samples = await mediaSamples();
}, 120_000);

describe("detectMedia on real files", () => {
  it.each([
    ["mp4", "video", "video/mp4"],
    ["webmVp8", "video", "video/webm"],
    ["webmVp9", "video", "video/webm"],
    ["mov", "video", "video/quicktime"],
    ["mp3", "audio", "audio/mpeg"],
    ["mp3NoTag", "audio", "audio/mpeg"],
    ["m4a", "audio", "audio/mp4"],
    ["wav", "audio", "audio/wav"],
    ["pdf1", "document", "application/pdf"],
    ["pdf3", "document", "application/pdf"],
  ] as const)("detects %s as %s (%s)", async (sample, kind, contentType) => {
    expect(detectMedia(await head(samples[sample]))).toEqual({ kind, contentType });
  });

  it("goes by the bytes, not the name: a PNG or text named .pdf is nothing it knows", async () => {
    expect(detectMedia(await head(samples.pngAsPdf))).toBeNull();
    expect(detectMedia(await head(samples.textAsPdf))).toBeNull();
  });

  it("still detects a file renamed to another extension", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "callback-renamed-"));
    try {
      await copyFile(samples.mp3, path.join(dir, "voice.pdf"));
      await copyFile(samples.webmVp8, path.join(dir, "reel.mp4"));
      expect(detectMedia(await head(path.join(dir, "voice.pdf")))).toEqual({
        kind: "audio",
        contentType: "audio/mpeg",
      });
      expect(detectMedia(await head(path.join(dir, "reel.mp4")))).toEqual({ kind: "video", contentType: "video/webm" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("knows nothing of empty or tiny input", () => {
    expect(detectMedia(new Uint8Array())).toBeNull();
    expect(detectMedia(new Uint8Array([0xff]))).toBeNull();
    expect(detectMedia(Buffer.from("RIFF"))).toBeNull();
  });

  it("refuses a Matroska file that is not WebM", () => {
    const mkv = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88, ...Buffer.from("matroska")]);
    expect(detectMedia(mkv)).toBeNull();
  });
});

describe("assertAcceptedFile", () => {
  it("returns the detected type when the kind is the purpose's", async () => {
    expect(assertAcceptedFile("showreel", await head(samples.webmVp9), 34_000)).toEqual({
      kind: "video",
      contentType: "video/webm",
    });
    expect(assertAcceptedFile("voice_reel", await head(samples.wav), 176_000).contentType).toBe("audio/wav");
    expect(assertAcceptedFile("cv", await head(samples.pdf1), 900).contentType).toBe("application/pdf");
  });

  it("refuses the wrong kind for the purpose, naming what is accepted", async () => {
    const mp3 = await head(samples.mp3);
    const video = refusal(() => assertAcceptedFile("showreel", mp3, 16_000));
    expect(video.code).toBe("unsupported_type");
    expect(video.message).toBe("This file is not a video we accept. Upload MP4 (H.264), WebM or QuickTime (.mov).");

    const mp4 = await head(samples.mp4);
    expect(refusal(() => assertAcceptedFile("voice_reel", mp4, 38_000)).message).toBe(
      "This file is not an audio file we accept. Upload MP3, M4A (AAC) or WAV.",
    );
    const png = await head(samples.pngAsPdf);
    const cv = refusal(() => assertAcceptedFile("cv", png, 139));
    expect(cv.code).toBe("unsupported_type");
    expect(cv.message).toBe("This file is not a document we accept. Upload a PDF.");
  });

  it("refuses an empty file", () => {
    const empty = refusal(() => assertAcceptedFile("showreel", new Uint8Array(), 0));
    expect(empty.code).toBe("invalid_input");
    expect(empty.message).toBe("This file is empty.");
    expect(refusal(() => assertSizeAllowed("cv", 0)).message).toBe("This file is empty.");
  });

  it("refuses a file over the limit, saying its size and the limit", async () => {
    const mp4 = await head(samples.mp4);
    const tooLarge = refusal(() => assertAcceptedFile("showreel", mp4, 612 * MB));
    expect(tooLarge.code).toBe("too_large");
    expect(tooLarge.message).toBe("This file is 612 MB; showreels can be up to 500 MB.");
    expect(refusal(() => assertSizeAllowed("voice_reel", 51 * MB)).message).toBe(
      "This file is 51 MB; voice reels can be up to 50 MB.",
    );
    expect(refusal(() => assertSizeAllowed("cv", 21 * MB)).message).toBe(
      "This file is 21 MB; a CV can be up to 20 MB.",
    );
    expect(() => assertSizeAllowed("showreel", 500 * MB)).not.toThrow();
  });
});

describe("quotaBytesFor", () => {
  it("gives talents, subscribers and admins, and everyone else their quota", () => {
    expect(quotaBytesFor({ role: "TALENT", hasActiveSubscription: false })).toBe(2048 * MB);
    expect(quotaBytesFor({ role: "PROFESSIONAL", hasActiveSubscription: true })).toBe(5120 * MB);
    expect(quotaBytesFor({ role: "COMPANY", hasActiveSubscription: true })).toBe(5120 * MB);
    expect(quotaBytesFor({ role: "ADMIN", hasActiveSubscription: false })).toBe(5120 * MB);
    expect(quotaBytesFor({ role: "PROFESSIONAL", hasActiveSubscription: false })).toBe(500 * MB);
  });
});
