import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { PATHNAME_HEADER } from "@/lib/request";
import { getSubscriptionFacts } from "@/modules/billing/queries";
import { getAuth } from "./auth";
import { isRole, type Role } from "./roles";
import type { Actor } from "./types";

/**
 * The signed-in user for this request, with its subscription, or null. Read
 * once per request. A suspended or deleted account counts as signed out, even
 * if a session slipped through.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  // Headers first: during a build's prerender they end the render before the database is opened.
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { user } = session as { user: typeof session.user & { role?: unknown; suspendedAt?: unknown; deletedAt?: unknown } };
  if (!isRole(user.role) || user.suspendedAt || user.deletedAt) return null;
  const subscription = user.role === "PROFESSIONAL" || user.role === "COMPANY" ? await getSubscriptionFacts(getDb(), user.id) : null;
  return { userId: user.id, name: user.name, email: user.email, role: user.role, subscription };
});

/** The signed-in user; anyone else is sent to sign in and brought back afterwards. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (actor) return actor;
  const returnTo = (await headers()).get(PATHNAME_HEADER);
  redirect(returnTo && returnTo !== "/" ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
}

/**
 * The signed-in user if it holds one of the roles. For everyone else the page
 * does not exist: a 404, the same answer as for a path that was never there.
 */
export async function requireRole(...allowed: Role[]): Promise<Actor> {
  const actor = await requireActor();
  if (!allowed.includes(actor.role)) notFound();
  return actor;
}
