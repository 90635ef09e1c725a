/** Headers the request proxy adds to every request it passes on. */
export const REQUEST_ID_HEADER = "x-request-id";
export const PATHNAME_HEADER = "x-callback-pathname";

/**
 * The client's address as the nearest proxy reports it. Behind a load balancer
 * the first X-Forwarded-For entry is the client; without one it is "unknown".
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}

export function requestIdOf(headers: Headers | Record<string, string | string[] | undefined>): string | undefined {
  const value = headers instanceof Headers ? headers.get(REQUEST_ID_HEADER) : headers[REQUEST_ID_HEADER];
  return Array.isArray(value) ? value[0] : (value ?? undefined);
}

/**
 * Whether a request comes from another site. Browsers send Origin on POSTs and
 * Sec-Fetch-Site on all requests; either one naming another site is enough to refuse.
 */
export function isCrossSiteRequest(headers: Headers): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== (headers.get("x-forwarded-host") ?? headers.get("host"));
  } catch {
    return true;
  }
}
