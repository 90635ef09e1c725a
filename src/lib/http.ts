import { getLogger } from "./logger";
import { errorCodes, isAppError, type ErrorCode } from "./errors";

/** The JSON error body every route handler answers with: a code and a message a person can act on. */
export function errorResponse(code: ErrorCode, message?: string, init?: ResponseInit): Response {
  return Response.json(
    { ok: false, code, message: message ?? errorCodes[code].message },
    { ...init, status: errorCodes[code].status, headers: { "Cache-Control": "no-store", ...init?.headers } },
  );
}

/** Expected refusals become their error response; anything else is rethrown for the framework to log. */
export function appErrorResponse(error: unknown): Response {
  if (isAppError(error)) {
    getLogger().debug({ code: error.code }, "request refused");
    return errorResponse(error.code, error.message);
  }
  throw error;
}
