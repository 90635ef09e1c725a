import "server-only";
import type { Db } from "@/db";
import { enforce } from "@/lib/decision";
import { getLogger } from "@/lib/logger";
import type { BlobStorage } from "@/lib/storage";
import {
  anonymiseAccount,
  confirmPassword,
  lockAccountForDeletion,
  lockOtherActiveAdmins,
} from "@/modules/access/account-lifecycle";
import { canModerate } from "@/modules/access/policies";
import type { Actor } from "@/modules/access/types";
import { recordAdminAction } from "@/modules/audit/internal";
import { cancelSubscriptionForDeletion, endSubscriptionOfDeletedAccount } from "@/modules/billing/internal";
import type { BillingProvider } from "@/modules/billing/provider";
import { deleteCollectionsOfAccount } from "@/modules/collections/internal";
import { expireRequestsOfDeletedAccount, removeRequestCountersOfAccount } from "@/modules/contact-requests/internal";
import { removeMessagingStateOfAccount } from "@/modules/messaging/internal";
import { removeNotificationsOfAccount } from "@/modules/notifications/internal";
import { removeMediaOfAccount } from "@/modules/media/internal";
import { deleteProfileOfAccount } from "@/modules/talents/photos";
import type { DeleteAccountInput } from "./inputs";
import { canDeleteOwnAccount } from "./policies";

/** What a deletion reaches outside the database: the payment provider and the photo store. */
export type DeletionServices = { billing: BillingProvider; storage: BlobStorage };

async function requireMayDelete(db: Db, actor: Actor) {
  const otherActiveAdmins = canModerate(actor) ? await lockOtherActiveAdmins(db, actor.userId) : 0;
  enforce(canDeleteOwnAccount({ role: actor.role, otherActiveAdmins }));
}

/**
 * Deletes the signed-in account (see docs/decisions/015-account-data-rights.md).
 * The rule and the current password are checked first, then a live
 * subscription ends at the provider (a call out, so before the transaction; if
 * it fails nothing changes). Then, in one transaction: the account row is
 * anonymised and kept, its sessions and credentials go, so every cookie stops
 * working and sign-in fails; its profile, photos, notifications, preferences,
 * outbox emails, collections and share links go; its pending contact requests
 * expire, telling senders as any expiry does; the subscription is recorded as
 * ended; and the deletion is audited without personal data. The photo files
 * are removed after the commit.
 */
export async function deleteAccount(
  db: Db,
  services: DeletionServices,
  actor: Actor,
  input: DeleteAccountInput,
  now = new Date(),
): Promise<void> {
  await requireMayDelete(db, actor);
  await confirmPassword(db, { userId: actor.userId, email: actor.email }, input.password);
  await cancelSubscriptionForDeletion(db, services.billing, actor.userId);

  const { files, role } = await db.transaction(async (tx) => {
    // The admin rule again, under the admins' row locks: two last admins cannot both go.
    if (canModerate(actor)) await requireMayDelete(tx, actor);
    const account = await lockAccountForDeletion(tx, actor.userId);
    await anonymiseAccount(tx, account, now);
    const photoFiles = await deleteProfileOfAccount(tx, account.id);
    const mediaFiles = await removeMediaOfAccount(tx, account.id);
    await removeMessagingStateOfAccount(tx, account.id);
    await removeNotificationsOfAccount(tx, account);
    await deleteCollectionsOfAccount(tx, account.id);
    await expireRequestsOfDeletedAccount(tx, account.id, now);
    await removeRequestCountersOfAccount(tx, account.id);
    await endSubscriptionOfDeletedAccount(tx, account.id, now);
    await recordAdminAction(tx, {
      adminId: account.id,
      action: "account.delete",
      targetType: "user",
      targetId: account.id,
      detail: { role: account.role, by: "self" },
    });
    return { files: [...photoFiles, ...mediaFiles], role: account.role };
  });

  // The database no longer points at these files; one left behind by a storage error is unreachable.
  try {
    await services.storage.delete(files);
  } catch (error) {
    getLogger().warn(
      { files: files.length, error: error instanceof Error ? error.message : String(error) },
      "photo and media files of a deleted account could not all be removed",
    );
  }
  getLogger().info({ role }, "account deleted by its owner");
}
