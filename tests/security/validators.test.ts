import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { isExactTimestamp, keysetBefore } from "@/db/sql";
import {
  cleanSearchText,
  hasLoneSurrogate,
  multiLineText,
  optionalWholeNumber,
  singleLineText,
  textList,
} from "@/lib/text-input";
import {
  adminAccountInput,
  emailInput,
  nameInput,
  newPasswordInput,
  returnToInput,
  signInInput,
  signUpInput,
  suspendUserInput,
} from "@/modules/access/inputs";
import { dateRangeInput } from "@/modules/activity/inputs";
import { checkoutInput, intervalInput, testCheckoutInput } from "@/modules/billing/inputs";
import {
  addTalentsInput,
  bulkRequestInput,
  collectionDetailsInput,
  collectionIdInput,
  itemInput,
  moveInput,
  noteInput,
  reorderInput,
} from "@/modules/collections/inputs";
import { approveInput, contactRequestInput, declineInput, requestIdInput } from "@/modules/contact-requests/inputs";
import { conversationIdInput, messageBodyInput, reportInput, sendMessageInput } from "@/modules/messaging/inputs";
import { seqBound } from "@/modules/messaging/queries";
import { emailPreferencesInput } from "@/modules/notifications/inputs";
import { decodeCursor, encodeCursor, galleryQueryInput, gallerySorts } from "@/modules/talents/gallery-query";
import {
  basicsInput,
  contactInput,
  creditIdInput,
  creditInput,
  hideProfileInput,
  photoIdInput,
  premiumDetailsInput,
  profileIdInput,
  skillsInput,
} from "@/modules/talents/inputs";
import { FORBIDDEN_CHARACTER, hostileString, massAssignment } from "./hostile";

const RUNS = { numRuns: 300 };
const UUID_A = "3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e";
const UUID_B = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";
const DESCRIPTION = "A feature film shot in Glasgow over six weeks.";

type AnySchema = z.ZodType;

/**
 * Every schema for what people send, with a valid form of it. Property tests
 * replace any subset of its fields with hostile text and add mass-assignment
 * fields. `secret` fields (passwords) are hashed, never shown, and kept as typed.
 */
