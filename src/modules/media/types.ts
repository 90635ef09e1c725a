import type { MediaKind, MediaPurpose, MediaStatus } from "./options";

/**
 * A media file as a viewer of a profile sees it: only ready files, with URLs
 * already minted for that viewer (public and immutable, or signed and short-lived).
 */
export interface MediaItem {
  id: string;
  purpose: MediaPurpose;
  kind: MediaKind;
  title: string;
  contentType: string;
  byteSize: number;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  pageCount: number | null;
  isPrimary: boolean;
  url: string;
  posterUrl: string | null;
  captionsUrl: string | null;
}

/** A media file as its owner sees it in the editor: every status, with what went wrong. */
export interface OwnMediaItem extends Omit<MediaItem, "url" | "posterUrl" | "captionsUrl"> {
  status: MediaStatus;
  fileName: string;
  position: number;
  previewNote: string | null;
  failureReason: string | null;
  hasCaptions: boolean;
  createdAt: Date;
  /** Present once ready. */
  url: string | null;
  posterUrl: string | null;
  captionsUrl: string | null;
}

/** The owner's storage: what is used, reserved by uploads in progress, and allowed. */
export interface StorageUse {
  usedBytes: number;
  reservedBytes: number;
  quotaBytes: number;
}
