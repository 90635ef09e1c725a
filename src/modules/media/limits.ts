import "server-only";
import { getEnv } from "@/lib/env";
import type { Role } from "@/modules/access/roles";
import type { MediaKind } from "./options";

const MB = 1024 * 1024;

export interface MediaLimits {
  /** The largest file of each kind, in bytes. */
  maxBytes: Record<MediaKind, number>;
  /** The longest video, in milliseconds. */
  maxVideoMs: number;
}

/** The upload limits from the settings (MEDIA_MAX_*). */
export function mediaLimits(): MediaLimits {
  const env = getEnv();
  return {
    maxBytes: {
      video: env.MEDIA_MAX_VIDEO_MB * MB,
      audio: env.MEDIA_MAX_AUDIO_MB * MB,
      document: env.MEDIA_MAX_DOCUMENT_MB * MB,
    },
    maxVideoMs: env.MEDIA_MAX_VIDEO_MINUTES * 60_000,
  };
}

/**
 * How much an account may store: talents their own quota, subscribers (and
 * admins) more, everyone else a little (for later uses such as attachments).
 */
export function quotaBytesFor(account: { role: Role; hasActiveSubscription: boolean }): number {
  const env = getEnv();
  if (account.role === "TALENT") return env.MEDIA_QUOTA_TALENT_MB * MB;
  if (account.role === "ADMIN") return env.MEDIA_QUOTA_SUBSCRIBER_MB * MB;
  if ((account.role === "PROFESSIONAL" || account.role === "COMPANY") && account.hasActiveSubscription) {
    return env.MEDIA_QUOTA_SUBSCRIBER_MB * MB;
  }
  return env.MEDIA_QUOTA_OTHER_MB * MB;
}