const formSchemas: { name: string; schema: AnySchema; valid: Record<string, unknown>; secret?: string[] }[] = [
  {
    name: "signUpInput",
    schema: signUpInput,
    valid: { name: "Ada Lovelace", email: "ada@example.com", password: "correct horse battery", accountType: "TALENT" },
    secret: ["password"],
  },
  {
    name: "signInInput",
    schema: signInInput,
    valid: { email: "ada@example.com", password: "correct horse" },
    secret: ["password"],
  },
  {
    name: "adminAccountInput",
    schema: adminAccountInput,
    valid: { name: "Admin", email: "admin@example.com", password: "a long admin password" },
    secret: ["password"],
  },
  {
    name: "suspendUserInput",
    schema: suspendUserInput,
    valid: { userId: UUID_A, reason: "Repeated spam to talents." },
  },
  {
    name: "dateRangeInput",
    schema: dateRangeInput(new Date("2026-06-30T12:00:00Z")),
    valid: { from: "2026-01-01", to: "2026-06-30" },
  },
  { name: "checkoutInput", schema: checkoutInput, valid: { plan: "PROFESSIONAL", interval: "month" } },
  { name: "testCheckoutInput", schema: testCheckoutInput, valid: { sessionId: UUID_A, outcome: "pay" } },
  {
    name: "collectionDetailsInput",
    schema: collectionDetailsInput,
    valid: { name: "Glasgow leads", description: "Shortlist\nfor the lead roles" },
  },
  {
    name: "addTalentsInput",
    schema: addTalentsInput,
    valid: { collectionId: UUID_A, newName: "", profileIds: [UUID_B] },
  },
  { name: "itemInput", schema: itemInput, valid: { collectionId: UUID_A, profileId: UUID_B } },
  {
    name: "noteInput",
    schema: noteInput,
    valid: { collectionId: UUID_A, profileId: UUID_B, note: "Strong audition.\nAsk about the accent." },
  },
  { name: "moveInput", schema: moveInput, valid: { collectionId: UUID_A, profileId: UUID_B, direction: "up" } },
  { name: "reorderInput", schema: reorderInput, valid: { collectionId: UUID_A, profileIds: [UUID_B] } },
  {
    name: "bulkRequestInput",
    schema: bulkRequestInput,
    valid: {
      collectionId: UUID_A,
      projectTitle: "Northern Lights",
      role: "Lead",
      productionType: "film",
      description: DESCRIPTION,
      isPaid: "unpaid",
      lines: [{ profileId: UUID_B, message: "Your showreel is great." }],
    },
  },
  {
    name: "contactRequestInput",
    schema: contactRequestInput,
    valid: {
      profileId: UUID_A,
      projectTitle: "Northern Lights",
      role: "Lead",
      productionType: "film",
      description: DESCRIPTION,
      shootStart: "2026-09-01",
      shootEnd: "2026-10-15",
      location: "Glasgow",
      isPaid: "paid",
      rate: "$500 a day",
      message: "Hello",
    },
  },
  { name: "approveInput", schema: approveInput, valid: { requestId: UUID_A, sharedFields: ["email"] } },
  { name: "declineInput", schema: declineInput, valid: { requestId: UUID_A, reason: "unavailable", block: false } },
  {
    name: "sendMessageInput",
    schema: sendMessageInput,
    valid: { conversationId: UUID_A, body: "Are you free on Friday?", clientKey: UUID_B },
  },
  {
    name: "reportInput",
    schema: reportInput,
    valid: { conversationId: UUID_A, reason: "spam", note: "Keeps sending links." },
  },
  {
    name: "emailPreferencesInput",
    schema: emailPreferencesInput,
    valid: { messages: "immediate", contact_requests: "daily", billing: "off" },
  },
  {
    name: "basicsInput",
    schema: basicsInput,
    valid: {
      displayName: "Ada Lovelace",
      headline: "Actor",
      city: "London",
      country: "GB",
      categories: ["actor"],
      playingAgeMin: "20",
      playingAgeMax: "30",
      genderIdentity: "",
      availability: "AVAILABLE",
    },
  },
  {
    name: "skillsInput",
    schema: skillsInput,
    valid: { languages: "english, French", skills: "Stage combat", unions: "Equity" },
  },
  {
    name: "premiumDetailsInput",
    schema: premiumDetailsInput,
    valid: {
      bio: "Trained in Glasgow.",
      heightCm: "170",
      eyeColour: "",
      hairColour: "",
      showreelUrls: "https://vimeo.com/1",
      dayRateMin: "100",
      dayRateMax: "500",
      dayRateCurrency: "USD",
    },
  },
  {
    name: "creditInput",
    schema: creditInput,
    valid: { year: "2024", production: "Northern Lights", role: "Lead", company: "Callback Films" },
  },
  {
    name: "contactInput",
    schema: contactInput,
    valid: {
      phone: "+44 7700 900123",
      email: "ada@example.com",
      agentName: "",
      agency: "",
      agentPhone: "",
      agentEmail: "",
    },
  },
  {
    name: "hideProfileInput",
    schema: hideProfileInput,
    valid: { profileId: UUID_A, reason: "Photos break the rules." },
  },
];

const idSchemas: [string, AnySchema][] = [
  ["collectionIdInput", collectionIdInput],
  ["requestIdInput", requestIdInput],
  ["conversationIdInput", conversationIdInput],
  ["profileIdInput", profileIdInput],
  ["photoIdInput", photoIdInput],
  ["creditIdInput", creditIdInput],
];

const scalarSchemas: [string, AnySchema][] = [
  ...idSchemas,
  ["nameInput", nameInput],
  ["emailInput", emailInput],
  ["newPasswordInput", newPasswordInput],
  ["returnToInput", returnToInput],
  ["intervalInput", intervalInput],
  ["messageBodyInput", messageBodyInput],
  ["galleryQueryInput", galleryQueryInput],
];

/** Zod's own wording ("Invalid input: expected string"), which tells a person nothing: every refusal of form input says what to fix instead. */
const GENERIC_MESSAGE = /^(Invalid|Too (big|small)|Unrecognized|Expected)/;

function expectHumanMessages(error: z.ZodError) {
  expect(error.issues.length).toBeGreaterThan(0);
  for (const issue of error.issues) {
    expect(issue.message, `message at ${issue.path.join(".") || "form"}`).not.toMatch(GENERIC_MESSAGE);
    expect(issue.message).toMatch(/\S.*[.!?]$/);
  }
}

/** Every string an accepted input holds is normalized: valid Unicode, no control or text-direction characters, trimmed. */
function expectCleanStrings(value: unknown, path: string, secret: string[]) {
  if (typeof value === "string") {
    if (secret.includes(path)) return;
    expect(FORBIDDEN_CHARACTER.test(value), `${path} holds a forbidden character: ${JSON.stringify(value)}`).toBe(
      false,
    );
    expect(value, `${path} is trimmed`).toBe(value.trim());
  } else if (Array.isArray(value)) value.forEach((item, index) => expectCleanStrings(item, `${path}.${index}`, secret));
  else if (value && typeof value === "object")
    for (const [key, item] of Object.entries(value)) expectCleanStrings(item, path ? `${path}.${key}` : key, secret);
  else if (typeof value === "number") expect(Number.isFinite(value), `${path} is a finite number`).toBe(true);
}

