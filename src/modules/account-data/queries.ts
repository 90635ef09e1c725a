import "server-only";
import type { Db } from "@/db";
import type { Decision } from "@/lib/decision";
import { countOtherActiveAdmins, exportAccountRecord } from "@/modules/access/account-lifecycle";
import { canModerate } from "@/modules/access/policies";
import type { Actor } from "@/modules/access/types";
import { exportAuditEntries } from "@/modules/audit/internal";
import { getOwnSubscription } from "@/modules/billing/queries";
import { exportBillingData } from "@/modules/billing/internal";
import { exportCollections } from "@/modules/collections/internal";
import { exportContactRequests } from "@/modules/contact-requests/internal";
import { exportMessagingData } from "@/modules/messaging/internal";
import { exportNotificationData } from "@/modules/notifications/internal";
import { exportMediaOfAccount } from "@/modules/media/internal";
import { exportTalentProfile, getProfileIdOfUser } from "@/modules/talents/internal";
import { canDeleteOwnAccount } from "./policies";

export const EXPORT_FORMAT_VERSION = 1;

/**
 * Everything Callback holds about the signed-in account, gathered from each
 * module that owns a part of it. Always the actor's own data: there is no
 * parameter naming someone else. Never a password hash, a session token or a
 * share-link secret.
 */
export async function exportAccountData(db: Db, actor: Actor) {
  const userId = actor.userId;
  const [record, profile, media, messaging, contactRequests, notifications, collections, billing] = await Promise.all([
    exportAccountRecord(db, userId),
    exportTalentProfile(db, userId),
    exportMediaOfAccount(db, userId),
    exportMessagingData(db, userId),
    exportContactRequests(db, userId),
    exportNotificationData(db, userId),
    exportCollections(db, userId),
    exportBillingData(db, userId),
  ]);
  const audit = await exportAuditEntries(db, userId, profile?.id ?? null);
  return {
    format: { name: "callback-account-export", version: EXPORT_FORMAT_VERSION },
    exportedAt: new Date().toISOString(),
    ...record,
    talentProfile: profile,
    /** Showreels, voice reels and the CV, each with a download link that expires (`linksExpireInSeconds`). */
    media,
    ...messaging,
    contactRequests,
    ...notifications,
    collections,
    billing,
    audit,
  };
}

export type AccountExport = Awaited<ReturnType<typeof exportAccountData>>;

/** The file name of an export: the product, the date, never the person's name or email. */
export function exportFilename(now = new Date()): string {
  return `callback-my-data-${now.toISOString().slice(0, 10)}.json`;
}

export type DeletionOverview = { decision: Decision; hasProfile: boolean; hasLiveSubscription: boolean };

/** What the settings page tells the signed-in account before it deletes itself. */
export async function getDeletionOverview(db: Db, actor: Actor): Promise<DeletionOverview> {
  const [otherActiveAdmins, profileId, subscription] = await Promise.all([
    canModerate(actor) ? countOtherActiveAdmins(db, actor.userId) : Promise.resolve(0),
    getProfileIdOfUser(db, actor.userId),
    getOwnSubscription(db, actor),
  ]);
  return {
    decision: canDeleteOwnAccount({ role: actor.role, otherActiveAdmins }),
    hasProfile: profileId !== null,
    hasLiveSubscription: subscription !== null && subscription.status !== "canceled",
  };
}
