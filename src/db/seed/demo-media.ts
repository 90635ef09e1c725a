import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { inArray } from "drizzle-orm";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import type { BlobStorage } from "@/lib/storage";
import type { Db } from "../client";
import { mediaFiles } from "../schema/media";
import { attachMediaFile } from "./factories";

const run = promisify(execFile);

/**
 * Demo showreels, voice reels and CVs, made at seed time rather than
 * committed: a test-pattern showreel with a tone (ffmpeg, when the system has
 * it), a voice reel as a WAV made here (a short melody), and a CV as a PDF
 * made with pdf-lib. They are stored and left "processing", so the worker
 * processes them as it would an upload. Talents that already have media are
 * left alone, so seeding twice changes nothing.
 */

export type DemoMediaOwner = { id: string; name: string; headline: string; credits: string[] };

/** A mono 16-bit WAV of a few seconds: a rising phrase of sine notes with soft edges. */
export function demoVoiceReel(seconds = 6, seed = 0): Buffer {
  const rate = 16_000;
  const samples = rate * seconds;
  const data = Buffer.alloc(samples * 2);
  const notes = [220, 247, 262, 294, 330, 294, 262, 247].map((f) => f * (1 + (seed % 3) * 0.12));
  const noteLength = Math.floor(samples / notes.length);
  for (let i = 0; i < samples; i += 1) {
    const note = Math.min(notes.length - 1, Math.floor(i / noteLength));
    const t = (i % noteLength) / noteLength;
    const envelope = Math.min(1, t * 20) * Math.min(1, (1 - t) * 8);
    const value = Math.sin((2 * Math.PI * notes[note]! * i) / rate) * envelope * 0.35;
    data.writeInt16LE(Math.round(value * 32_767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** A one-page CV: name, headline and credits, in a plain layout. */
export async function demoCv(owner: DemoMediaOwner): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${owner.name} - CV`);
  const page = pdf.addPage([595, 842]);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText(owner.name, { x: 56, y: 770, size: 26, font: bold, color: rgb(0.1, 0.1, 0.1) });
  page.drawText(owner.headline || "Actor", { x: 56, y: 742, size: 13, font: regular, color: rgb(0.3, 0.3, 0.3) });
  page.drawText("Selected credits", { x: 56, y: 700, size: 15, font: bold });
  owner.credits.slice(0, 20).forEach((credit, index) => {
    page.drawText(`- ${credit}`, { x: 56, y: 676 - index * 20, size: 11, font: regular });
  });
  page.drawText("Training: BA Acting; stage combat (basic); dialect coaching", {
    x: 56,
    y: 200,
    size: 11,
    font: regular,
  });
  return Buffer.from(await pdf.save());
}

/** A short test-pattern showreel with a tone, H.264 and AAC in MP4; null when ffmpeg is not installed. */
export async function demoShowreel(seconds = 12, seed = 0): Promise<Buffer | null> {
  const directory = await mkdtemp(path.join(tmpdir(), "callback-demo-media-"));
  try {
    const file = path.join(directory, "reel.mp4");
    await run(
      "ffmpeg",
      [
        "-v",
        "error",
        "-f",
        "lavfi",
        "-i",
        `testsrc2=size=640x360:rate=25:duration=${seconds}`,
        "-f",
        "lavfi",
        "-i",
        `sine=frequency=${330 + (seed % 4) * 55}:duration=${seconds}`,
        "-c:v",
        "libx264",
        "-pix_fmt",
        "yuv420p",
        "-preset",
        "veryfast",
        "-crf",
        "32",
        "-c:a",
        "aac",
        "-b:a",
        "48k",
        "-movflags",
        "+faststart",
        "-shortest",
        file,
      ],
      { timeout: 120_000 },
    );
    return await readFile(file);
  } catch {
    return null;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

type DemoFile = Parameters<typeof attachMediaFile>[3];

/**
 * Gives each owner that has no media yet a showreel (two for the first, so a
 * premium one is there beside the public main one), a voice reel and a CV.
 * Returns how many files were added.
 */
export async function seedDemoMedia(db: Db, storage: BlobStorage, owners: DemoMediaOwner[]): Promise<number> {
  if (owners.length === 0) return 0;
  const withMedia = new Set(
    (
      await db
        .selectDistinct({ ownerId: mediaFiles.ownerId })
        .from(mediaFiles)
        .where(
          inArray(
            mediaFiles.ownerId,
            owners.map((owner) => owner.id),
          ),
        )
    ).map((row) => row.ownerId),
  );
  const reel = await demoShowreel(12, 0);
  const behindTheScenes = reel ? await demoShowreel(8, 1) : null;
  let added = 0;
  for (const [index, owner] of owners.entries()) {
    if (withMedia.has(owner.id)) continue;
    const files: { bytes: Buffer; file: Omit<DemoFile, "bytes" | "position"> }[] = [];
    const slug = owner.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    if (reel) {
      files.push({
        bytes: reel,
        file: {
          purpose: "showreel",
          contentType: "video/mp4",
          title: "Showreel 2026",
          fileName: `${slug}-showreel.mp4`,
        },
      });
    }
    if (behindTheScenes && index === 0) {
      files.push({
        bytes: behindTheScenes,
        file: {
          purpose: "showreel",
          contentType: "video/mp4",
          title: "Comedy scenes",
          fileName: `${slug}-comedy.mp4`,
        },
      });
    }
    files.push({
      bytes: demoVoiceReel(6, index),
      file: {
        purpose: "voice_reel",
        contentType: "audio/wav",
        title: "Commercial voice reel",
        fileName: `${slug}-voice.wav`,
      },
    });
    files.push({
      bytes: await demoCv(owner),
      file: {
        purpose: "cv",
        contentType: "application/pdf",
        title: "CV",
        fileName: `${slug}-cv.pdf`,
      },
    });
    const positions = new Map<string, number>();
    for (const { bytes, file } of files) {
      const position = positions.get(file.purpose) ?? 0;
      positions.set(file.purpose, position + 1);
      await attachMediaFile(db, storage, owner.id, { ...file, bytes, position });
      added += 1;
    }
  }
  return added;
}