/** A form-shaped input: the valid form, any of its fields replaced by hostile text or string arrays, plus mass-assignment fields. */
function hostileForm(valid: Record<string, unknown>) {
  const fields = Object.fromEntries(
    Object.entries(valid).map(([key, value]) => [
      key,
      fc.oneof(
        { weight: 2, arbitrary: fc.constant(value) },
        { weight: 3, arbitrary: hostileString() },
        { weight: 1, arbitrary: fc.array(hostileString(20), { maxLength: 3 }) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(undefined, null, "", " ", "0", "-1", "NaN", "Infinity", "1e400", "9".repeat(40)),
        },
      ),
    ]),
  );
  return fc.record({ ...fields, extras: fc.subarray(Object.keys(massAssignment)) }).map(({ extras, ...form }) => ({
    ...Object.fromEntries((extras as string[]).map((key) => [key, massAssignment[key as keyof typeof massAssignment]])),
    ...form,
  }));
}

describe("every input schema, under property tests", () => {
  describe.each(formSchemas)("$name", ({ schema, valid, secret = [] }) => {
    it("accepts its valid form", () => {
      const result = schema.safeParse(valid);
      expect(result.error?.issues ?? []).toEqual([]);
    });

    it("never throws on any value at all, and every refusal has a message", () => {
      fc.assert(
        fc.property(
          fc.anything({
            withNullPrototype: true,
            withBigInt: true,
            withDate: true,
            withMap: true,
            withSet: true,
            withTypedArray: true,
            withSparseArray: true,
          }),
          (value) => {
            const result = schema.safeParse(value);
            if (!result.success)
              for (const issue of result.error.issues) expect(issue.message.length).toBeGreaterThan(0);
          },
        ),
        RUNS,
      );
    });

    it("accepts only clean, trimmed text and finite numbers, drops mass-assigned fields, and says what to fix when it refuses", () => {
      fc.assert(
        fc.property(hostileForm(valid), (form) => {
          const result = schema.safeParse(form);
          if (!result.success) {
            expectHumanMessages(result.error);
            return;
          }
          expectCleanStrings(result.data, "", secret);
          const keys = Object.keys(result.data as object);
          for (const key of Object.keys(massAssignment))
            if (!(key in valid)) expect(keys, `mass-assigned ${key}`).not.toContain(key);
        }),
        RUNS,
      );
    });
  });

  describe.each(scalarSchemas)("%s", (_name, schema) => {
    it("never throws on any value", () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), hostileString(200)), (value) => {
          const result = schema.safeParse(value);
          if (!result.success) for (const issue of result.error.issues) expect(issue.message.length).toBeGreaterThan(0);
        }),
        RUNS,
      );
    });
  });

  describe.each(idSchemas)("%s", (_name, schema) => {
    it("accepts UUIDs and refuses anything else with a message", () => {
      fc.assert(
        fc.property(fc.uuid(), (id) => {
          expect(schema.safeParse(id).success).toBe(true);
        }),
        RUNS,
      );
      fc.assert(
        fc.property(
          hostileString(40).filter(
            (text) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text),
          ),
          (text) => {
            const result = schema.safeParse(text);
            expect(result.success).toBe(false);
            expectHumanMessages(result.error!);
          },
        ),
        RUNS,
      );
    });
  });
});

