import { describe, expect, it } from "vitest";
import { proposedTimeZoneInput, returnToInput, signInInput, signUpInput } from "./inputs";

const valid = { name: "Ada Lovelace", email: "Ada@Example.com ", password: "correct horse", accountType: "TALENT" };

function fieldErrors(result: ReturnType<typeof signUpInput.safeParse>) {
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("signUpInput", () => {
  it("accepts each self-service account type, trimming the name and lowercasing the email", () => {
    for (const accountType of ["TALENT", "PROFESSIONAL", "COMPANY"]) {
      const result = signUpInput.parse({ ...valid, name: "  Ada Lovelace ", accountType });
      expect(result).toMatchObject({ name: "Ada Lovelace", email: "ada@example.com", accountType });
    }
  });

  it("never lets anyone choose the admin role", () => {
    expect(fieldErrors(signUpInput.safeParse({ ...valid, accountType: "ADMIN" }))).toEqual({
      accountType: "Choose Talent, Casting professional or Company.",
    });
  });

  it("explains every missing field", () => {
    expect(fieldErrors(signUpInput.safeParse({}))).toEqual({
      name: "Enter your name.",
      email: "Enter your email address.",
      password: "Choose a password.",
      accountType: "Choose Talent, Casting professional or Company.",
    });
  });

  it.each([
    ["whitespace only", "   ", "Enter your name."],
    ["a line break", "Ada\nLovelace", "Your name cannot contain control characters or line breaks."],
    ["a NUL character", "Ada\u0000", "Your name cannot contain control characters or line breaks."],
    ["a right-to-left override", "Ada\u202eecalevoL", "Your name cannot contain text-direction control characters."],
    ["101 characters", "a".repeat(101), "Use at most 100 characters for your name."],
  ])("refuses a name with %s", (_case, name, message) => {
    expect(fieldErrors(signUpInput.safeParse({ ...valid, name }))).toEqual({ name: message });
  });

  it("keeps names with accents and emoji as typed", () => {
    expect(signUpInput.parse({ ...valid, name: "Zoe Saldana-Perego \u{1F3AC}" }).name).toBe(
      "Zoe Saldana-Perego \u{1F3AC}",
    );
  });

  it("refuses malformed emails and short or huge passwords", () => {
    expect(fieldErrors(signUpInput.safeParse({ ...valid, email: "not-an-email" })).email).toMatch(/valid email/);
    expect(fieldErrors(signUpInput.safeParse({ ...valid, password: "short" })).password).toMatch(/at least 8/);
    expect(fieldErrors(signUpInput.safeParse({ ...valid, password: "p".repeat(129) })).password).toMatch(/at most 128/);
  });
});

describe("signInInput", () => {
  it("needs an email and a password", () => {
    expect(signInInput.safeParse({ email: "", password: "" }).success).toBe(false);
    expect(signInInput.parse({ email: " CASTING@callback.test", password: "x" }).email).toBe("casting@callback.test");
  });
});

describe("returnToInput", () => {
  it.each(["/home", "/talents?category=actor", "/admin"])("keeps the local path %s", (path) => {
    expect(returnToInput.parse(path)).toBe(path);
  });

  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", undefined])(
    "sends %s home instead of off-site",
    (path) => {
      expect(returnToInput.parse(path)).toBe("/home");
    },
  );
});

describe("proposedTimeZoneInput", () => {
  it("keeps the browser's zone when it is one we know, and never refuses the sign-up over it", () => {
    expect(proposedTimeZoneInput.parse("Asia/Tokyo")).toBe("Asia/Tokyo");
    expect(proposedTimeZoneInput.parse("US/Pacific")).toBe("America/Los_Angeles");
    for (const value of ["Mars/Olympus_Mons", "", "x".repeat(10_000), 7, null, undefined, ["UTC"]])
      expect(proposedTimeZoneInput.parse(value)).toBe("UTC");
  });
});
