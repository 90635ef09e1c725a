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

/** The email a sign-in or reset request names, in either body Better Auth accepts (JSON or a form). */
async function emailOf(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  try {
    const copy = request.clone();
    const email = /application\/x-www-form-urlencoded|multipart\/form-data/.test(type)
      ? (await copy.formData()).get("email")
      : ((await copy.json()) as { email?: unknown }).email;
    return typeof email === "string" ? email.trim().toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * The auth endpoints the product uses; every other one Better Auth has (change
 * the user's fields, change the password, ...) answers 404. Deny by default:
 * Better Auth's update-user would otherwise let anyone signed in set fields
 * marked as input, their role among them.
 */
const openEndpoints = new Set([
  "GET /get-session",
  "POST /sign-in/email",
  "POST /sign-up/email",
  "POST /sign-out",
  "POST /request-password-reset",
  "POST /reset-password",
]);

function isOpen(request: Request): boolean {
  const path = new URL(request.url).pathname.replace(/^\/api\/auth/, "");
  return openEndpoints.has(`${request.method} ${path}`);
}

/**
 * Better Auth's HTTP endpoints with the same database-backed limits as our own
 * sign-in, sign-up and password-reset forms, so a script posting to /api/auth directly gets no
 * more tries than a person using the form.
 */
export async function handleAuthRequest(db: Db, request: Request): Promise<Response> {
  if (!isOpen(request))
    return Response.json({ code: "not_found", message: errorCodes.not_found.message }, { status: 404 });
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
