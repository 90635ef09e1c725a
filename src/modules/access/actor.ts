import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { PATHNAME_HEADER } from "@/lib/request";
import { getSubscriptionFacts } from "@/modules/billing/internal";
import { getEnv } from "@/lib/env";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "@/lib/time-zones";
import type { ApiRequest } from "@/lib/json-api";
import { getAuth } from "./auth";
import { hasPermission, type Permission } from "./permissions";
import { canSubscribe } from "./policies";
import { readSessionActor, sessionSecrets } from "./session";
import { isRole } from "./roles";
import type { Actor } from "./types";

/**
 * The signed-in user for this request, with its subscription, or null. Read
 * once per request, from the database (one query): a session ended at
 * sign-out, suspension or a password reset stops working at the next request.
 * A suspended or deleted account counts as signed out, even if a session
 * slipped through. Once a day a session is due to be extended; then Better
 * Auth reads it instead and moves its expiry.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  // Headers first: during a build's prerender they end the render before the database is opened.
  const requestHeaders = await headers();
  return (await sessionActor(requestHeaders))?.actor ?? null;
});

/**
 * The one session read behind getActor and the JSON API: the prepared query,
 * or Better Auth when the session is due to be extended (its answer's cookie
 * carries the new expiry).
 */
async function sessionActor(
  requestHeaders: Pick<Headers, "get">,
): Promise<{ actor: Actor; setCookie?: string[] } | null> {
  const cookie = requestHeaders.get("cookie");
  const read = await readSessionActor(getDb(), cookie, sessionSecrets(getEnv()));
  if (!read) return null;
  if (!read.needsRefresh) return { actor: read.actor };
  const { headers: answerHeaders, response: session } = await getAuth().api.getSession({
    headers: new Headers({ cookie: cookie ?? "" }),
    returnHeaders: true,
  });
  const { user } = (session ?? {}) as {
    user?: NonNullable<typeof session>["user"] & {
      role?: unknown;
      suspendedAt?: unknown;
      deletedAt?: unknown;
      timeZone?: unknown;
    };
  };
  if (!user || !isRole(user.role) || user.suspendedAt || user.deletedAt) return null;
  const subscription = canSubscribe({ role: user.role }) ? await getSubscriptionFacts(getDb(), user.id) : null;
  return {
    actor: {
      userId: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      subscription,
      timeZone: canonicalTimeZone(user.timeZone) ?? DEFAULT_TIME_ZONE,
    },
    setCookie: answerHeaders.getSetCookie(),
  };
}

/** The caller of a JSON API request (which the pages' request scope does not cover): the same read as getActor. */
export function authenticateApiRequest(request: ApiRequest): Promise<{ actor: Actor; setCookie?: string[] } | null> {
  return sessionActor(request.headers);
}

/** The signed-in user; anyone else is sent to sign in and brought back afterwards. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (actor) return actor;
  const returnTo = (await headers()).get(PATHNAME_HEADER);
  redirect(returnTo && returnTo !== "/" ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
}

/**
 * The signed-in user if its role holds the permission. For everyone else the
 * page does not exist: a 404, the same answer as for a path that was never there.
 */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!hasPermission(actor.role, permission)) notFound();
  return actor;
}
