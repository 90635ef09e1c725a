import "./load-env";
import { parseArgs } from "node:util";
import { migrateDatabase } from "@/db/client";
import { closeDatabase, getDatabase } from "@/db/index";
import { createAdminAccount } from "@/modules/access/accounts";

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
    strict: true,
  });
  const handle = getDatabase();
  await migrateDatabase(handle);
  const admin = await createAdminAccount(handle.db, values);
  console.log(`Created admin ${admin.email}. Sign in with that email and the password you gave.`);
}

main()
  .then(() => closeDatabase())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error(
      "Usage: npm run admin:create -- --email admin@example.com --password <at least 12 characters> [--name 'Full Name']",
    );
    await closeDatabase().catch(() => undefined);
    process.exitCode = 1;
  });
