/**
 * The media vocabulary: what each purpose holds, the kinds of file, and the
 * formats each kind accepts. Safe for client components (no env, no database).
 */
export const mediaPurposes = ["showreel", "voice_reel", "cv"] as const;
export type MediaPurpose = (typeof mediaPurposes)[number];

export const mediaKinds = ["video", "audio", "document"] as const;
export type MediaKind = (typeof mediaKinds)[number];

export const mediaStatuses = ["processing", "ready", "failed"] as const;
export type MediaStatus = (typeof mediaStatuses)[number];

/** The kind of file each purpose takes. */
export const kindOfPurpose: Record<MediaPurpose, MediaKind> = {
  showreel: "video",
  voice_reel: "audio",
  cv: "document",
};

export const purposeLabels: Record<MediaPurpose, { one: string; many: string }> = {
  showreel: { one: "Showreel", many: "Showreels" },
  voice_reel: { one: "Voice reel", many: "Voice reels" },
  cv: { one: "CV", many: "CV" },
};

/** How many files of each purpose one talent may keep. */
export const maxFilesOfPurpose: Record<MediaPurpose, number> = { showreel: 6, voice_reel: 6, cv: 1 };

/** The formats each kind accepts, as detected from the bytes, with the names people know them by. */
export const acceptedFormats: Record<MediaKind, readonly { contentType: string; label: string }[]> = {
  video: [
    { contentType: "video/mp4", label: "MP4 (H.264)" },
    { contentType: "video/webm", label: "WebM" },
    { contentType: "video/quicktime", label: "QuickTime (.mov)" },
  ],
  audio: [
    { contentType: "audio/mpeg", label: "MP3" },
    { contentType: "audio/mp4", label: "M4A (AAC)" },
    { contentType: "audio/wav", label: "WAV" },
  ],
  document: [{ contentType: "application/pdf", label: "PDF" }],
};

/** "MP4 (H.264), WebM or QuickTime (.mov)": for messages that say what is accepted. */
export function acceptedFormatList(kind: MediaKind): string {
  const labels = acceptedFormats[kind].map((format) => format.label);
  return labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
}

/** The file-picker hint (the server still decides from the bytes). */
export const acceptAttribute: Record<MediaKind, string> = {
  video: "video/mp4,video/webm,video/quicktime,.mp4,.webm,.mov,.m4v",
  audio: "audio/mpeg,audio/mp4,audio/x-m4a,audio/wav,audio/x-wav,.mp3,.m4a,.aac,.wav",
  document: "application/pdf,.pdf",
};

/** What a served file is: the original, its poster frame or first-page preview, or its captions. */
export const mediaVariants = ["original", "poster", "captions"] as const;
export type MediaVariant = (typeof mediaVariants)[number];

/** "612 MB", "1.5 GB", "800 KB": a size as people read it (binary units, as the MEDIA_MAX_*_MB settings count). */
export function describeSize(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= 1024 * MB) {
    const gb = bytes / (1024 * MB);
    return `${gb >= 10 ? Math.round(gb) : Math.round(gb * 10) / 10} GB`;
  }
  if (bytes >= MB) return `${Math.round(bytes / MB)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
}