describe("the shared text helpers", () => {
  const options = fc.record({
    max: fc.integer({ min: 1, max: 120 }),
    min: fc.integer({ min: 0, max: 5 }),
    required: fc.boolean(),
  });

  it("one-line text: whatever is accepted is trimmed, within bounds, one line, valid Unicode; refusals name the field", () => {
    fc.assert(
      fc.property(options, hostileString(), ({ max, min, required }, text) => {
        const result = singleLineText({ label: "The title", max, min, required }).safeParse(text);
        if (!result.success) {
          expectHumanMessages(result.error);
          for (const issue of result.error.issues) expect(issue.message).toMatch(/title/i);
          return;
        }
        expect(result.data).toBe(text.trim());
        expect(Array.from(result.data).length).toBeLessThanOrEqual(max);
        if (required) expect(result.data.length).toBeGreaterThanOrEqual(Math.max(min, 1));
        expect(
          /[\r\n\t\u2028\u2029]/.test(result.data) ||
            FORBIDDEN_CHARACTER.test(result.data) ||
            hasLoneSurrogate(result.data),
        ).toBe(false);
      }),
      RUNS,
    );
  });

  it("multi-line text: line endings folded to LF, otherwise kept exactly; no other control characters", () => {
    fc.assert(
      fc.property(options, hostileString(), ({ max, min, required }, text) => {
        const result = multiLineText({ label: "The note", max, min, required }).safeParse(text);
        if (!result.success) {
          expectHumanMessages(result.error);
          return;
        }
        expect(result.data).toBe(text.replace(/\r\n?/g, "\n").trim());
        expect(Array.from(result.data).length).toBeLessThanOrEqual(max);
        expect(result.data.includes("\r") || FORBIDDEN_CHARACTER.test(result.data)).toBe(false);
      }),
      RUNS,
    );
  });

  it("text lists: bounded count, each entry clean, no duplicates ignoring case", () => {
    fc.assert(
      fc.property(fc.oneof(hostileString(200), fc.array(hostileString(30), { maxLength: 25 })), (value) => {
        const result = textList({ label: "Skills", maxItems: 10, maxLength: 30 }).safeParse(value);
        if (!result.success) {
          expectHumanMessages(result.error);
          return;
        }
        expect(result.data.length).toBeLessThanOrEqual(10);
        expect(new Set(result.data.map((item) => item.toLowerCase())).size).toBe(result.data.length);
        for (const item of result.data) {
          expect(item.length).toBeGreaterThan(0);
          expect(Array.from(item).length).toBeLessThanOrEqual(30);
          expect(FORBIDDEN_CHARACTER.test(item) || /[\r\n\t]/.test(item)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it("search text is cleaned, never refused: valid Unicode, no control characters, at most the asked length", () => {
    fc.assert(
      fc.property(fc.oneof(hostileString(300), fc.anything()), fc.integer({ min: 1, max: 100 }), (value, max) => {
        const cleaned = cleanSearchText(value, max);
        expect(Array.from(cleaned).length).toBeLessThanOrEqual(max);
        expect(FORBIDDEN_CHARACTER.test(cleaned) || /[\r\n\t]/.test(cleaned)).toBe(false);
        expect(cleaned).toBe(cleaned.trim());
      }),
      RUNS,
    );
  });
});

describe("numbers", () => {
  const height = optionalWholeNumber({ label: "Height", min: 50, max: 250 });

  it("a whole number is accepted only as decimal digits within range; blank means not given", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileString(20),
          fc.integer().map(String),
          fc.double().map(String),
          fc.constantFrom("1e2", "0x64", "0b11", "  ", "+120", "-0", "120.0", "\u0661\u0662\u0660"),
        ),
        (text) => {
          const result = height.safeParse(text);
          if (!result.success) {
            expectHumanMessages(result.error);
            return;
          }
          if (result.data === undefined) {
            expect(text.trim()).toBe("");
            return;
          }
          expect(Number.isInteger(result.data)).toBe(true);
          expect(result.data).toBeGreaterThanOrEqual(50);
          expect(result.data).toBeLessThanOrEqual(250);
          expect(text.trim()).toMatch(/^[+-]?\d+$/);
        },
      ),
      RUNS,
    );
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, -1, 120.5, 2 ** 53 + 2])(
    "refuses %s for a whole number, with a message",
    (value) => {
      const result = height.safeParse(value);
      expect(result.success).toBe(false);
      expectHumanMessages(result.error!);
    },
  );

  it.each([
    ["1e3", "Enter the year, like 2024."],
    ["0x7E8", "Enter the year, like 2024."],
    ["Infinity", "Enter the year, like 2024."],
    ["1899", "Enter a year from 1900 on."],
    ["99999", "Enter a year no more than three years ahead."],
  ])("refuses the credit year %s", (year, message) => {
    const result = creditInput.safeParse({ year, production: "Northern Lights", role: "Lead" });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it("profile ages and rates out of range are refused with the field's name", () => {
    const errors = basicsInput
      .safeParse({ displayName: "Ada", playingAgeMin: "-5", playingAgeMax: "1000" })
      .error!.issues.map((issue) => issue.message);
    expect(errors).toEqual(["Youngest playing age must be at least 0.", "Oldest playing age must be at most 100."]);
    const rate = premiumDetailsInput
      .safeParse({ dayRateMin: "99999999999999999999" })
      .error!.issues.map((issue) => issue.message);
    expect(rate).toContain("Lowest day rate must be at most 1,000,000.");
  });

  it("whitespace in a number field means not given, not zero", () => {
    expect(basicsInput.parse({ displayName: "Ada", playingAgeMin: "   " }).playingAgeMin).toBeUndefined();
  });

  it("shoot dates must be real calendar days", () => {
    for (const shootStart of ["2026-02-30", "0000-01-01", "2026-13-01", "2026-1-1", "tomorrow"]) {
      const result = contactRequestInput.safeParse({
        ...formSchemas.find((entry) => entry.name === "contactRequestInput")!.valid,
        shootStart,
      });
      expect(
        result.error?.issues.map((issue) => issue.message),
        shootStart,
      ).toEqual(["Enter a real date like 2026-12-31."]);
    }
  });

  it("a message's read pointer and page bounds stay within what the database column holds", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.maxSafeInteger(), fc.constant(undefined)), (value) => {
        const bound = seqBound(value);
        if (bound === undefined) {
          expect(value === undefined || !Number.isSafeInteger(value)).toBe(true);
          return;
        }
        expect(Number.isSafeInteger(bound)).toBe(true);
        expect(Math.abs(bound)).toBeLessThanOrEqual(2_147_483_647);
      }),
      RUNS,
    );
  });
});

describe("cursors", () => {
  it("a list cursor that is not ours means the first page, never a database error", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileString(80),
          fc.tuple(fc.date({ noInvalidDate: true }), fc.uuid()).map(([date, id]) => `${date.toISOString()}|${id}`),
          fc.constantFrom(
            "2026-02-30T00:00:00.000000Z|" + UUID_A,
            "2026-01-01T25:61:00Z|" + UUID_A,
            "9999-99-99T99:99:99Z|" + "-".repeat(36),
            "0000-01-01T00:00:00Z|" + UUID_A,
          ),
        ),
        (cursor) => {
          const condition = keysetBefore(cursor, {} as never, {} as never);
          const timestamp = cursor.split("|")[0] ?? "";
          if (condition !== undefined) expect(isExactTimestamp(timestamp)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it("a gallery cursor decodes to a well-formed position or to null, for any text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileString(120),
          fc.anything().map((value) => Buffer.from(JSON.stringify(value) ?? "null").toString("base64url")),
          fc
            .record({
              s: fc.constantFrom(...gallerySorts),
              v: hostileString(40),
              id: fc.oneof(fc.uuid(), hostileString(36)),
            })
            .map((value) => Buffer.from(JSON.stringify(value)).toString("base64url")),
        ),
        fc.constantFrom(...gallerySorts),
        (encoded, sort) => {
          const cursor = decodeCursor(encoded, sort);
          if (cursor === null) return;
          expect(cursor.s).toBe(sort);
          if (sort === "newest") expect(isExactTimestamp(cursor.v)).toBe(true);
          if (sort === "relevance") expect(isExactTimestamp(cursor.v.slice(2))).toBe(true);
          expect(cursor.v.includes("\u0000") || hasLoneSurrogate(cursor.v)).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it("the cursors the gallery writes decode back to themselves", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
        fc.uuid(),
        fc.constantFrom(1, 2, 3),
        (date, id, tier) => {
          const at = `${date.toISOString().slice(0, 19)}.123456Z`;
          expect(decodeCursor(encodeCursor({ s: "newest", v: at, id }), "newest")).toEqual({ s: "newest", v: at, id });
          expect(decodeCursor(encodeCursor({ s: "relevance", v: `${tier}:${at}`, id }), "relevance")).toEqual({
            s: "relevance",
            v: `${tier}:${at}`,
            id,
          });
        },
      ),
      RUNS,
    );
  });

  it("gallery filters never fail the page: bad values are dropped, and what is kept is clean", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            "q",
            "category",
            "country",
            "city",
            "ageMin",
            "ageMax",
            "language",
            "availability",
            "sort",
            "cursor",
            "role",
          ),
          hostileString(120),
        ),
        (params) => {
          const query = galleryQueryInput.parse(params);
          for (const key of ["q", "city", "language"] as const) {
            const value = query[key];
            if (value !== undefined) expect(FORBIDDEN_CHARACTER.test(value) || /[\r\n\t]/.test(value)).toBe(false);
          }
          for (const key of ["ageMin", "ageMax"] as const) {
            const age = query[key];
            if (age !== undefined) expect(Number.isInteger(age) && age >= 0 && age <= 100).toBe(true);
          }
          expect("role" in query).toBe(false);
        },
      ),
      RUNS,
    );
  });
});
