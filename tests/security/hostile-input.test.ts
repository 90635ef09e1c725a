import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import nodemailer from "nodemailer";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Db } from "@/db";
import { users } from "@/db/schema/auth";
import { collections } from "@/db/schema/collections";
import { contactRequests } from "@/db/schema/contact-requests";
import { conversationReports, messages } from "@/db/schema/messaging";
import { emailJobs, notifications } from "@/db/schema/notifications";
import { talentCredits, talentProfiles } from "@/db/schema/talents";
import { createAdmin, createProfessional, createTalent, createTalentWithProfile } from "@/db/seed/factories";
import { isAppError, type ErrorCode } from "@/lib/errors";
import { suspendUserInput } from "@/modules/access/inputs";
import { checkoutInput, testCheckoutInput } from "@/modules/billing/inputs";
import { startCheckout } from "@/modules/billing/mutations";
import { TestBillingProvider } from "@/modules/billing/provider";
import { reinstateUser, suspendUser } from "@/modules/access/mutations";
import type { Actor } from "@/modules/access/types";
import { listUsersForAdmin } from "@/modules/admin/queries";
import { collectionDetailsInput, noteInput } from "@/modules/collections/inputs";
import {
  addTalents,
  createCollection,
  deleteCollection,
  setNote,
  shareCollection,
  updateCollection,
} from "@/modules/collections/mutations";
import { getCollection } from "@/modules/collections/queries";
import { contactRequestInput } from "@/modules/contact-requests/inputs";
import {
  approveContactRequest,
  declineContactRequest,
  revokeApproval,
  sendContactRequest,
  withdrawContactRequest,
} from "@/modules/contact-requests/mutations";
import { listRequests, listRequestsForAdmin } from "@/modules/contact-requests/queries";
import { InboxList } from "@/modules/messaging/components/inbox-list";
import { reportInput, sendMessageInput } from "@/modules/messaging/inputs";
import {
  markConversationRead,
  reportConversation,
  sendMessage,
  startConversation,
} from "@/modules/messaging/mutations";
import { listInbox, listMessages } from "@/modules/messaging/queries";
import { emailPreferencesInput, timeSettingsInput } from "@/modules/notifications/inputs";
import { unsubscribeWithToken, updateEmailPreferences, updateTimeSettings } from "@/modules/notifications/mutations";
import { getTimeSettings, listNotifications } from "@/modules/notifications/queries";
import { SmtpTransport, type MailTransport, type OutgoingEmail } from "@/modules/notifications/transport";
import { runEmailWorkerTick } from "@/modules/notifications/worker";
import { TalentCard } from "@/modules/talents/components/talent-card";
import { TalentProfile } from "@/modules/talents/components/profile-view";
import { parseGallerySearchParams } from "@/modules/talents/gallery-query";
import {
  basicsInput,
  contactInput,
  creditInput,
  hideProfileInput,
  premiumDetailsInput,
  skillsInput,
} from "@/modules/talents/inputs";
import {
  addCredit,
  deleteCredit,
  hideProfile,
  restoreProfile,
  updateBasics,
  updateContact,
  updatePremiumDetails,
  updateSkills,
} from "@/modules/talents/mutations";
import { getProfileView, listProfilesForAdmin, searchGallery } from "@/modules/talents/queries";
import { mediaFiles } from "@/db/schema/media";
import { mediaIdInput, renameMediaInput, uploadStartInput } from "@/modules/media/inputs";
import { deleteMedia, moveMedia, renameMedia, setMediaCaptions, setPrimaryMedia } from "@/modules/media/mutations";
import { freshDatabase } from "@/test/database";
import { MemoryStorage } from "@/test/memory-storage";
import { lineBreakText, massAssignment, refusedText, storedText } from "./hostile";

