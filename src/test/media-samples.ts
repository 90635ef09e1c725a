import { execFile } from "node:child_process";
import { mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PDFDocument, StandardFonts } from "pdf-lib";
import sharp from "sharp";

const run = promisify(execFile);

/**
 * Tiny real media files for tests, made with ffmpeg and pdf-lib instead of
 * committed binaries. They are made once into a folder of the system's temp
 * directory (named after this generator's version, so a change makes them
 * anew) and reused by every test file of the run and by later runs.
 */
export interface MediaSamples {
  dir: string;
  /** 2 s, 160x120, H.264 + AAC in MP4. */
  mp4: string;
  /** 2 s, 160x120, VP8 + Opus in WebM. */
  webmVp8: string;
  /** 2 s, 160x120, VP9 + Opus in WebM. */
  webmVp9: string;
  /** 2 s, 160x120, H.264 + AAC in QuickTime. */
  mov: string;
  /** 2 s sine tone, MP3 with an ID3 tag. */
  mp3: string;
  /** 2 s sine tone, MP3 without a tag (starts with a frame sync). */
  mp3NoTag: string;
  /** 2 s sine tone, AAC in M4A. */
  m4a: string;
  /** 2 s sine tone, 16-bit PCM WAV. */
  wav: string;
  /** A one-page PDF. */
  pdf1: string;
  /** A three-page PDF. */
  pdf3: string;
  /** The first third of the MP4: its index (moov, written last) is missing. */
  truncatedMp4: string;
  /** A PNG image named .pdf. */
  pngAsPdf: string;
  /** Plain text named .pdf. */
  textAsPdf: string;
  /** A PDF header followed by garbage: detected as a PDF, but no reader can open it. */
  brokenPdf: string;
}

const VERSION = "v2";

const names: Omit<MediaSamples, "dir"> = {
  mp4: "sample.mp4",
  webmVp8: "sample-vp8.webm",
  webmVp9: "sample-vp9.webm",
  mov: "sample.mov",
  mp3: "sample.mp3",
  mp3NoTag: "sample-notag.mp3",
  m4a: "sample.m4a",
  wav: "sample.wav",
  pdf1: "one-page.pdf",
  pdf3: "three-pages.pdf",
  truncatedMp4: "truncated.mp4",
  pngAsPdf: "image.pdf",
  textAsPdf: "text.pdf",
  brokenPdf: "broken.pdf",
};

let made: Promise<MediaSamples> | undefined;

/** The sample files (made on first use). Needs ffmpeg on the machine. */
export function mediaSamples(): Promise<MediaSamples> {
  made ??= makeOrReuse();
  return made;
}

/** Whether ffmpeg can be run here (tests that need it skip without it). */
export async function hasFfmpeg(): Promise<boolean> {
  try {
    await run("ffmpeg", ["-hide_banner", "-version"], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

function withPaths(dir: string): MediaSamples {
  const entries = Object.entries(names).map(([key, name]) => [key, path.join(dir, name)]);
  return { dir, ...(Object.fromEntries(entries) as Omit<MediaSamples, "dir">) };
}

async function isComplete(dir: string): Promise<boolean> {
  try {
    await stat(path.join(dir, "complete"));
    return true;
  } catch {
    return false;
  }
}

async function makeOrReuse(): Promise<MediaSamples> {
  const dir = path.join(os.tmpdir(), `callback-media-samples-${VERSION}`);
  if (await isComplete(dir)) return withPaths(dir);
  const building = await mkdtemp(path.join(os.tmpdir(), "callback-media-samples-build-"));
  try {
    await makeAll(withPaths(building));
    await writeFile(path.join(building, "complete"), "");
    try {
      await rename(building, dir);
    } catch {
      // Another test file made them at the same moment: use those.
      if (!(await isComplete(dir))) throw new Error(`Could not place media samples in ${dir}`);
    }
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return withPaths(dir);
}

const video = ["-f", "lavfi", "-i", "testsrc=size=160x120:rate=15:duration=2"];
const tone = ["-f", "lavfi", "-i", "sine=frequency=440:duration=2"];

async function ffmpeg(args: string[], output: string): Promise<void> {
  await run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args, output], { timeout: 60_000 });
}

async function makeAll(files: MediaSamples): Promise<void> {
  const h264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k"];
  await Promise.all([
    ffmpeg([...video, ...tone, ...h264, "-shortest"], files.mp4),
    ffmpeg([...video, ...tone, "-c:v", "libvpx", "-deadline", "realtime", "-c:a", "libopus"], files.webmVp8),
  ]);
  await Promise.all([
    ffmpeg(
      [...video, ...tone, "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus"],
      files.webmVp9,
    ),
    ffmpeg([...video, ...tone, ...h264, "-shortest", "-f", "mov"], files.mov),
  ]);
  await Promise.all([
    ffmpeg([...tone, "-c:a", "libmp3lame", "-b:a", "64k", "-id3v2_version", "3"], files.mp3),
    ffmpeg([...tone, "-c:a", "libmp3lame", "-b:a", "64k", "-id3v2_version", "0", "-write_xing", "0"], files.mp3NoTag),
  ]);
  await Promise.all([
    ffmpeg([...tone, "-c:a", "aac", "-b:a", "64k", "-f", "ipod"], files.m4a),
    ffmpeg([...tone, "-c:a", "pcm_s16le"], files.wav),
  ]);

  const mp4 = await readFile(files.mp4);
  await writeFile(files.truncatedMp4, mp4.subarray(0, Math.floor(mp4.length / 3)));

  await writeFile(files.pdf1, await makePdf(1));
  await writeFile(files.pdf3, await makePdf(3));
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3366cc" } })
    .png()
    .toBuffer();
  await writeFile(files.pngAsPdf, png);
  await writeFile(files.textAsPdf, "This is not a PDF, only text with a .pdf name.\n");
  await writeFile(files.brokenPdf, Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 0x41)]));
}

async function makePdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= pages; number += 1) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Sample page ${number} of ${pages}`, { x: 72, y: 760, size: 24, font });
  }
  return pdf.save();
}
