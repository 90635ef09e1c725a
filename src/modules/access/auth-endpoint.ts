import "server-only";
import { toNextJsHandler } from "better-auth/next-js";
import type { Db } from "@/db";
import { errorCodes } from "@/lib/errors";
import { clientAddress } from "@/lib/request";
import { waitUntilElapsed, withMinimumDuration } from "@/lib/timing";
import { getAuth } from "./auth";
import { FAILED_SIGN_IN_ANSWER_MS } from "./mutations";
import { PASSWORD_RESET_ANSWER_MS } from "./password-reset";
import { admitPasswordReset, admitSignIn, admitSignUp, recordFailedSignIn, type Admission } from "./rate-limit";

function tooManyRequests(admission: Extract<Admission, { allowed: false }>) {
  return Response.json(
    { code: "rate_limited", message: errorCodes.rate_limited.message },
    { status: 429, headers: { "Retry-After": String(admission.retryAfterSeconds) } },
  );
}

async function emailOf(request: Request): Promise<string | null> {
  try {
    const body: unknown = await request.clone().json();
    const email = (body as { email?: unknown }).email;
    return typeof email === "string" ? email.trim().toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Better Auth's HTTP endpoints with the same database-backed limits as our own
 * sign-in, sign-up and password-reset forms, so a script posting to /api/auth directly gets no
 * more tries than a person using the form.
 */
export async function handleAuthRequest(db: Db, request: Request): Promise<Response> {
  const handler = toNextJsHandler(getAuth());
  if (request.method !== "POST") return handler.GET(request);

  const path = new URL(request.url).pathname;
  const address = clientAddress(request.headers);
  if (path.endsWith("/sign-up/email")) {
    const admission = await admitSignUp(db, address);
    if (!admission.allowed) return tooManyRequests(admission);
  }
  if (path.endsWith("/request-password-reset")) {
    // As in the form: one answer, in one time, for known and unknown addresses.
    return withMinimumDuration(PASSWORD_RESET_ANSWER_MS, async () => {
      const admission = await admitPasswordReset(db, address, await emailOf(request));
      return admission.allowed ? handler.POST(request) : tooManyRequests(admission);
    });
  }
  if (!path.endsWith("/sign-in/email")) return handler.POST(request);

  const started = performance.now();
  const email = await emailOf(request);
  const admission = await admitSignIn(db, address, email);
  if (!admission.allowed) return tooManyRequests(admission);
  const response = await handler.POST(request);
  if (response.status === 401) {
    if (email) await recordFailedSignIn(db, email);
    await waitUntilElapsed(started, FAILED_SIGN_IN_ANSWER_MS);
  }
  return response;
}
