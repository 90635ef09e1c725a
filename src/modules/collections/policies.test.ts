import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/modules/access/types";
import { bulkRequestInput, MAX_BULK_REQUESTS } from "./inputs";
import { moveInList } from "./order";
import { collectionRights, newShareToken, readOnlyMessage } from "./policies";

const now = new Date("2030-06-15T12:00:00Z");
const future = new Date(now.getTime() + 86_400_000);
const past = new Date(now.getTime() - 86_400_000);

type Subscription = NonNullable<Actor["subscription"]>;

const actor = (role: Actor["role"], subscription: Partial<Subscription> | null = null): Actor => ({
  userId: "me",
  name: "Me",
  email: "me@example.test",
  role,
  subscription: subscription
    ? { plan: "PROFESSIONAL", status: "active", currentPeriodEnd: future, ...subscription }
    : null,
  timeZone: "UTC",
});

describe("moveInList", () => {
  const list = ["a", "b", "c", "d"];

  it("moves an item one place up or down", () => {
    expect(moveInList(list, "c", "up")).toEqual(["a", "c", "b", "d"]);
    expect(moveInList(list, "b", "down")).toEqual(["a", "c", "b", "d"]);
    expect(moveInList(list, "a", "down")).toEqual(["b", "a", "c", "d"]);
    expect(moveInList(list, "d", "up")).toEqual(["a", "b", "d", "c"]);
  });

  it("leaves the list unchanged at either end, and for an item not in it", () => {
    expect(moveInList(list, "a", "up")).toEqual(list);
    expect(moveInList(list, "d", "down")).toEqual(list);
    expect(moveInList(list, "z", "up")).toEqual(list);
    expect(moveInList([], "a", "down")).toEqual([]);
    expect(moveInList(["only"], "only", "up")).toEqual(["only"]);
  });

  it("returns a new array and never changes the one given", () => {
    const original = ["a", "b", "c"];
    const moved = moveInList(original, "b", "up");
    expect(original).toEqual(["a", "b", "c"]);
    expect(moved).not.toBe(original);
    const unchanged = moveInList(original, "a", "up");
    expect(unchanged).not.toBe(original);
    expect(unchanged).toEqual(original);
  });
});

describe("collectionRights", () => {
  it("gives talents and signed-out visitors no access at all", () => {
    expect(collectionRights(actor("TALENT"), now)).toEqual({ read: false, write: false });
    expect(collectionRights(null, now)).toEqual({ read: false, write: false });
  });

  it("lets professionals and companies with an active or trialing subscription read and write", () => {
    expect(collectionRights(actor("PROFESSIONAL", { status: "active" }), now)).toEqual({ read: true, write: true });
    expect(collectionRights(actor("PROFESSIONAL", { status: "trialing" }), now)).toEqual({ read: true, write: true });
    expect(collectionRights(actor("COMPANY", { plan: "COMPANY", status: "active" }), now)).toEqual({
      read: true,
      write: true,
    });
  });

  it("leaves a subscriber whose payment failed read-only, with the reason payment_failed", () => {
    expect(collectionRights(actor("PROFESSIONAL", { status: "past_due" }), now)).toEqual({
      read: true,
      write: false,
      reason: "payment_failed",
    });
    expect(collectionRights(actor("COMPANY", { plan: "COMPANY", status: "unpaid" }), now)).toEqual({
      read: true,
      write: false,
      reason: "payment_failed",
    });
  });

  it("leaves an account without a current subscription read-only, with the reason not_subscribed", () => {
    expect(collectionRights(actor("PROFESSIONAL"), now)).toEqual({
      read: true,
      write: false,
      reason: "not_subscribed",
    });
    expect(collectionRights(actor("PROFESSIONAL", { status: "canceled" }), now)).toEqual({
      read: true,
      write: false,
      reason: "not_subscribed",
    });
    expect(collectionRights(actor("PROFESSIONAL", { status: "active", currentPeriodEnd: past }), now)).toEqual({
      read: true,
      write: false,
      reason: "not_subscribed",
    });
  });

  it("lets admins read and write without a subscription", () => {
    expect(collectionRights(actor("ADMIN"), now)).toEqual({ read: true, write: true });
  });

  it("explains each read-only reason with what to do next", () => {
    expect(readOnlyMessage("payment_failed")).toMatch(/last payment failed.*Update your payment details/);
    expect(readOnlyMessage("not_subscribed")).toMatch(/without an active subscription.*Subscribe/);
  });
});

