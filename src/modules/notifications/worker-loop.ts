import type { Db } from "@/db";
import { getLogger } from "@/lib/logger";
import { expireContactRequests } from "@/modules/contact-requests/mutations";
import type { MailTransport } from "./transport";
import { runEmailWorkerTick } from "./worker";

/**
 * Runs the scheduled work every `intervalMs` until stopped - contact-request
 * reminders and expiry, then email delivery; passes never overlap.
 * Started inside the server by default (EMAIL_WORKER=inline), or on its own with
 * `npm run worker`; any number of copies may run.
 */
export function startEmailWorker(db: Db, transport: MailTransport, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = expireContactRequests(db)
      .then(() => runEmailWorkerTick(db, transport))
      .catch((error: unknown) => getLogger().error({ err: error instanceof Error ? error.message : String(error) }, "email worker pass failed"))
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
