import "server-only";
import { APIError, betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { getDb, type Db } from "@/db";
import { accounts, sessions, users, verifications } from "@/db/schema/auth";
import { getEnv, type Env } from "@/lib/env";
import { getLogger } from "@/lib/logger";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "@/lib/time-zones";
import { eq } from "drizzle-orm";
import { queuePasswordResetEmail } from "@/modules/notifications/account-emails";
import { nameInput } from "./inputs";
import { deletePasswordResetTokens, PASSWORD_RESET_LINK_SECONDS } from "./password-reset";
import { isSelfSignUpRole } from "./roles";
import { SESSION_REFRESH_SECONDS, SESSION_SECONDS } from "./session";

export const SUSPENDED_MESSAGE =
  "This account is suspended. If you think this is a mistake, contact support@callback.test.";

export function createAuth(
  db: Db,
  env: Pick<Env, "BETTER_AUTH_URL" | "BETTER_AUTH_SECRET" | "PORT" | "isProduction"> = getEnv(),
) {
  const baseURL = env.BETTER_AUTH_URL;
  const isHttps = baseURL.startsWith("https://");
  const localOrigins = [`http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`];
  return betterAuth({
    appName: "Callback",
    baseURL,
    secret: env.BETTER_AUTH_SECRET,
    trustedOrigins: env.isProduction ? [baseURL] : [baseURL, ...localOrigins],
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      autoSignIn: true,
      // The reset email goes through the outbox; the worker puts the account's current link in it when it
      // sends. Queuing is one insert, so a known address costs about what an unknown one does.
      sendResetPassword: async ({ user }) => queuePasswordResetEmail(db, user.id),
      resetPasswordTokenExpiresIn: PASSWORD_RESET_LINK_SECONDS,
      // Whoever had the old password, or a session made with it, is signed out everywhere.
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: async ({ user }) => deletePasswordResetTokens(db, user.id),
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "TALENT", input: true },
        suspendedAt: { type: "date", required: false, input: false },
        deletedAt: { type: "date", required: false, input: false },
        // Proposed by the browser at sign-up; checked in the create hook below (an unknown zone becomes UTC).
        timeZone: { type: "string", required: false, defaultValue: DEFAULT_TIME_ZONE, input: true },
        digestHour: { type: "number", required: false, input: false },
      },
    },
    // Every request reads the session row: no cookie cache, so a session deleted at sign-out, suspension or a
    // password reset stops working at the next request, not when a cached copy expires.
    session: { expiresIn: SESSION_SECONDS, updateAge: SESSION_REFRESH_SECONDS, cookieCache: { enabled: false } },
    // Our own database-backed limits guard sign-in and sign-up (see rate-limit.ts),
    // for the HTTP endpoints and the server actions alike.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      database: { generateId: "uuid" },
      // Stated rather than left to defaults: scripts cannot read the cookie, other sites' requests do not
      // carry it (except top-level navigation), and over https it is never sent in clear (and gets the
      // __Secure- prefix).
      useSecureCookies: isHttps,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: isHttps, path: "/" },
    },
    logger: {
      log: (level, message, ...details) =>
        getLogger()[level](
          {
            source: "better-auth",
            details: details.map((detail) => (detail instanceof Error ? detail.message : detail)),
          },
          message,
        ),
    },
    databaseHooks: {
      session: {
        create: {
          // A suspended or deleted account never gets a session, whichever way it signs in.
          before: async (session) => {
            const [user] = await db
              .select({ suspendedAt: users.suspendedAt, deletedAt: users.deletedAt })
              .from(users)
              .where(eq(users.id, session.userId));
            if (!user || user.deletedAt)
              throw new APIError("UNAUTHORIZED", {
                message: "Invalid email or password",
                code: "INVALID_EMAIL_OR_PASSWORD",
              });
            if (user.suspendedAt) {
              throw new APIError("FORBIDDEN", { message: SUSPENDED_MESSAGE, code: "ACCOUNT_SUSPENDED" });
            }
            return { data: session };
          },
        },
      },
      user: {
        create: {
          // Better Auth does not validate custom fields: this is where ADMIN is refused at sign-up,
          // whichever way the request arrives (our form or a direct call to the auth endpoint).
          before: async (user) => {
            const role = (user as { role?: unknown }).role ?? "TALENT";
            if (!isSelfSignUpRole(role)) {
              throw new APIError("BAD_REQUEST", {
                message: "Choose Talent, Casting professional or Company.",
                code: "INVALID_ROLE",
              });
            }
            const name = nameInput.safeParse(user.name);
            if (!name.success) {
              throw new APIError("BAD_REQUEST", {
                message: name.error.issues[0]?.message ?? "Enter your name.",
                code: "INVALID_NAME",
              });
            }
            // The zone the browser proposed, if it is one we know; anything else quietly becomes UTC.
            const timeZone = canonicalTimeZone((user as { timeZone?: unknown }).timeZone) ?? DEFAULT_TIME_ZONE;
            return { data: { ...user, name: name.data, role, timeZone } };
          },
        },
        update: {
          // The role is set at sign-up and by nobody through Better Auth afterwards (its update-user endpoint is
          // closed, see auth-endpoint.ts); this holds even for a server-side call that forgets that.
          before: async (user) => {
            if ("role" in user)
              throw new APIError("FORBIDDEN", {
                message: "The account type cannot be changed.",
                code: "ROLE_IS_FIXED",
              });
            return { data: user };
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { callbackAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.callbackAuth ??= createAuth(getDb());
  return globalForAuth.callbackAuth;
}
