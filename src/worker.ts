import type { Db } from "@/db";
import { getLogger } from "@/lib/logger";
import { getBlobStorage } from "@/lib/storage";
import { rollupActivity } from "@/modules/activity/rollup";
import { expireContactRequests } from "@/modules/contact-requests/internal";
import { cleanAbandonedUploads } from "@/modules/media/internal";
import { processPendingMedia } from "@/modules/media/processing";
import type { MailTransport } from "@/modules/notifications/transport";
import { runEmailWorkerTick } from "@/modules/notifications/worker";
import { fillMissingPhotoWidths } from "@/modules/talents/photos";

/** How often the dashboards' daily rollup looks for newly closed days. */
const ROLLUP_EVERY_MS = 10 * 60 * 1000;
/** How often uploads left unfinished are looked for (they are removed after MEDIA_UPLOAD_ABANDON_HOURS). */
const UPLOAD_CLEANUP_EVERY_MS = 30 * 60 * 1000;

/**
 * The background work, every `intervalMs` until stopped: contact-request
 * reminders and expiry, email delivery, media processing (durations, posters,
 * page counts), the widths of photos stored before there were several, and now and then the activity rollup of closed days and the
 * clean-up of abandoned uploads. Passes never overlap. Started inside the server by
 * default (EMAIL_WORKER=inline), or on its own with `npm run worker`; any
 * number of copies may run against one database.
 */
export function startWorker(db: Db, transport: MailTransport, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  let lastRollup = 0;
  let lastCleanup = 0;
  const pass = async () => {
    await expireContactRequests(db);
    await runEmailWorkerTick(db, transport);
    await processPendingMedia(db, getBlobStorage());
    await fillMissingPhotoWidths(db, getBlobStorage());
    if (Date.now() - lastCleanup >= UPLOAD_CLEANUP_EVERY_MS) {
      lastCleanup = Date.now();
      const removed = await cleanAbandonedUploads(db);
      if (removed > 0) getLogger().info({ removed }, "abandoned uploads removed");
    }
    if (Date.now() - lastRollup >= ROLLUP_EVERY_MS) {
      lastRollup = Date.now();
      const days = await rollupActivity(db);
      if (days > 0) getLogger().info({ days }, "activity rolled up");
    }
  };
  const tick = () => {
    if (running || stopped) return;
    running = pass()
      .catch((error: unknown) =>
        getLogger().error({ err: error instanceof Error ? error.message : String(error) }, "worker pass failed"),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
