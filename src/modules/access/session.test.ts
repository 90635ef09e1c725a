import { createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { readSessionActor, sessionCookieName, sessionSecrets, signedSessionToken } from "./session";

const SECRET = "unit-tests-secret-0123456789abcdef0123";

/** The cookie value Better Auth writes: the token, a dot, the base64 HMAC-SHA256 of the token, URL-encoded. */
function signed(token: string, secret = SECRET): string {
  return encodeURIComponent(`${token}.${createHmac("sha256", secret).update(token).digest("base64")}`);
}

const token = randomBytes(24).toString("base64url");

describe("signedSessionToken", () => {
  it("accepts a cookie signed as Better Auth signs it, among other cookies", () => {
    expect(signedSessionToken(`better-auth.session_token=${signed(token)}`, SECRET, false)).toBe(token);
    expect(signedSessionToken(`theme=dark; better-auth.session_token=${signed(token)}; other=1`, SECRET, false)).toBe(
      token,
    );
    expect(signedSessionToken(`theme=dark;better-auth.session_token=${signed(token)}`, SECRET, false)).toBe(token);
  });

  it("accepts the value unencoded and quoted too", () => {
    const raw = decodeURIComponent(signed(token));
    expect(signedSessionToken(`better-auth.session_token=${raw}`, SECRET, false)).toBe(token);
    expect(signedSessionToken(`better-auth.session_token="${signed(token)}"`, SECRET, false)).toBe(token);
  });

  it("accepts a token that itself holds dots, as the signature follows the last one", () => {
    expect(signedSessionToken(`better-auth.session_token=${signed("a.b.c")}`, SECRET, false)).toBe("a.b.c");
  });

  it("refuses a signature made with another secret, or for another token", () => {
    expect(
      signedSessionToken(
        `better-auth.session_token=${signed(token, "another-secret-0123456789abcdef0123")}`,
        SECRET,
        false,
      ),
    ).toBeNull();
    const signature = decodeURIComponent(signed("other-token")).split(".")[1]!;
    expect(
      signedSessionToken(`better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`, SECRET, false),
    ).toBeNull();
    const [value, sig] = decodeURIComponent(signed(token)).split(".") as [string, string];
    const flipped = `${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    expect(
      signedSessionToken(`better-auth.session_token=${encodeURIComponent(`${value}.${flipped}`)}`, SECRET, false),
    ).toBeNull();
  });

  it("refuses a signature of the wrong length or encoding", () => {
    const [value, sig] = decodeURIComponent(signed(token)).split(".") as [string, string];
    const cookie = (signature: string) => `better-auth.session_token=${encodeURIComponent(`${value}.${signature}`)}`;
    expect(sig).toHaveLength(44);
    expect(signedSessionToken(cookie(sig.slice(0, 43)), SECRET, false)).toBeNull();
    expect(signedSessionToken(cookie(`${sig}A`), SECRET, false)).toBeNull();
    expect(signedSessionToken(cookie(`A${sig}`), SECRET, false)).toBeNull();
    expect(signedSessionToken(cookie(sig.replace(/=$/, "A")), SECRET, false)).toBeNull();
    // The same bytes as base64url without padding: not how Better Auth writes it.
    expect(signedSessionToken(cookie(Buffer.from(sig, "base64").toString("base64url")), SECRET, false)).toBeNull();
    expect(signedSessionToken(cookie(""), SECRET, false)).toBeNull();
  });

  it("refuses a value without a dot, or with nothing before it", () => {
    const [, sig] = decodeURIComponent(signed("")).split(".") as [string, string];
    expect(signedSessionToken(`better-auth.session_token=${token}`, SECRET, false)).toBeNull();
    expect(signedSessionToken(`better-auth.session_token=${encodeURIComponent(`.${sig}`)}`, SECRET, false)).toBeNull();
    expect(signedSessionToken("better-auth.session_token=", SECRET, false)).toBeNull();
  });

  it("reads only the session cookie, not one whose name merely resembles it", () => {
    for (const name of [
      "session_token",
      "better-auth.session_tokens",
      "xbetter-auth.session_token",
      "better-auth.session_data",
      "BETTER-AUTH.SESSION_TOKEN",
      "__Host-better-auth.session_token",
    ]) {
      expect(signedSessionToken(`${name}=${signed(token)}`, SECRET, false), name).toBeNull();
    }
    expect(
      signedSessionToken(
        `better-auth.session_token_x=${signed(token)}; better-auth.session_token=${signed(token)}`,
        SECRET,
        false,
      ),
    ).toBe(token);
  });

  it("reads the __Secure- cookie over https only, and only that one there", () => {
    expect(signedSessionToken(`__Secure-better-auth.session_token=${signed(token)}`, SECRET, true)).toBe(token);
    expect(signedSessionToken(`__Secure-better-auth.session_token=${signed(token)}`, SECRET, false)).toBeNull();
    expect(signedSessionToken(`better-auth.session_token=${signed(token)}`, SECRET, true)).toBeNull();
  });

  it("answers null for no cookie at all, and never throws on a malformed one", () => {
    expect(signedSessionToken(undefined, SECRET, false)).toBeNull();
    expect(signedSessionToken(null, SECRET, false)).toBeNull();
    expect(signedSessionToken("", SECRET, false)).toBeNull();
    expect(signedSessionToken("better-auth.session_token=%E0%A4%A.%", SECRET, false)).toBeNull();
    expect(signedSessionToken(";;=;better-auth.session_token", SECRET, false)).toBeNull();
  });

  it("names the cookie as Better Auth does", () => {
    expect(sessionCookieName(false)).toBe("better-auth.session_token");
    expect(sessionCookieName(true)).toBe("__Secure-better-auth.session_token");
  });
});

describe("sessionSecrets", () => {
  it("takes the secret, and https from the auth URL", () => {
    expect(sessionSecrets({ BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: "https://callback.example" })).toEqual({
      secret: SECRET,
      https: true,
    });
    expect(sessionSecrets({ BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: "http://localhost:3000" })).toEqual({
      secret: SECRET,
      https: false,
    });
  });
});

describe("readSessionActor without a valid cookie", () => {
  // Any use of the database would throw: a missing or forged cookie must be answered without a query.
  const untouchable = new Proxy({} as Db, {
    get() {
      throw new Error("the database was used");
    },
  });

  it("answers null without asking the database", async () => {
    for (const cookie of [
      null,
      undefined,
      "",
      "theme=dark",
      `better-auth.session_token=${signed(token, "another-secret-0123456789abcdef0123")}`,
      `better-auth.session_token=${token}`,
    ]) {
      await expect(readSessionActor(untouchable, cookie, { secret: SECRET, https: false })).resolves.toBeNull();
    }
  });
});
