import { NextResponse, type NextRequest } from "next/server";
import { isCrossSiteRequest, PATHNAME_HEADER, REQUEST_ID_HEADER } from "@/lib/request";
import { getEnv } from "@/lib/env";
import {
  contentSecurityPolicy,
  mediaSourcesFrom,
  NONCE_HEADER,
  newNonce,
  securityHeaders,
} from "@/lib/security-headers";

/**
 * Runs before every request. It gives the request an id (kept from a trusted
 * upstream proxy when it sent a sane one) so a logged error can be matched to
 * what the person saw, passes the path on so sign-in can return people to where
 * they were, and sets the security headers with a fresh script nonce: Next.js
 * reads the policy from the request headers and puts the nonce on its own
 * scripts, so only the scripts of this answer run.
 */
/**
 * The largest bodies the app takes: Next.js's server action limit (1 MB, its
 * default) and this proxy's own (`proxyClientMaxBodySize` in next.config.ts,
 * room for a 10 MB photo). A larger body, said up front, is refused here with
 * a 413 that says so, instead of failing later as a cut-off body.
 */
const BODY_LIMIT_MB = { action: 1, other: 11 };

function tooLarge(request: NextRequest): number | null {
  const limit = request.headers.has("next-action") ? BODY_LIMIT_MB.action : BODY_LIMIT_MB.other;
  return Number(request.headers.get("content-length") ?? 0) > limit * 1024 * 1024 ? limit : null;
}

export function proxy(request: NextRequest) {
  // Another site posting to a server action (a forged request riding on someone's cookie) is refused here,
  // plainly; Next.js would refuse it too, but as a server error in the logs.
  if (request.method === "POST" && request.headers.has("next-action") && isCrossSiteRequest(request.headers)) {
    return NextResponse.json(
      { code: "forbidden", message: "Actions must come from Callback itself." },
      { status: 403 },
    );
  }
  const limit = tooLarge(request);
  if (limit !== null) {
    return NextResponse.json(
      {
        code: "invalid_input",
        message: `That is too much to send at once (the limit is ${limit} MB). Send less and try again.`,
      },
      { status: 413 },
    );
  }
  const upstream = request.headers.get(REQUEST_ID_HEADER);
  const requestId = upstream && /^[\w-]{8,64}$/.test(upstream) ? upstream : crypto.randomUUID();
  const env = getEnv();
  const https = env.BETTER_AUTH_URL.startsWith("https://");
  const production = env.isProduction;
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, production, https, mediaSources: mediaSourcesFrom(env) });

  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set(PATHNAME_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  headers.set(NONCE_HEADER, nonce);
  headers.set("Content-Security-Policy", policy);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  // Media may be embedded from a media origin on the same site (a CDN in front of these routes).
  if (request.nextUrl.pathname.startsWith("/api/media/"))
    response.headers.set("Cross-Origin-Resource-Policy", "same-site");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
