import { NextResponse, type NextRequest } from "next/server";
import { PATHNAME_HEADER, REQUEST_ID_HEADER } from "@/lib/request";

/**
 * Gives every request an id (kept from a trusted upstream proxy when it sent a
 * sane one) so a logged error can be matched to what the person saw, and passes
 * the path on so sign-in can return people to where they were.
 */
export function proxy(request: NextRequest) {
  const upstream = request.headers.get(REQUEST_ID_HEADER);
  const requestId = upstream && /^[\w-]{8,64}$/.test(upstream) ? upstream : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set(PATHNAME_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
