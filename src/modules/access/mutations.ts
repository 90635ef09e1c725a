import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { sessions, users } from "@/db/schema/auth";
import type { Db } from "@/db";
import { enforce } from "@/lib/decision";
import { AppError, postgresErrorCode, UNIQUE_VIOLATION } from "@/lib/errors";
import { isUuid } from "@/lib/text-input";
import { waitUntilElapsed, withMinimumDuration } from "@/lib/timing";
import { clientAddress } from "@/lib/request";
import { recordAdminAction } from "@/modules/audit/internal";
import { canModerate, canSuspend } from "./policies";
import type { Actor } from "./types";
import { getAuth } from "./auth";
import type { PasswordResetInput, PasswordResetRequestInput, SignInInput, SignUpInput } from "./inputs";
import { PASSWORD_RESET_ANSWER_MS } from "./password-reset";
import { admitPasswordReset, admitSignIn, admitSignUp, rateLimitedError, recordFailedSignIn } from "./rate-limit";

/**
 * Better Auth's refusals, recognised by shape: Next.js may bundle the library
 * more than once, so `instanceof APIError` is not reliable here.
 */
function authRefusal(error: unknown): { status: string; code?: string; message: string } | null {
  if (!(error instanceof Error) || error.name !== "APIError") return null;
  const { status, body } = error as Error & { status?: unknown; body?: { code?: unknown } };
  if (typeof status !== "string") return null;
  return { status, code: typeof body?.code === "string" ? body.code : undefined, message: error.message };
}

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead, or use another email.";

