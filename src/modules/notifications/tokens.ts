import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import type { Category } from "./definition";

export type UnsubscribeScope = Category | "all";
const scopes: UnsubscribeScope[] = ["messages", "contact_requests", "billing", "all"];

function signature(body: string, secret: string) {
  return createHmac("sha256", `${secret}:unsubscribe`).update(body).digest("base64url");
}

/** A link token that turns off one kind of email for one account, signed so it cannot be forged, usable signed out. */
export function signUnsubscribeToken(
  userId: string,
  scope: UnsubscribeScope,
  secret = getEnv().BETTER_AUTH_SECRET,
): string {
  const body = Buffer.from(JSON.stringify([userId, scope])).toString("base64url");
  return `${body}.${signature(body, secret)}`;
}

export function verifyUnsubscribeToken(
  token: string,
  secret = getEnv().BETTER_AUTH_SECRET,
): { userId: string; scope: UnsubscribeScope } | null {
  const [body, given] = token.split(".");
  if (!body || !given || body.length > 500) return null;
  const expected = Buffer.from(signature(body, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  try {
    const [userId, scope] = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof userId !== "string" || !scopes.includes(scope as UnsubscribeScope)) return null;
    return { userId, scope: scope as UnsubscribeScope };
  } catch {
    return null;
  }
}
