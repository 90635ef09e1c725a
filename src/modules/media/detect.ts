import "server-only";
import { AppError } from "@/lib/errors";
import { mediaLimits } from "./limits";
import { acceptedFormatList, describeSize, kindOfPurpose, type MediaKind, type MediaPurpose } from "./options";

/** How many leading bytes detection reads. */
export const DETECT_HEAD_BYTES = 4096;

export interface DetectedMedia {
  kind: MediaKind;
  contentType: string;
}

const VIDEO_MP4_BRANDS = new Set([
  "isom",
  "iso2",
  "iso3",
  "iso4",
  "iso5",
  "iso6",
  "mp41",
  "mp42",
  "avc1",
  "M4V ",
  "M4VH",
  "M4VP",
  "mmp4",
  "dash",
  "f4v ",
  "MSNV",
]);
const AUDIO_MP4_BRANDS = new Set(["M4A ", "M4B ", "M4P ", "F4A ", "F4B "]);
/** Boxes an old QuickTime file may start with when it has no ftyp box. */
const QUICKTIME_FIRST_BOXES = new Set(["moov", "mdat", "wide", "free", "pnot"]);

function ascii(bytes: Uint8Array, start: number, length: number): string {
  if (bytes.length < start + length) return "";
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

function detectIsoMedia(head: Uint8Array): DetectedMedia | null {
  const firstBox = ascii(head, 4, 4);
  if (firstBox !== "ftyp") {
    return QUICKTIME_FIRST_BOXES.has(firstBox) ? { kind: "video", contentType: "video/quicktime" } : null;
  }
  const boxSize = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
  const major = ascii(head, 8, 4);
  const compatible: string[] = [];
  for (let offset = 16; offset + 4 <= Math.min(boxSize, head.length); offset += 4) {
    compatible.push(ascii(head, offset, 4));
  }
  if (major === "qt  ") return { kind: "video", contentType: "video/quicktime" };
  if (AUDIO_MP4_BRANDS.has(major)) return { kind: "audio", contentType: "audio/mp4" };
  if (VIDEO_MP4_BRANDS.has(major)) return { kind: "video", contentType: "video/mp4" };
  // An unfamiliar major brand: decide by the brands it says it is compatible with.
  if (compatible.some((brand) => AUDIO_MP4_BRANDS.has(brand))) return { kind: "audio", contentType: "audio/mp4" };
  if (compatible.includes("qt  ")) return { kind: "video", contentType: "video/quicktime" };
  if (compatible.some((brand) => VIDEO_MP4_BRANDS.has(brand))) return { kind: "video", contentType: "video/mp4" };
  return null;
}

/** The EBML DocType of a Matroska-family file ("webm", "matroska"), or null. */
function ebmlDocType(head: Uint8Array): string | null {
  const limit = Math.min(head.length - 3, 256);
  for (let index = 4; index < limit; index += 1) {
    if (head[index] !== 0x42 || head[index + 1] !== 0x82) continue;
    const sizeByte = head[index + 2]!;
    if ((sizeByte & 0x80) === 0) continue; // only one-byte sizes, as every DocType has
    const size = sizeByte & 0x7f;
    return ascii(head, index + 3, size) || null;
  }
  return null;
}

/** An MPEG audio layer III frame header at the start. */
function isMp3Frame(head: Uint8Array): boolean {
  if (head.length < 4 || head[0] !== 0xff || (head[1]! & 0xe0) !== 0xe0) return false;
  const version = (head[1]! >> 3) & 0x03;
  const layer = (head[1]! >> 1) & 0x03;
  const bitrate = (head[2]! >> 4) & 0x0f;
  const sampleRate = (head[2]! >> 2) & 0x03;
  return version !== 0x01 && layer === 0x01 && bitrate !== 0x00 && bitrate !== 0x0f && sampleRate !== 0x03;
}

/**
 * What a file is, from its first bytes (DETECT_HEAD_BYTES of them), never
 * from its name or what the browser says: MP4 and QuickTime by their ftyp
 * brand, WebM by its EBML DocType, MP3 by an ID3 tag or a frame header, M4A
 * by its audio brand, WAV by RIFF/WAVE, PDF by its header. Anything else is null.
 */
export function detectMedia(head: Uint8Array): DetectedMedia | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: "document", contentType: "application/pdf" };
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 4) === "WAVE") return { kind: "audio", contentType: "audio/wav" };
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    return ebmlDocType(head) === "webm" ? { kind: "video", contentType: "video/webm" } : null;
  }
  if (ascii(head, 0, 3) === "ID3" || isMp3Frame(head)) return { kind: "audio", contentType: "audio/mpeg" };
  return detectIsoMedia(head);
}

const kindNouns: Record<MediaKind, string> = { video: "a video", audio: "an audio file", document: "a document" };

function acceptedHint(kind: MediaKind): string {
  return kind === "document" ? "Upload a PDF." : `Upload ${acceptedFormatList(kind)}.`;
}

function limitSubject(purpose: MediaPurpose): string {
  if (purpose === "showreel") return "showreels";
  if (purpose === "voice_reel") return "voice reels";
  return "a CV";
}

/**
 * Refuses an empty file or one over the purpose's size limit, before any
 * bytes are read (an upload checks its declared size with this first).
 */
export function assertSizeAllowed(purpose: MediaPurpose, byteSize: number): void {
  if (byteSize <= 0) throw new AppError("invalid_input", "This file is empty.");
  const limit = mediaLimits().maxBytes[kindOfPurpose[purpose]];
  if (byteSize > limit) {
    throw new AppError(
      "too_large",
      `This file is ${describeSize(byteSize)}; ${limitSubject(purpose)} can be up to ${describeSize(limit)}.`,
    );
  }
}

/**
 * Checks a file against what its purpose takes: not empty, a kind the purpose
 * accepts (decided from the bytes), within the size limit. Returns the type
 * detected, or throws the AppError that says what is accepted.
 */
export function assertAcceptedFile(purpose: MediaPurpose, head: Uint8Array, byteSize: number): DetectedMedia {
  if (byteSize <= 0 || head.length === 0) throw new AppError("invalid_input", "This file is empty.");
  const kind = kindOfPurpose[purpose];
  const detected = detectMedia(head);
  if (!detected || detected.kind !== kind) {
    throw new AppError("unsupported_type", `This file is not ${kindNouns[kind]} we accept. ${acceptedHint(kind)}`);
  }
  assertSizeAllowed(purpose, byteSize);
  return detected;
}
