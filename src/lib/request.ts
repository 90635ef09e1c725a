/** Headers the request proxy adds to every request it passes on. */
export const REQUEST_ID_HEADER = "x-request-id";
export const PATHNAME_HEADER = "x-callback-pathname";

/**
 * The client's address, for per-address rate limits. The production server
 * (scripts/server.ts) replaces X-Forwarded-For with the one address it trusts
 * (see trustedClientAddress and TRUSTED_PROXY_HOPS) before the app sees the
 * request, so the header holds a single entry; the last entry is read, the
 * one the nearest server wrote, never what a client put first.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || "unknown";
}

export function requestIdOf(headers: Headers | Record<string, string | string[] | undefined>): string | undefined {
  const value = headers instanceof Headers ? headers.get(REQUEST_ID_HEADER) : headers[REQUEST_ID_HEADER];
  return Array.isArray(value) ? value[0] : (value ?? undefined);
}

/**
 * Whether a request comes from another site. Browsers send Origin on POSTs and
 * Sec-Fetch-Site on all requests; either one naming another site is enough to refuse.
 */
export function isCrossSiteRequest(headers: Pick<Headers, "get">): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== (headers.get("x-forwarded-host") ?? headers.get("host"));
  } catch {
    return true;
  }
}
