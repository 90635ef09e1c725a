import "./load-env";
import { migrateDatabase } from "@/db/client";
import { closeDatabase, getDatabase } from "@/db/index";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/logger";
import { createMailTransport } from "@/modules/notifications/transport";
import { startWorker } from "@/worker";

/**
 * The email worker as its own process, for scaling: run any number of copies
 * against one PostgreSQL (set EMAIL_WORKER=off on the app instances if the
 * workers should be the only senders). It stops cleanly on SIGINT and SIGTERM.
 */
async function main() {
  const env = getEnv();
  const handle = getDatabase();
  await migrateDatabase(handle);
  const worker = startWorker(handle.db, createMailTransport(handle.db), env.EMAIL_WORKER_INTERVAL_MS);
  getLogger().info({ database: handle.kind, transport: env.SMTP_URL ? "smtp" : "dev-mailbox" }, "worker running");
  const stop = async () => {
    await worker.stop();
    await closeDatabase();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDatabase().catch(() => undefined);
  process.exit(1);
});
