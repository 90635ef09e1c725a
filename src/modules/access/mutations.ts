import "server-only";
import { APIError } from "better-auth";
import type { Db } from "@/db";
import { AppError, postgresErrorCode, UNIQUE_VIOLATION } from "@/lib/errors";
import { clientAddress } from "@/lib/request";
import { getAuth } from "./auth";
import type { SignInInput, SignUpInput } from "./inputs";
import { admitSignIn, admitSignUp, rateLimitedError, recordFailedSignIn } from "./rate-limit";

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead, or use another email.";

/** Creates the account and signs it in (the session cookie is set on the response). */
export async function signUp(db: Db, requestHeaders: Headers, input: SignUpInput): Promise<void> {
  const admission = await admitSignUp(db, clientAddress(requestHeaders));
  if (!admission.allowed) throw rateLimitedError(admission.retryAfterSeconds);
  try {
    await getAuth().api.signUpEmail({
      headers: requestHeaders,
      body: { name: input.name, email: input.email, password: input.password, role: input.accountType },
    });
  } catch (error) {
    if (error instanceof APIError && error.body?.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
      throw new AppError("conflict", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    }
    // Two sign-ups with one email at the same instant: the unique index lets one through.
    if (postgresErrorCode(error) === UNIQUE_VIOLATION) throw new AppError("conflict", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    if (error instanceof APIError && error.status === "BAD_REQUEST") throw new AppError("invalid_input", error.message);
    throw error;
  }
}

/**
 * Signs in with email and password. Failures are counted per email address,
 * attempts per client address; either limit refuses further tries for a while.
 */
export async function signIn(db: Db, requestHeaders: Headers, input: SignInInput): Promise<void> {
  const admission = await admitSignIn(db, clientAddress(requestHeaders), input.email);
  if (!admission.allowed) throw rateLimitedError(admission.retryAfterSeconds);
  try {
    await getAuth().api.signInEmail({ headers: requestHeaders, body: { email: input.email, password: input.password } });
  } catch (error) {
    if (error instanceof APIError && (error.status === "UNAUTHORIZED" || error.status === "BAD_REQUEST")) {
      await recordFailedSignIn(db, input.email);
      throw new AppError("unauthenticated", "Incorrect email or password.");
    }
    throw error;
  }
}

export async function signOut(requestHeaders: Headers): Promise<void> {
  await getAuth().api.signOut({ headers: requestHeaders });
}
