import "server-only";
import type { Db } from "@/db";
import { AppError, postgresErrorCode, UNIQUE_VIOLATION } from "@/lib/errors";
import { clientAddress } from "@/lib/request";
import { getAuth } from "./auth";
import type { SignInInput, SignUpInput } from "./inputs";
import { admitSignIn, admitSignUp, rateLimitedError, recordFailedSignIn } from "./rate-limit";

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
export async function signUp(db: Db, requestHeaders: Headers, input: SignUpInput): Promise<void> {
  const admission = await admitSignUp(db, clientAddress(requestHeaders));
  if (!admission.allowed) throw rateLimitedError(admission.retryAfterSeconds);
  try {
    await getAuth().api.signUpEmail({
      headers: requestHeaders,
      body: { name: input.name, email: input.email, password: input.password, role: input.accountType },
    });
  } catch (error) {
    const refusal = authRefusal(error);
    if (refusal?.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
      throw new AppError("conflict", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    }
    // Two sign-ups with one email at the same instant: the unique index lets one through.
    if (postgresErrorCode(error) === UNIQUE_VIOLATION) throw new AppError("conflict", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    if (refusal?.status === "BAD_REQUEST" || refusal?.status === "UNPROCESSABLE_ENTITY") throw new AppError("invalid_input", refusal.message);
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
    const refusal = authRefusal(error);
    if (refusal?.status === "UNAUTHORIZED" || refusal?.status === "BAD_REQUEST") {
      await recordFailedSignIn(db, input.email);
      throw new AppError("unauthenticated", "Incorrect email or password.");
    }
    throw error;
  }
}

export async function signOut(requestHeaders: Headers): Promise<void> {
  await getAuth().api.signOut({ headers: requestHeaders });
}
