import path from "node:path";
import { inArray } from "drizzle-orm";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/logger";
import { recordStartup } from "@/lib/startup";
import { getBlobStorage } from "@/lib/storage";
import { migrateDatabase } from "./client";
import { getDatabase } from "./index";
import { users } from "./schema";
import { DEMO_PASSWORD, demoAccounts, isDatabaseEmpty, seedDemoData } from "./seed/demo";

/**
 * Brings the database up to date before the server takes requests: applies
 * pending migrations, then, on first start of an empty embedded database (or
 * whenever SEED_DEMO_DATA=always), adds the demo data set.
 */
export async function prepareDatabase(): Promise<void> {
  const env = getEnv();
  const log = getLogger();
  const handle = getDatabase();
  const started = Date.now();
  await migrateDatabase(handle);
  log.info({ database: handle.kind, ms: Date.now() - started }, "database migrated");

  const shouldSeed =
    env.SEED_DEMO_DATA === "always" ||
    (env.SEED_DEMO_DATA === "auto" && handle.kind === "pglite" && (await isDatabaseEmpty(handle.db)));
  if (shouldSeed) {
    log.info("seeding demo data (first start)");
    const seeded = await seedDemoData(handle.db, getBlobStorage(), (step, done, total) =>
      log.info({ done, total, ms: Date.now() - started }, `seeding demo data: ${step}`),
    );
    log.info({ ...seeded, ms: Date.now() - started }, "demo data seeded");
  }

  const present = await handle.db
    .select({ email: users.email, role: users.role })
    .from(users)
    .where(
      inArray(
        users.email,
        demoAccounts.map((account) => account.email),
      ),
    );
  const order = demoAccounts.map((account) => account.email as string);
  const notes = new Map<string, string>(
    demoAccounts.flatMap((account) =>
      account.role === "PROFESSIONAL" || account.role === "COMPANY"
        ? [[account.email, "subscription" in account ? subscriptionNote(account.subscription) : "no subscription"]]
        : [],
    ),
  );
  recordStartup({
    database: handle.kind,
    dataDir: handle.kind === "pglite" ? path.relative(process.cwd(), env.dataDir) || "." : null,
    demoAccounts: present
      .sort((a, b) => order.indexOf(a.email) - order.indexOf(b.email))
      .map((account) => ({ ...account, note: notes.get(account.email) })),
    demoPassword: DEMO_PASSWORD,
  });
}

function subscriptionNote(subscription: object): string {
  return "status" in subscription && subscription.status === "past_due" ? "payment past due" : "subscribed";
}
