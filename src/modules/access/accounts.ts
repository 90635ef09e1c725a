import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema/auth";
import { createUser } from "@/db/seed/factories";
import { fieldErrorsOf } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { adminAccountInput } from "./inputs";

/**
 * Creates an admin account: the only way besides the seed, since ADMIN can
 * never be chosen at sign-up. Used by `npm run admin:create`.
 */
export async function createAdminAccount(db: Db, raw: unknown) {
  const input = adminAccountInput.safeParse(raw);
  if (!input.success) {
    const problems = Object.entries(fieldErrorsOf(input.error)).map(
      ([field, messages]) => `--${field}: ${messages.join(" ")}`,
    );
    throw new AppError("invalid_input", problems.join("\n"));
  }
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.data.email));
  if (existing) throw new AppError("conflict", `An account with the email ${input.data.email} already exists.`);
  return createUser(db, { ...input.data, role: "ADMIN" });
}