describe("newShareToken", () => {
  it("is 43 URL-safe characters (32 random bytes)", () => {
    const token = newShareToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("is different every time", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newShareToken()));
    expect(tokens.size).toBe(200);
  });
});

describe("bulkRequestInput", () => {
  const ids = Array.from({ length: MAX_BULK_REQUESTS + 1 }, () => randomUUID());
  const base = {
    collectionId: randomUUID(),
    projectTitle: "The Long Night",
    role: "Lead",
    productionType: "film",
    description: "A feature film shooting in Bristol over six weeks next spring.",
    isPaid: "paid",
    rate: "$600 a day",
  };
  const line = (index: number, message = `Your stage work in production number ${index} was remarkable.`) => ({
    profileId: ids[index]!,
    message,
  });

  function messages(input: unknown): string[] {
    const result = bulkRequestInput.safeParse(input);
    expect(result.success).toBe(false);
    return result.error!.issues.map((issue) => issue.message);
  }

  function issuePaths(input: unknown): string[] {
    const result = bulkRequestInput.safeParse(input);
    expect(result.success).toBe(false);
    return result.error!.issues.map((issue) => issue.path.join("."));
  }

  it("accepts distinct personal lines for distinct talents, trimmed, with the project once", () => {
    const parsed = bulkRequestInput.parse({
      ...base,
      lines: [line(0, "  Loved your work in the Bristol Old Vic show.  "), line(1)],
    });
    expect(parsed.isPaid).toBe(true);
    expect(parsed.rate).toBe("$600 a day");
    expect(parsed.lines).toEqual([
      { profileId: ids[0], message: "Loved your work in the Bristol Old Vic show." },
      { profileId: ids[1], message: line(1).message },
    ]);
  });

  it("refuses a blank personal line", () => {
    expect(issuePaths({ ...base, lines: [line(0, "   ")] })).toContain("lines.0.message");
    expect(messages({ ...base, lines: [line(0, "")] })).toContain("Use at least 10 characters for the personal line.");
  });

  it("refuses a personal line shorter than 10 characters", () => {
    expect(messages({ ...base, lines: [line(0, "Hi there")] })).toContain(
      "Use at least 10 characters for the personal line.",
    );
    expect(bulkRequestInput.safeParse({ ...base, lines: [line(0, "Hi there!!")] }).success).toBe(true);
  });

  it("refuses two identical lines, ignoring case and spacing, on the repeated one", () => {
    const result = bulkRequestInput.safeParse({
      ...base,
      lines: [line(0, "We would love to meet you."), line(1, "  we WOULD love   to meet\nyou. ")],
    });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find(
      (each) => each.message === "Write a different line for each talent: this one repeats another.",
    );
    expect(issue?.path).toEqual(["lines", 1, "message"]);
  });

  it("refuses the same talent twice", () => {
    expect(messages({ ...base, lines: [line(0), line(0, "A second, different line for the same talent.")] })).toContain(
      "Each talent can receive only one request.",
    );
  });

  it(`refuses more than ${MAX_BULK_REQUESTS} lines, and none at all`, () => {
    const lines = ids.map((_, index) => line(index));
    expect(bulkRequestInput.safeParse({ ...base, lines: lines.slice(0, MAX_BULK_REQUESTS) }).success).toBe(true);
    expect(messages({ ...base, lines })).toContain(`Send at most ${MAX_BULK_REQUESTS} requests at once.`);
    expect(messages({ ...base, lines: [] })).toContain("Select at least one talent to send the request to.");
  });

  it("refuses paid work without a rate, and accepts unpaid work without one", () => {
    const result = bulkRequestInput.safeParse({ ...base, rate: "", lines: [line(0)] });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: ["rate"], message: "Give the rate for paid work, e.g. $500 a day." }),
    ]);
    expect(bulkRequestInput.parse({ ...base, isPaid: "unpaid", rate: "", lines: [line(0)] }).isPaid).toBe(false);
  });

  it("refuses a profile id or collection id that is not a UUID", () => {
    expect(messages({ ...base, lines: [{ profileId: "nope", message: line(0).message }] })).toContain(
      "That talent's profile is not available.",
    );
    expect(messages({ ...base, collectionId: "nope", lines: [line(0)] })).toContain("That collection does not exist.");
  });
});