/** Creates the account and signs it in (the session cookie is set on the response). */
// Public: signing up, signing in and resetting a password are what an anonymous visitor does.
export async function signUp(db: Db, requestHeaders: Headers, input: SignUpInput): Promise<void> {
  const admission = await admitSignUp(db, clientAddress(requestHeaders));
  if (!admission.allowed) throw rateLimitedError(admission.retryAfterSeconds);
  try {
    await getAuth().api.signUpEmail({
      headers: requestHeaders,
      body: {
        name: input.name,
        email: input.email,
        password: input.password,
        role: input.accountType,
        timeZone: input.timeZone,
      },
    });
  } catch (error) {
    const refusal = authRefusal(error);
    if (refusal?.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
      throw new AppError("conflict", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    }
    // Two sign-ups with one email at the same instant: the unique index lets one through.
    if (postgresErrorCode(error) === UNIQUE_VIOLATION)
      throw new AppError("conflict", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    if (refusal?.status === "BAD_REQUEST" || refusal?.status === "UNPROCESSABLE_ENTITY")
      throw new AppError("invalid_input", refusal.message);
    throw error;
  }
}

/**
 * How long a refused sign-in takes at least. Better Auth hashes the password of
 * an unknown email as it verifies a known one's, but a known email also costs a
 * lookup of its credentials: a gap of some tens of milliseconds, measured here
 * on PostgreSQL. Every refusal is answered no sooner than this floor, well past
 * the password hash; a successful sign-in is not held.
 */
export const FAILED_SIGN_IN_ANSWER_MS = 600;

/**
 * Signs in with email and password. Failures are counted per email address,
 * attempts per client address; either limit refuses further tries for a while.
 */
export async function signIn(db: Db, requestHeaders: Headers, input: SignInInput): Promise<void> {
  const started = performance.now();
  const admission = await admitSignIn(db, clientAddress(requestHeaders), input.email);
  if (!admission.allowed) throw rateLimitedError(admission.retryAfterSeconds);
  try {
    await getAuth().api.signInEmail({
      headers: requestHeaders,
      body: { email: input.email, password: input.password },
    });
  } catch (error) {
    const refusal = authRefusal(error);
    if (refusal?.code === "ACCOUNT_SUSPENDED") throw new AppError("forbidden", refusal.message);
    if (refusal?.status === "UNAUTHORIZED" || refusal?.status === "BAD_REQUEST") {
      await recordFailedSignIn(db, input.email);
      await waitUntilElapsed(started, FAILED_SIGN_IN_ANSWER_MS);
      throw new AppError("unauthenticated", "Incorrect email or password.");
    }
    throw error;
  }
}

export async function signOut(requestHeaders: Headers): Promise<void> {
  await getAuth().api.signOut({ headers: requestHeaders });
}

export const PASSWORD_RESET_REQUESTED =
  "If an account exists for that address, we have emailed a link to choose a new password. It works once, within an hour.";
export const RESET_LINK_INVALID = "This reset link has expired or was already used. Ask for a new one below.";

/**
 * Asks for a reset link. The answer is the same whether or not the address has
 * an account, and so is the time it takes: the limits count every request,
 * Better Auth looks the address up either way (for an unknown one it also
 * simulates the token lookup), a known address adds a token and an outbox insert
 * (no email is sent during the request), and the answer waits for a fixed floor.
 */
export async function requestPasswordReset(
  db: Db,
  requestHeaders: Headers,
  input: PasswordResetRequestInput,
): Promise<string> {
  return withMinimumDuration(PASSWORD_RESET_ANSWER_MS, async () => {
    const admission = await admitPasswordReset(db, clientAddress(requestHeaders), input.email);
    if (!admission.allowed) throw rateLimitedError(admission.retryAfterSeconds);
    await getAuth().api.requestPasswordReset({ headers: requestHeaders, body: { email: input.email } });
    return PASSWORD_RESET_REQUESTED;
  });
}

/**
 * Sets a new password from a reset link. The link works once and within its
 * hour; the reset ends every session of the account and signs nobody in, so a
 * suspended account gets no session from it either.
 */
export async function resetPassword(requestHeaders: Headers, input: PasswordResetInput): Promise<void> {
  try {
    await getAuth().api.resetPassword({
      headers: requestHeaders,
      body: { token: input.token, newPassword: input.password },
    });
  } catch (error) {
    const refusal = authRefusal(error);
    if (refusal?.code === "INVALID_TOKEN" || refusal?.code === "USER_NOT_FOUND")
      throw new AppError("not_found", RESET_LINK_INVALID);
    if (refusal?.status === "BAD_REQUEST")
      throw new AppError("invalid_input", refusal.message, { password: [refusal.message] });
    throw error;
  }
}

function requireModerator(actor: Actor) {
  if (!canModerate(actor)) throw new AppError("not_found");
}

/**
 * Suspends an account: it cannot sign in again, and every session it has ends
 * in the same transaction, so it is signed out at its next request.
 */
export async function suspendUser(db: Db, actor: Actor, input: { userId: string; reason: string }) {
  requireModerator(actor);
  if (input.userId === actor.userId) throw new AppError("invalid_input", "You cannot suspend your own account.");
  if (!isUuid(input.userId)) throw new AppError("not_found", "That account does not exist.");
  await db.transaction(async (tx) => {
    const [target] = await tx
      .select({ role: users.role, deletedAt: users.deletedAt })
      .from(users)
      .where(eq(users.id, input.userId))
      .for("update");
    if (!target) throw new AppError("not_found", "That account does not exist.");
    if (target.deletedAt)
      throw new AppError("conflict", "That account has been deleted by its owner; there is nothing to suspend.");
    enforce(canSuspend(actor, target));
    const updated = await tx
      .update(users)
      .set({ suspendedAt: new Date(), suspendedReason: input.reason, updatedAt: new Date() })
      .where(and(eq(users.id, input.userId), isNull(users.suspendedAt)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new AppError("conflict", "That account is already suspended.");
    await tx.delete(sessions).where(eq(sessions.userId, input.userId));
    await recordAdminAction(tx, {
      adminId: actor.userId,
      action: "user.suspend",
      targetType: "user",
      targetId: input.userId,
      detail: { reason: input.reason },
    });
  });
}

export async function reinstateUser(db: Db, actor: Actor, userId: string) {
  requireModerator(actor);
  if (!isUuid(userId)) throw new AppError("not_found", "That account is not suspended.");
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ suspendedAt: null, suspendedReason: null, updatedAt: new Date() })
      .where(and(eq(users.id, userId), isNotNull(users.suspendedAt)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new AppError("not_found", "That account is not suspended.");
    await recordAdminAction(tx, {
      adminId: actor.userId,
      action: "user.reinstate",
      targetType: "user",
      targetId: userId,
    });
  });
}