type Case = [label: string, text: string];
const refused: Case[] = Object.entries(refusedText);
const breaks: Case[] = Object.entries(lineBreakText);
const stored: Case[] = Object.entries(storedText);
const oversized = (max: number): Case => ["oversized", "x".repeat(max + 1)];
const BAD_IDS: Case[] = [
  ["empty", ""],
  ["not a uuid", "42"],
  ["SQL-like", "' OR 1=1 --"],
  ["NUL", "\u0000"],
  ["uuid with NUL", `${randomUUID()}\u0000`],
  ["almost a uuid", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"],
  ["unknown uuid", randomUUID()],
];
const BAD_CURSORS = [
  "",
  "garbage",
  "2026-02-30T00:00:00.000000Z|" + randomUUID(),
  "2026-01-01T25:00:00Z|" + randomUUID(),
  "9999-99-99T99:99:99Z|" + "-".repeat(36),
  `2026-01-01T00:00:00Z|${"\u0000".repeat(36)}`,
  "\ud800",
  "x".repeat(10_000),
];
const DESCRIPTION = "A feature film shot in Glasgow over six weeks.";

/**
 * Markup that would run: a script element, an event handler attribute or a
 * javascript: address in any real tag. Attribute values are blanked first:
 * escaped text inside them (alt="&lt;img onerror=...") cannot break out.
 */
function liveMarkup(html: string): string[] {
  const tags = html.match(/<[^>]+>/g) ?? [];
  return tags
    .map((tag) => tag.replace(/="[^"]*"/g, '=""'))
    .filter(
      (tag) =>
        /^<\/?(script|iframe|object|embed)\b/i.test(tag) || /\son[a-z]+\s*=/i.test(tag) || /javascript:/i.test(tag),
    );
}

const decode = (html: string) =>
  html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** The page shows the text as text: no live markup, and the text itself is there once the entities are read. */
function expectInert(html: string, text: string) {
  expect(liveMarkup(html)).toEqual([]);
  if (text) expect(decode(html)).toContain(text);
}

/** Awaits a promise that must fail with an AppError of one of these codes, and a message. */
async function expectAppError(promise: Promise<unknown>, codes: ErrorCode[]) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(isAppError(error), `expected an AppError (${codes.join("/")}), got ${String(error)}`).toBe(true);
  expect(codes).toContain((error as { code: ErrorCode }).code);
  expect((error as Error).message.length).toBeGreaterThan(5);
}

describe("hostile input at every mutation", () => {
  let db: Db;
  let admin: Awaited<ReturnType<typeof createAdmin>>;
  let pro: Awaited<ReturnType<typeof createProfessional>>;
  let talent: Awaited<ReturnType<typeof createTalentWithProfile>>;
  let conversationId: string;

  const rows = async () => {
    const tables = [
      users,
      talentProfiles,
      talentCredits,
      messages,
      conversationReports,
      contactRequests,
      collections,
      notifications,
      emailJobs,
    ] as const;
    return Promise.all(tables.map(async (table) => (await db.select({ total: count() }).from(table))[0]!.total));
  };

  /**
   * What a server action does with a form: parse, and only on success run the
   * mutation. A refusal must carry a message for a field and leave every table
   * as it was; an acceptance stores the text, which `check` reads back.
   */
  async function submit<S extends z.ZodType>(
    schema: S,
    raw: unknown,
    mutation: (input: z.output<S>) => Promise<unknown>,
  ): Promise<{ accepted: false } | { accepted: true; input: z.output<S> }> {
    const before = await rows();
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      expect(parsed.error.issues.length).toBeGreaterThan(0);
      for (const issue of parsed.error.issues) expect(issue.message).toMatch(/\S.*[.!?]$/);
      expect(await rows()).toEqual(before);
      return { accepted: false };
    }
    await mutation(parsed.data);
    return { accepted: true, input: parsed.data };
  }

  beforeAll(async () => {
    ({ db } = await freshDatabase());
    admin = await createAdmin(db);
    pro = await createProfessional(db, { subscription: true, name: "Casey Rivera" });
    talent = await createTalentWithProfile(db, { user: { name: "Taylor Brooks" } });
    conversationId = await startConversation(db, pro.actor, talent.id);
  });

  describe("profile edit", () => {
    const basics = (displayName: string) => ({
      displayName,
      headline: displayName,
      city: "London",
      country: "GB",
      categories: ["actor"],
    });

    it.each([...refused, ...breaks, oversized(80)])(
      "refuses a display name with %s, changing nothing",
      async (_label, text) => {
        const result = await submit(basicsInput, basics(text), (input) => updateBasics(db, talent.actor, input));
        expect(result.accepted).toBe(false);
      },
    );

    it.each(stored)("stores a display name with %s byte for byte and shows it as text", async (_label, text) => {
      const result = await submit(basicsInput, basics(`  ${text}  `), (input) => updateBasics(db, talent.actor, input));
      expect(result.accepted).toBe(true);
      const [row] = await db
        .select({ displayName: talentProfiles.displayName, headline: talentProfiles.headline })
        .from(talentProfiles)
        .where(eq(talentProfiles.id, talent.profileId));
      expect(row).toEqual({ displayName: text.trim(), headline: text.trim() });
      const view = await getProfileView(db, pro.actor, talent.profileId);
      expectInert(renderToStaticMarkup(createElement(TalentProfile, { view: view! })), text.trim());
      const page = await searchGallery(db, parseGallerySearchParams({ sort: "newest" }));
      const card = page!.items.find((item) => item.id === talent.profileId)!;
      expect(card.displayName).toBe(text.trim());
      expectInert(renderToStaticMarkup(createElement(TalentCard, { talent: card })), text.trim());
    });

    it.each([...refused, ...stored, ...breaks])(
      "bio, skills, contact and credits: %s is refused or stored exactly",
      async (_label, text) => {
        const bio = await submit(premiumDetailsInput, { bio: text, heightCm: "170" }, (input) =>
          updatePremiumDetails(db, talent.actor, input),
        );
        if (bio.accepted)
          expect(
            (
              await db
                .select({ bio: talentProfiles.bio })
                .from(talentProfiles)
                .where(eq(talentProfiles.id, talent.profileId))
            )[0]!.bio,
          ).toBe(bio.input.bio);
        const skills = await submit(skillsInput, { skills: text, languages: "English", unions: "" }, (input) =>
          updateSkills(db, talent.actor, input),
        );
        if (skills.accepted)
          expect(
            (
              await db
                .select({ skills: talentProfiles.skills })
                .from(talentProfiles)
                .where(eq(talentProfiles.id, talent.profileId))
            )[0]!.skills,
          ).toEqual(skills.input.skills);
        await submit(contactInput, { agentName: text, phone: text }, (input) => updateContact(db, talent.actor, input));
        const credit = await submit(creditInput, { year: "2024", production: text, role: "Lead" }, (input) =>
          addCredit(db, talent.actor, input),
        );
        if (credit.accepted) {
          const [row] = await db
            .select({ production: talentCredits.production })
            .from(talentCredits)
            .where(eq(talentCredits.production, credit.input.production));
          expect(row?.production).toBe(text.trim());
        }
      },
    );

    it.each([
      ["NaN", "NaN"],
      ["Infinity", "Infinity"],
      ["exponent", "1e2"],
      ["hex", "0x64"],
      ["negative", "-1"],
      ["huge", "9".repeat(40)],
    ])("refuses a %s height or playing age", async (_label, value) => {
      expect(
        (
          await submit(premiumDetailsInput, { heightCm: value }, (input) =>
            updatePremiumDetails(db, talent.actor, input),
          )
        ).accepted,
      ).toBe(false);
      expect(
        (
          await submit(basicsInput, { ...basics("Taylor"), playingAgeMin: value }, (input) =>
            updateBasics(db, talent.actor, input),
          )
        ).accepted,
      ).toBe(false);
      expect(
        (
          await submit(creditInput, { year: value, production: "Film", role: "Lead" }, (input) =>
            addCredit(db, talent.actor, input),
          )
        ).accepted,
      ).toBe(false);
    });

    it("ignores mass-assigned fields: the profile stays the talent's, unhidden, unpublished state unchanged", async () => {
      const [before] = await db.select().from(talentProfiles).where(eq(talentProfiles.id, talent.profileId));
      const result = await submit(basicsInput, { ...basics("Taylor Brooks"), ...massAssignment }, (input) =>
        updateBasics(db, talent.actor, input),
      );
      expect(result.accepted).toBe(true);
      const [after] = await db.select().from(talentProfiles).where(eq(talentProfiles.id, talent.profileId));
      expect({
        id: after!.id,
        userId: after!.userId,
        hiddenAt: after!.hiddenAt,
        publishedAt: after!.publishedAt,
      }).toEqual({
        id: before!.id,
        userId: talent.id,
        hiddenAt: before!.hiddenAt,
        publishedAt: before!.publishedAt,
      });
    });

    it.each(BAD_IDS)("deleting a credit by a bad id (%s) answers not found", async (_label, id) => {
      await expectAppError(deleteCredit(db, talent.actor, id), ["not_found"]);
    });
  });

  describe("messages", () => {
    const send = (body: string) =>
      submit(sendMessageInput, { conversationId, body, clientKey: randomUUID(), senderId: talent.id }, (input) =>
        sendMessage(db, pro.actor, input),
      );

    it.each([...refused, oversized(5000)])("refuses a message with %s, changing nothing", async (_label, text) => {
      expect((await send(text)).accepted).toBe(false);
    });

    it.each([...stored, ...breaks])(
      "stores a message with %s exactly, and the inbox, notification and email show it as text",
      async (_label, text) => {
        const result = await send(text);
        expect(result.accepted).toBe(true);
        const body = text.replace(/\r\n?/g, "\n").trim();
        const page = await listMessages(db, talent.actor, conversationId);
        const last = page!.messages.at(-1)!;
        expect(last.body).toBe(body);
        expect(last.isMine).toBe(false);
        const [stored] = await db
          .select({ senderId: messages.senderId })
          .from(messages)
          .where(eq(messages.id, last.id));
        expect(stored!.senderId).toBe(pro.id);
        const inbox = await listInbox(db, talent.actor);
        expectInert(
          renderToStaticMarkup(createElement(InboxList, { initial: inbox, isFirstPage: true, view: "inbox" })),
          body.slice(0, 140),
        );
        const latest = (await listNotifications(db, talent.actor, { limit: 1 })).items[0]!;
        expect(latest.body).toBe(body.slice(0, 280));
      },
    );

    it.each([...refused, ...stored, oversized(1000)])(
      "a report note with %s is refused or stored exactly",
      async (_label, note) => {
        const result = await submit(reportInput, { conversationId, reason: "spam", note }, (input) =>
          reportConversation(db, talent.actor, input),
        );
        if (result.accepted)
          expect(
            (await db.select({ note: conversationReports.note }).from(conversationReports)).map((row) => row.note),
          ).toContain(note.trim());
      },
    );

    it.each(BAD_IDS)("a bad conversation id (%s) answers not found everywhere", async (_label, id) => {
      await expectAppError(startConversation(db, pro.actor, id), ["not_found", "conflict"]);
      await expectAppError(markConversationRead(db, talent.actor, id, 1), ["not_found"]);
      expect(await listMessages(db, talent.actor, id)).toBeNull();
    });

    it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, 2 ** 31, 2 ** 53 - 1, -(2 ** 53 - 1), 0.5])(
      "a read pointer or page bound of %s is clamped, never a database error",
      async (seq) => {
        const pointer = await markConversationRead(db, talent.actor, conversationId, seq);
        expect(Number.isSafeInteger(pointer)).toBe(true);
        const older = await listMessages(db, talent.actor, conversationId, { beforeSeq: seq });
        const newer = await listMessages(db, talent.actor, conversationId, { afterSeq: seq });
        expect(older).not.toBeNull();
        expect(newer).not.toBeNull();
      },
    );

    it.each(BAD_CURSORS)("a forged inbox or notification cursor %# gives the first page", async (cursor) => {
      const first = await listInbox(db, talent.actor);
      expect((await listInbox(db, talent.actor, cursor)).items.map((item) => item.id)).toEqual(
        first.items.map((item) => item.id),
      );
      expect((await listNotifications(db, talent.actor, { cursor })).items.length).toBeGreaterThan(0);
    });
  });

  describe("email", () => {
    it("a name with CR/LF that reached the database never unfolds into a mail header", async () => {
      const sender = await createProfessional(db, {
        subscription: true,
        name: "Mallory\r\nBcc: everyone@example.test\r\nX-Injected: yes",
      });
      const target = await createTalentWithProfile(db, {
        user: { name: "Robin <script>alert(1)</script>\r\nCc: leak@example.test" },
      });
      const id = await startConversation(db, sender.actor, target.id);
      await sendMessage(
        db,
        sender.actor,
        sendMessageInput.parse({ conversationId: id, body: '<img src=x onerror="alert(1)">', clientKey: randomUUID() }),
      );
      const sent: OutgoingEmail[] = [];
      const capture: MailTransport = { send: async (email) => void sent.push(email) };
      await runEmailWorkerTick(db, capture, new Date(Date.now() + 86_400_000), 1000);
      const email = sent.find((item) => item.to === target.email)!;
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(liveMarkup(email.html)).toEqual([]);
      expect(email.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");

      // The same email through the SMTP transport, rendered to the raw message instead of sent.
      const smtp = new SmtpTransport("smtp://127.0.0.1:1", "Callback <noreply@callback.example>");
      const raw: string[] = [];
      const stream = nodemailer.createTransport({ streamTransport: true, buffer: true });
      (smtp as unknown as { transporter: Pick<Transporter, "sendMail"> }).transporter = {
        sendMail: async (options: Parameters<Transporter["sendMail"]>[0]) => {
          const info = await stream.sendMail(options);
          raw.push(String(info.message));
          return info;
        },
      } as Pick<Transporter, "sendMail">;
      await smtp.send(email);
      const headers = raw[0]!.split(/\r\n\r\n/)[0]!;
      expect(headers).not.toMatch(/^(Bcc|Cc|X-Injected):/im);
      expect(headers.match(/^To:/gim)).toHaveLength(1);
    });
  });

  describe("contact requests", () => {
    const request = (overrides: Record<string, unknown>) => ({
      profileId: talent.profileId,
      projectTitle: "Northern Lights",
      role: "Lead",
      productionType: "film",
      description: DESCRIPTION,
      isPaid: "unpaid",
      ...overrides,
    });

    it.each([...refused, ...breaks, oversized(120)])("refuses a project title with %s", async (_label, text) => {
      expect(
        (
          await submit(contactRequestInput, request({ projectTitle: text }), (input) =>
            sendContactRequest(db, pro.actor, input),
          )
        ).accepted,
      ).toBe(false);
    });

    it.each([
      ["impossible date", "2026-02-30"],
      ["year zero", "0000-01-01"],
      ["month 13", "2026-13-01"],
      ["SQL", "2026-01-01'; --"],
    ])("refuses a shoot date that is an %s", async (_label, shootStart) => {
      expect(
        (
          await submit(contactRequestInput, request({ shootStart }), (input) =>
            sendContactRequest(db, pro.actor, input),
          )
        ).accepted,
      ).toBe(false);
    });

    it("stores hostile project text exactly, and ignores a mass-assigned status or sender", async () => {
      const title = storedText["script tag"];
      const result = await submit(
        contactRequestInput,
        request({ projectTitle: title, message: storedText["SQL-like text"], ...massAssignment }),
        (input) => sendContactRequest(db, pro.actor, input),
      );
      expect(result.accepted).toBe(true);
      const [row] = await db.select().from(contactRequests).where(eq(contactRequests.projectTitle, title));
      expect({ status: row!.status, senderId: row!.senderId, message: row!.message }).toEqual({
        status: "PENDING",
        senderId: pro.id,
        message: storedText["SQL-like text"],
      });
      const list = await listRequests(db, talent.actor, "received", { q: "<script" });
      expect(list.items.map((item) => item.projectTitle)).toContain(title);
      await withdrawContactRequest(db, pro.actor, row!.id);
    });

    it.each(BAD_IDS)("a bad request id (%s) answers not found for every answer", async (_label, requestId) => {
      await expectAppError(approveContactRequest(db, talent.actor, { requestId, sharedFields: ["email"] }), [
        "not_found",
      ]);
      await expectAppError(declineContactRequest(db, talent.actor, { requestId, block: true }), ["not_found"]);
      await expectAppError(withdrawContactRequest(db, pro.actor, requestId), ["not_found"]);
      await expectAppError(revokeApproval(db, talent.actor, requestId), ["not_found"]);
    });

    it.each([...BAD_CURSORS, "\u0000", "%", "_", "\\"])(
      "search text and cursors %# never fail the request list",
      async (text) => {
        await listRequests(db, talent.actor, "received", { q: text, cursor: text, from: text, to: text });
        await listRequestsForAdmin(db, admin.actor, { q: text });
      },
    );
  });

  describe("collections", () => {
    it.each([...refused, ...breaks, oversized(80)])("refuses a collection name with %s", async (_label, name) => {
      expect(
        (await submit(collectionDetailsInput, { name }, (input) => createCollection(db, pro.actor, input))).accepted,
      ).toBe(false);
    });

    it.each(stored)("stores a collection name and note with %s exactly", async (label, text) => {
      const created = await submit(
        collectionDetailsInput,
        { name: `${label}: ${text}`, description: text, ownerId: admin.id },
        (input) => createCollection(db, pro.actor, input),
      );
      expect(created.accepted).toBe(true);
      const [row] = await db
        .select()
        .from(collections)
        .where(eq(collections.name, `${label}: ${text}`.trim()));
      expect({ ownerId: row!.ownerId, description: row!.description, shareToken: row!.shareToken }).toEqual({
        ownerId: pro.id,
        description: text.trim(),
        shareToken: null,
      });
      await addTalents(db, pro.actor, { collectionId: row!.id, newName: "", profileIds: [talent.profileId] });
      const note = await submit(
        noteInput,
        { collectionId: row!.id, profileId: talent.profileId, note: text },
        (input) => setNote(db, pro.actor, input),
      );
      expect(note.accepted).toBe(true);
      const detail = await getCollection(db, pro.actor, row!.id);
      expect(detail!.entries[0]!.note).toBe(text.trim());
      await deleteCollection(db, pro.actor, row!.id);
    });

    it.each(BAD_IDS)("a bad collection id (%s) answers not found", async (_label, id) => {
      await expectAppError(updateCollection(db, pro.actor, id, collectionDetailsInput.parse({ name: "Renamed" })), [
        "not_found",
      ]);
      await expectAppError(shareCollection(db, pro.actor, id), ["not_found"]);
      await expectAppError(setNote(db, pro.actor, { collectionId: id, profileId: talent.profileId, note: "x" }), [
        "not_found",
      ]);
      expect(await getCollection(db, pro.actor, id)).toBeNull();
    });
  });

  describe("notification preferences and unsubscribe", () => {
    it.each([
      ["unknown mode", "sometimes"],
      ["SQL", "off'; --"],
      ["NUL", "off\u0000"],
      ["empty", ""],
    ])("refuses a preference that is %s", async (_label, mode) => {
      expect(
        (
          await submit(emailPreferencesInput, { messages: mode, contact_requests: "off", billing: "off" }, (input) =>
            updateEmailPreferences(db, talent.actor, input),
          )
        ).accepted,
      ).toBe(false);
    });

    it.each([
      ["not an IANA zone", "Mars/Olympus_Mons"],
      ["an offset", "+09:00"],
      ["POSIX rules", "EST5EDT,M3.2.0,M11.1.0"],
      ["SQL", "UTC'; drop table users; --"],
      ["NUL", "Europe/London\u0000"],
      ["a line break", "Europe/London\nBcc: x"],
      ["a path", "../../etc/passwd"],
      ["empty", ""],
      oversized(64),
    ])("refuses a time zone that is %s, and keeps the one set", async (_label, timeZone) => {
      const before = await getTimeSettings(db, talent.actor);
      expect(
        (
          await submit(timeSettingsInput, { timeZone, digestHour: "8" }, (input) =>
            updateTimeSettings(db, talent.actor, input),
          )
        ).accepted,
      ).toBe(false);
      expect(await getTimeSettings(db, talent.actor)).toEqual(before);
    });

    it.each([
      ["past the day", "24"],
      ["negative", "-1"],
      ["a fraction", "7.5"],
      ["a word", "eight"],
      ["exponent", "1e1"],
      ["huge", "9".repeat(400)],
      ["empty", ""],
    ])("refuses a digest hour that is %s", async (_label, digestHour) => {
      expect(
        (
          await submit(timeSettingsInput, { timeZone: "UTC", digestHour }, (input) =>
            updateTimeSettings(db, talent.actor, input),
          )
        ).accepted,
      ).toBe(false);
    });

    it("takes a zone alias as the listed zone it stands for", async () => {
      const result = await submit(timeSettingsInput, { timeZone: "US/Eastern", digestHour: "6" }, (input) =>
        updateTimeSettings(db, talent.actor, input),
      );
      expect(result).toMatchObject({ accepted: true, input: { timeZone: "America/New_York", digestHour: 6 } });
      expect(await getTimeSettings(db, talent.actor)).toEqual({ timeZone: "America/New_York", digestHour: 6 });
    });

    it.each([
      "",
      "garbage",
      "a.b",
      "\u0000",
      "\ud800.\udc00",
      "x".repeat(100_000),
      `${Buffer.from(JSON.stringify({ userId: randomUUID(), scope: "all" })).toString("base64url")}.forged`,
    ])("an unsubscribe token %# that is not ours is refused with a message", async (token) => {
      await expectAppError(unsubscribeWithToken(db, token), ["invalid_input"]);
    });
  });

  describe("checkout return path", () => {
    const offSite: Case[] = [
      ["another site", "https://evil.example/talents"],
      ["protocol-relative", "//evil.example/talents"],
      ["backslash host", "/\\evil.example"],
      ["script address", "javascript:alert(document.cookie)"],
      ["data address", "data:text/html,<script>alert(1)</script>"],
      ["relative without a slash", "evil.example"],
      ["header injection", "/talents\r\nLocation: https://evil.example"],
      ["tab before host", "/\t/evil.example"],
      ["non-ASCII", "/talents/\u202e"],
      ...refused.filter(([, text]) => text !== "").map(([label, text]): Case => [label, `/talents/${text}`]),
      oversized(300),
    ];

    it.each(offSite)("refuses a return path that is %s, before any checkout opens", async (_label, returnTo) => {
      const buyer = await createProfessional(db);
      const provider = new TestBillingProvider();
      for (const schema of [checkoutInput, testCheckoutInput]) {
        const raw = { plan: "PROFESSIONAL", interval: "month", sessionId: randomUUID(), outcome: "pay", returnTo };
        expect(
          (await submit(schema, raw, () => startCheckout(db, provider, buyer.actor, checkoutInput.parse(raw), "")))
            .accepted,
        ).toBe(false);
      }
    });

    it("carries a same-site path to the test checkout, encoded", async () => {
      const buyer = await createProfessional(db);
      const returnTo = `/talents/${talent.profileId}?then=message`;
      const url = await startCheckout(
        db,
        new TestBillingProvider(),
        buyer.actor,
        checkoutInput.parse({ plan: "PROFESSIONAL", interval: "month", returnTo }),
        "http://localhost",
      );
      expect(url).toMatch(/^\/billing\/checkout\/[\w-]+\?next=/);
      expect(new URL(url, "http://localhost").searchParams.get("next")).toBe(returnTo);
    });
  });

  describe("admin", () => {
    it.each([...refused, ...breaks, oversized(500), ["too short", "spam"] as Case])(
      "refuses a suspension reason with %s",
      async (_label, reason) => {
        expect(
          (await submit(suspendUserInput, { userId: pro.id, reason }, (input) => suspendUser(db, admin.actor, input)))
            .accepted,
        ).toBe(false);
      },
    );

    it.each(BAD_IDS)("a bad account or profile id (%s) answers not found", async (label, id) => {
      await expectAppError(suspendUser(db, admin.actor, { userId: id, reason: "Repeated spam to talents." }), [
        "not_found",
        "invalid_input",
      ]);
      await expectAppError(reinstateUser(db, admin.actor, id), ["not_found"]);
      await expectAppError(hideProfile(db, admin.actor, { profileId: id, reason: "Photos break the rules." }), [
        "not_found",
      ]);
      await expectAppError(restoreProfile(db, admin.actor, id), ["not_found"]);
      expect(hideProfileInput.safeParse({ profileId: id, reason: "Photos break the rules." }).success).toBe(
        label === "unknown uuid",
      );
    });

    it("stores a hostile suspension reason exactly and reinstates", async () => {
      const victim = await createTalent(db);
      const reason = storedText["image onerror"];
      expect(
        (
          await submit(suspendUserInput, { userId: victim.id, reason, role: "ADMIN" }, (input) =>
            suspendUser(db, admin.actor, input),
          )
        ).accepted,
      ).toBe(true);
      const [row] = await db
        .select({ reason: users.suspendedReason, role: users.role })
        .from(users)
        .where(eq(users.id, victim.id));
      expect(row).toEqual({ reason, role: "TALENT" });
      await reinstateUser(db, admin.actor, victim.id);
    });

    it.each([...BAD_CURSORS, "\u0000", "%_\\", "\ud83d"])(
      "admin search text and cursors %# never fail the lists",
      async (text) => {
        await listUsersForAdmin(db, admin.actor, { q: text, cursor: text });
        await listProfilesForAdmin(db, admin.actor, { q: text, cursor: text });
      },
    );
  });

  describe("gallery search", () => {
    it.each([...refused, ...stored, ...breaks, ["NUL only", "\u0000"] as Case, ["huge", "x".repeat(100_000)] as Case])(
      "query parameters with %s never fail the page",
      async (_label, text) => {
        const params = {
          q: text,
          city: text,
          language: text,
          country: text,
          category: text,
          ageMin: text,
          ageMax: text,
          sort: text,
          cursor: text,
          availability: text,
        };
        const query = parseGallerySearchParams(params);
        const page = await searchGallery(db, query);
        expect(page === null || Array.isArray(page.items)).toBe(true);
        for (const sort of ["newest", "name", "relevance"])
          await searchGallery(
            db,
            parseGallerySearchParams({
              q: "taylor",
              sort,
              cursor: Buffer.from(JSON.stringify({ s: sort, v: text, id: randomUUID() })).toString("base64url"),
            }),
          );
      },
    );
  });

  describe("media", () => {
    const storage = new MemoryStorage();
    let mediaId: string;

    beforeAll(async () => {
      mediaId = randomUUID();
      await db.insert(mediaFiles).values({
        id: mediaId,
        ownerId: talent.id,
        purpose: "showreel",
        kind: "video",
        status: "ready",
        title: "Drama reel",
        storageKey: `media/${mediaId}/original`,
        contentType: "video/mp4",
        byteSize: 1000,
      });
    });

    it.each([...refused, ...breaks, oversized(120)])("refuses a media title with %s", async (_label, title) => {
      expect(
        (await submit(renameMediaInput, { mediaId, title }, (input) => renameMedia(db, talent.actor, input))).accepted,
      ).toBe(false);
    });

    it.each(stored)("stores a media title with %s exactly", async (_label, title) => {
      const result = await submit(renameMediaInput, { mediaId, title, ownerId: pro.id }, (input) =>
        renameMedia(db, talent.actor, input),
      );
      expect(result.accepted).toBe(true);
      const [row] = await db.select().from(mediaFiles).where(eq(mediaFiles.id, mediaId));
      expect({ title: row!.title, ownerId: row!.ownerId }).toEqual({ title: title.trim(), ownerId: talent.id });
    });

    it.each([...refused, ...breaks])("refuses upload metadata with %s in the title or file name", (_label, text) => {
      expect(uploadStartInput.safeParse({ purpose: "showreel", title: text }).success).toBe(text.trim() === "");
      expect(uploadStartInput.safeParse({ purpose: "showreel", filename: text }).success).toBe(text.trim() === "");
    });

    it.each([
      ["unknown", "headshot"],
      ["SQL", "cv'; --"],
      ["NUL", "cv\u0000"],
      ["empty", ""],
    ])("refuses an upload purpose that is %s", (_label, purpose) => {
      expect(uploadStartInput.safeParse({ purpose }).success).toBe(false);
    });

    it.each(BAD_IDS)("a bad media id (%s) answers not found or is refused by its schema", async (_label, id) => {
      expect(mediaIdInput.safeParse(id).success).toBe(/^[0-9a-f-]{36}$/.test(id));
      if (!mediaIdInput.safeParse(id).success) return;
      await expectAppError(renameMedia(db, talent.actor, { mediaId: id, title: "x" }), ["not_found"]);
      await expectAppError(moveMedia(db, talent.actor, { mediaId: id, direction: "up" }), ["not_found"]);
      await expectAppError(setPrimaryMedia(db, talent.actor, id), ["not_found"]);
      await expectAppError(deleteMedia(db, storage, talent.actor, id), ["not_found"]);
      await expectAppError(setMediaCaptions(db, storage, talent.actor, id, new TextEncoder().encode("WEBVTT\n")), [
        "not_found",
      ]);
    });

    it.each([
      ["empty", new Uint8Array(0), "invalid_input"],
      ["not UTF-8", new Uint8Array([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff, 0xfe]), "unsupported_type"],
      ["an SRT file", new TextEncoder().encode("1\n00:00:01,000 --> 00:00:02,000\nHello\n"), "unsupported_type"],
      ["HTML", new TextEncoder().encode("<script>alert(1)</script>"), "unsupported_type"],
      ["oversized", new TextEncoder().encode(`WEBVTT\n\n${"x".repeat(600 * 1024)}`), "too_large"],
    ] as const)("refuses captions that are %s and stores nothing", async (_label, bytes, code) => {
      const before = storage.files.size;
      await expectAppError(setMediaCaptions(db, storage, talent.actor, mediaId, bytes), [code]);
      expect(storage.files.size).toBe(before);
      const [row] = await db.select().from(mediaFiles).where(eq(mediaFiles.id, mediaId));
      expect(row!.captionsKey).toBeNull();
    });

    it("keeps markup inside WebVTT captions as stored text (they are served as text/vtt, never as a page)", async () => {
      const vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\n<script>alert(1)</script>\n";
      await setMediaCaptions(db, storage, talent.actor, mediaId, new TextEncoder().encode(vtt));
      const [row] = await db.select().from(mediaFiles).where(eq(mediaFiles.id, mediaId));
      expect(storage.files.get(row!.captionsKey!)!.toString("utf8")).toBe(vtt);
      await expectAppError(setMediaCaptions(db, storage, pro.actor, mediaId, new TextEncoder().encode(vtt)), [
        "forbidden",
        "not_found",
      ]);
    });
  });

  it("leaves the database consistent: every account still as created", async () => {
    const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, pro.id));
    expect(row!.role).toBe("PROFESSIONAL");
    const actor: Actor = pro.actor;
    expect(actor.userId).toBe(pro.id);
  });
});
