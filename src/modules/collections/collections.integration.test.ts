import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { collectionItems, collections } from "@/db/schema/collections";
import { contactRequestCounters, contactRequests } from "@/db/schema/contact-requests";
import { talentProfiles } from "@/db/schema/talents";
import { createAdmin, createCompany, createProfessional, createTalentWithProfile } from "@/db/seed/factories";
import type { Db } from "@/db";
import { isAppError, type ErrorCode } from "@/lib/errors";
import type { Actor } from "@/modules/access/types";
import { contactRequestInput } from "@/modules/contact-requests/inputs";
import { sendContactRequest } from "@/modules/contact-requests/mutations";
import { quotaWindows } from "@/modules/contact-requests/policies";
import { countryName } from "@/modules/talents/options";
import { freshDatabase } from "@/test/database";
import { addTalentsInput, bulkRequestInput, collectionDetailsInput } from "./inputs";
import {
  addTalents,
  createCollection,
  deleteCollection,
  moveTalent,
  removeTalent,
  reorderTalents,
  revokeShare,
  sendBulkContactRequests,
  setNote,
  shareCollection,
  updateCollection,
} from "./mutations";
import { readOnlyMessage } from "./policies";
import {
  exportCollectionCsv,
  getCollection,
  getCollectionsForProfile,
  getSharedCollection,
  listCollections,
} from "./queries";
import { countCollectors } from "./internal";

const PHONE = "+44 7700 900123";
const CONTACT_EMAIL = "private.line@talent.example.com";
const AGENT_EMAIL = "agent.hidden@agency.example.com";
const BIO = "Premium biography: trained at the Zanzibar conservatoire.";
const NOTE = "Owner-only note: strong audition, ask about the accent.";
const APP_URL = "https://casting.example.test";
const STALE = "This collection changed since the page was loaded. Reload it and try again.";
const NOT_IN_COLLECTION = "That talent is not in this collection.";
const NO_COLLECTIONS = "Collections are for casting professionals, companies and admins.";

type Talent = Awaited<ReturnType<typeof createTalentWithProfile>>;

const details = (name: string, description = "") => collectionDetailsInput.parse({ name, description });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Awaits a promise that must fail with an AppError of this code (and message, when given). */
async function expectAppError(promise: Promise<unknown>, code: ErrorCode, message?: string | RegExp) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(isAppError(error), `expected an AppError "${code}", got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  if (typeof message === "string") expect((error as Error).message).toBe(message);
  else if (message) expect((error as Error).message).toMatch(message);
}

/** A small RFC 4180 reader for the exported CSV (quoted fields, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      index += 1;
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe("collections", () => {
  let db: Db;

  const add = (actor: Actor, input: { collectionId?: string; newName?: string; profileIds: string[] }) =>
    addTalents(db, actor, addTalentsInput.parse(input));
  const order = async (actor: Actor, collectionId: string) =>
    (await getCollection(db, actor, collectionId))!.entries.map((entry) => entry.profileId);
  const talents = async (
    count: number,
    profile: Parameters<typeof createTalentWithProfile>[1] = {},
  ): Promise<Talent[]> => Promise.all(Array.from({ length: count }, () => createTalentWithProfile(db, profile)));
  const ids = (list: Talent[]) => list.map((talent) => talent.profileId);
  /** A subscriber's collection holding these talents, in this order. */
  async function collectionOf(actor: Actor, name: string, profileIds: string[]) {
    const id = await createCollection(db, actor, details(name));
    if (profileIds.length > 0) await add(actor, { collectionId: id, profileIds });
    return id;
  }

  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  describe("creating, changing and deleting", () => {
    it("creates a collection, renames and describes it, and deletes it with its items", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [talent] = await talents(1);
      const id = await createCollection(db, pro.actor, details("  Leads  ", "First round"));

      const created = await getCollection(db, pro.actor, id);
      expect(created).toMatchObject({
        id,
        name: "Leads",
        description: "First round",
        shareToken: null,
        sharedAt: null,
        entries: [],
        rights: { read: true, write: true },
      });

      await add(pro.actor, { collectionId: id, profileIds: [talent!.profileId] });
      await updateCollection(db, pro.actor, id, details("Leads for Hamlet", "Second round, after the recalls"));
      expect(await getCollection(db, pro.actor, id)).toMatchObject({
        name: "Leads for Hamlet",
        description: "Second round, after the recalls",
      });
      const [row] = await db.select().from(collections).where(eq(collections.id, id));
      expect(row).toMatchObject({
        ownerId: pro.id,
        name: "Leads for Hamlet",
        description: "Second round, after the recalls",
      });

      await deleteCollection(db, pro.actor, id);
      expect(await getCollection(db, pro.actor, id)).toBeNull();
      expect(await db.select().from(collections).where(eq(collections.id, id))).toEqual([]);
      expect(await db.select().from(collectionItems).where(eq(collectionItems.collectionId, id))).toEqual([]);
      expect(await listCollections(db, pro.actor)).toEqual([]);
    });

    it("refuses a second collection with the same name in any case: on create, on rename and on add-to-new", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [talent] = await talents(1);
      await createCollection(db, pro.actor, details("Shortlist"));

      await expectAppError(
        createCollection(db, pro.actor, details("SHORTLIST")),
        "conflict",
        'You already have a collection named "SHORTLIST". Choose another name.',
      );
      const other = await createCollection(db, pro.actor, details("Other"));
      await expectAppError(
        updateCollection(db, pro.actor, other, details("shortlist")),
        "conflict",
        /already have a collection named "shortlist"/,
      );
      await expectAppError(
        add(pro.actor, { newName: "ShortList", profileIds: [talent!.profileId] }),
        "conflict",
        /already have a collection named "ShortList"/,
      );

      const names = (await listCollections(db, pro.actor)).map((collection) => collection.name).sort();
      expect(names).toEqual(["Other", "Shortlist"]);
      expect(await db.select().from(collectionItems).where(eq(collectionItems.profileId, talent!.profileId))).toEqual(
        [],
      );

      // Names are per owner: someone else may use the same one.
      const someoneElse = await createProfessional(db, { subscription: true });
      await expect(createCollection(db, someoneElse.actor, details("Shortlist"))).resolves.toEqual(expect.any(String));
    });

    it("lists the collections most recently changed first, with their sizes and whether each is shared", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const list = await talents(3);
      const first = await createCollection(db, pro.actor, details("First"));
      await sleep(5);
      const second = await createCollection(db, pro.actor, details("Second", "Two of them"));
      await sleep(5);
      const third = await createCollection(db, pro.actor, details("Third"));

      expect((await listCollections(db, pro.actor)).map((collection) => collection.id)).toEqual([third, second, first]);

      await sleep(5);
      await add(pro.actor, { collectionId: first, profileIds: ids(list) });
      await sleep(5);
      await add(pro.actor, { collectionId: second, profileIds: ids(list).slice(0, 2) });
      await shareCollection(db, pro.actor, second);

      const listed = await listCollections(db, pro.actor);
      expect(listed.map((collection) => collection.id)).toEqual([second, first, third]);
      expect(listed).toEqual([
        expect.objectContaining({
          id: second,
          name: "Second",
          description: "Two of them",
          size: 2,
          isShared: true,
          photoIds: [],
        }),
        expect.objectContaining({ id: first, name: "First", size: 3, isShared: false }),
        expect.objectContaining({ id: third, name: "Third", size: 0, isShared: false }),
      ]);
      for (const collection of listed) expect(collection.updatedAt).toBeInstanceOf(Date);

      await sleep(5);
      await updateCollection(db, pro.actor, third, details("Third, renamed"));
      expect((await listCollections(db, pro.actor)).map((collection) => collection.id)).toEqual([third, second, first]);
      await sleep(5);
      await removeTalent(db, pro.actor, { collectionId: first, profileId: list[0]!.profileId });
      const after = await listCollections(db, pro.actor);
      expect(after.map((collection) => [collection.id, collection.size])).toEqual([
        [first, 2],
        [third, 0],
        [second, 2],
      ]);
    });
  });

  describe("adding talents", () => {
    it("appends talents to an existing collection in the order given, after those already there", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [t1, t2, t3, t4] = await talents(4);
      const id = await createCollection(db, pro.actor, details("Ordered"));

      expect(await add(pro.actor, { collectionId: id, profileIds: [t2!.profileId, t1!.profileId] })).toEqual({
        collectionId: id,
        added: 2,
        alreadyIn: 0,
        unavailable: 0,
      });
      expect(await add(pro.actor, { collectionId: id, profileIds: [t4!.profileId, t3!.profileId] })).toEqual({
        collectionId: id,
        added: 2,
        alreadyIn: 0,
        unavailable: 0,
      });

      const collection = await getCollection(db, pro.actor, id);
      expect(collection!.entries.map((entry) => [entry.profileId, entry.position])).toEqual([
        [t2!.profileId, 0],
        [t1!.profileId, 1],
        [t4!.profileId, 2],
        [t3!.profileId, 3],
      ]);
      expect(collection!.entries[0]).toMatchObject({
        note: "",
        addedAt: expect.any(Date),
        talent: expect.objectContaining({ id: t2!.profileId, displayName: t2!.name, isListed: true }),
      });
    });

    it("creates a new collection by name when no collection is chosen", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [t1, t2] = await talents(2);
      const result = await add(pro.actor, { newName: "From the gallery", profileIds: [t1!.profileId, t2!.profileId] });
      expect(result).toEqual({ collectionId: expect.any(String), added: 2, alreadyIn: 0, unavailable: 0 });

      const collection = await getCollection(db, pro.actor, result.collectionId);
      expect(collection).toMatchObject({ name: "From the gallery", description: "" });
      expect(collection!.entries.map((entry) => entry.profileId)).toEqual([t1!.profileId, t2!.profileId]);
      expect(await listCollections(db, pro.actor)).toEqual([
        expect.objectContaining({ id: result.collectionId, size: 2 }),
      ]);
      expect(await getCollectionsForProfile(db, pro.actor, t1!.profileId)).toEqual([
        { id: result.collectionId, name: "From the gallery", contains: true },
      ]);
    });

    it("counts talents already in the collection and never adds them twice", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [t1, t2, t3] = await talents(3);
      const id = await collectionOf(pro.actor, "Again", [t1!.profileId, t2!.profileId]);

      expect(
        await add(pro.actor, { collectionId: id, profileIds: [t2!.profileId, t3!.profileId, t1!.profileId] }),
      ).toEqual({ collectionId: id, added: 1, alreadyIn: 2, unavailable: 0 });
      expect(await add(pro.actor, { collectionId: id, profileIds: [t3!.profileId] })).toEqual({
        collectionId: id,
        added: 0,
        alreadyIn: 1,
        unavailable: 0,
      });

      expect(await order(pro.actor, id)).toEqual([t1!.profileId, t2!.profileId, t3!.profileId]);
      expect(await db.select().from(collectionItems).where(eq(collectionItems.collectionId, id))).toHaveLength(3);
    });

    it("leaves out draft, hidden and unknown profiles, counting them unavailable", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [listed] = await talents(1);
      const draft = await createTalentWithProfile(db, { profile: { publishedAt: null } });
      const hidden = await createTalentWithProfile(db, {
        profile: { hiddenAt: new Date(), hiddenReason: "Under review" },
      });
      const id = await createCollection(db, pro.actor, details("Mixed"));

      const result = await add(pro.actor, {
        collectionId: id,
        profileIds: [draft.profileId, listed!.profileId, hidden.profileId, randomUUID()],
      });
      expect(result).toEqual({ collectionId: id, added: 1, alreadyIn: 0, unavailable: 3 });
      expect(await order(pro.actor, id)).toEqual([listed!.profileId]);
      expect(await db.select().from(collectionItems).where(eq(collectionItems.profileId, draft.profileId))).toEqual([]);
    });

    it("refuses with not_found when none of the talents is available, and creates no collection", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const draft = await createTalentWithProfile(db, { profile: { publishedAt: null } });
      const hidden = await createTalentWithProfile(db, { profile: { hiddenAt: new Date() } });
      const id = await createCollection(db, pro.actor, details("Empty"));

      await expectAppError(
        add(pro.actor, { collectionId: id, profileIds: [draft.profileId] }),
        "not_found",
        "That talent's profile is not available.",
      );
      await expectAppError(
        add(pro.actor, { newName: "Never made", profileIds: [draft.profileId, hidden.profileId] }),
        "not_found",
        "None of those talents' profiles are available.",
      );
      expect(await order(pro.actor, id)).toEqual([]);
      expect((await listCollections(db, pro.actor)).map((collection) => collection.name)).toEqual(["Empty"]);
    });
  });

  describe("arranging a collection", () => {
    it("removes a talent, and answers not_found when the talent is not there", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [t1, t2, t3] = await talents(3);
      const id = await collectionOf(pro.actor, "Removal", ids([t1!, t2!, t3!]));

      await removeTalent(db, pro.actor, { collectionId: id, profileId: t2!.profileId });
      expect(await order(pro.actor, id)).toEqual([t1!.profileId, t3!.profileId]);
      await expectAppError(
        removeTalent(db, pro.actor, { collectionId: id, profileId: t2!.profileId }),
        "not_found",
        NOT_IN_COLLECTION,
      );
      expect(await order(pro.actor, id)).toEqual([t1!.profileId, t3!.profileId]);

      // Adding after a removal still appends at the end.
      await add(pro.actor, { collectionId: id, profileIds: [t2!.profileId] });
      expect(await order(pro.actor, id)).toEqual([t1!.profileId, t3!.profileId, t2!.profileId]);
    });

    it("keeps a private note per talent, shown with the collection's entries", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [t1, t2, outsider] = await talents(3);
      const id = await collectionOf(pro.actor, "Notes", ids([t1!, t2!]));

      await setNote(db, pro.actor, { collectionId: id, profileId: t2!.profileId, note: NOTE });
      const entries = (await getCollection(db, pro.actor, id))!.entries;
      expect(entries.map((entry) => [entry.profileId, entry.note])).toEqual([
        [t1!.profileId, ""],
        [t2!.profileId, NOTE],
      ]);

      await setNote(db, pro.actor, { collectionId: id, profileId: t2!.profileId, note: "Second thoughts." });
      expect((await getCollection(db, pro.actor, id))!.entries[1]!.note).toBe("Second thoughts.");
      await expectAppError(
        setNote(db, pro.actor, { collectionId: id, profileId: outsider!.profileId, note: "Not here" }),
        "not_found",
        NOT_IN_COLLECTION,
      );
    });

    it("moves a talent up and down; the first stays first when moved up, the last stays last when moved down", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [a, b, c] = (await talents(3)).map((talent) => talent.profileId) as [string, string, string];
      const id = await collectionOf(pro.actor, "Moves", [a, b, c]);

      await moveTalent(db, pro.actor, { collectionId: id, profileId: c, direction: "up" });
      expect(await order(pro.actor, id)).toEqual([a, c, b]);
      await moveTalent(db, pro.actor, { collectionId: id, profileId: a, direction: "down" });
      expect(await order(pro.actor, id)).toEqual([c, a, b]);

      await moveTalent(db, pro.actor, { collectionId: id, profileId: c, direction: "up" });
      expect(await order(pro.actor, id)).toEqual([c, a, b]);
      await moveTalent(db, pro.actor, { collectionId: id, profileId: b, direction: "down" });
      expect(await order(pro.actor, id)).toEqual([c, a, b]);
      expect((await getCollection(db, pro.actor, id))!.entries.map((entry) => entry.position)).toEqual([0, 1, 2]);

      const [outsider] = await talents(1);
      await expectAppError(
        moveTalent(db, pro.actor, { collectionId: id, profileId: outsider!.profileId, direction: "up" }),
        "not_found",
        NOT_IN_COLLECTION,
      );
    });

    it("puts the collection in the order of a full permutation", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [a, b, c, d] = (await talents(4)).map((talent) => talent.profileId) as [string, string, string, string];
      const id = await collectionOf(pro.actor, "Reorder", [a, b, c, d]);

      await reorderTalents(db, pro.actor, { collectionId: id, profileIds: [d, b, a, c] });
      const entries = (await getCollection(db, pro.actor, id))!.entries;
      expect(entries.map((entry) => [entry.profileId, entry.position])).toEqual([
        [d, 0],
        [b, 1],
        [a, 2],
        [c, 3],
      ]);
      // A move after a reorder works from the new order.
      await moveTalent(db, pro.actor, { collectionId: id, profileId: a, direction: "up" });
      expect(await order(pro.actor, id)).toEqual([d, a, b, c]);
    });

    it("refuses a stale order (a talent missing, or one extra) with conflict, and keeps the order", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [a, b, c, extra] = (await talents(4)).map((talent) => talent.profileId) as [string, string, string, string];
      const id = await collectionOf(pro.actor, "Stale", [a, b, c]);

      await expectAppError(reorderTalents(db, pro.actor, { collectionId: id, profileIds: [c, a] }), "conflict", STALE);
      await expectAppError(
        reorderTalents(db, pro.actor, { collectionId: id, profileIds: [c, b, a, extra] }),
        "conflict",
        STALE,
      );
      await expectAppError(
        reorderTalents(db, pro.actor, { collectionId: id, profileIds: [c, b, extra] }),
        "conflict",
        STALE,
      );
      await expectAppError(reorderTalents(db, pro.actor, { collectionId: id, profileIds: [] }), "conflict", STALE);
      expect(await order(pro.actor, id)).toEqual([a, b, c]);
      expect((await getCollection(db, pro.actor, id))!.entries.map((entry) => entry.position)).toEqual([0, 1, 2]);
    });
  });

  describe("who may do what", () => {
    it("hides someone else's collection: reading answers null and every change answers not_found", async () => {
      const owner = await createProfessional(db, { subscription: true });
      const stranger = await createProfessional(db, { subscription: true });
      const [t1, t2] = await talents(2);
      const id = await collectionOf(owner.actor, "Private", [t1!.profileId]);
      await setNote(db, owner.actor, { collectionId: id, profileId: t1!.profileId, note: NOTE });
      const token = await shareCollection(db, owner.actor, id);
      const before = await getCollection(db, owner.actor, id);

      expect(await getCollection(db, stranger.actor, id)).toBeNull();
      expect(await listCollections(db, stranger.actor)).toEqual([]);
      expect(await getCollectionsForProfile(db, stranger.actor, t1!.profileId)).toEqual([]);

      const bulk = bulkRequestInput.parse({
        collectionId: id,
        projectTitle: "Stolen",
        role: "Lead",
        productionType: "film",
        description: "A feature film shooting in Bristol over six weeks next spring.",
        isPaid: "unpaid",
        lines: [{ profileId: t1!.profileId, message: "A personal line for this talent." }],
      });
      const attempts: [string, () => Promise<unknown>][] = [
        ["updateCollection", () => updateCollection(db, stranger.actor, id, details("Mine now"))],
        ["deleteCollection", () => deleteCollection(db, stranger.actor, id)],
        ["addTalents", () => add(stranger.actor, { collectionId: id, profileIds: [t2!.profileId] })],
        ["removeTalent", () => removeTalent(db, stranger.actor, { collectionId: id, profileId: t1!.profileId })],
        [
          "setNote",
          () => setNote(db, stranger.actor, { collectionId: id, profileId: t1!.profileId, note: "Overwritten" }),
        ],
        [
          "moveTalent",
          () => moveTalent(db, stranger.actor, { collectionId: id, profileId: t1!.profileId, direction: "down" }),
        ],
        ["reorderTalents", () => reorderTalents(db, stranger.actor, { collectionId: id, profileIds: [t1!.profileId] })],
        ["shareCollection", () => shareCollection(db, stranger.actor, id)],
        ["revokeShare", () => revokeShare(db, stranger.actor, id)],
        ["sendBulkContactRequests", () => sendBulkContactRequests(db, stranger.actor, bulk)],
        ["exportCollectionCsv", () => exportCollectionCsv(db, stranger.actor, id, APP_URL)],
      ];
      for (const [name, attempt] of attempts) {
        const error = await attempt().then(
          () => undefined,
          (reason: unknown) => reason,
        );
        expect(isAppError(error), name).toBe(true);
        expect({ name, code: (error as { code: string }).code, message: (error as Error).message }).toEqual({
          name,
          code: "not_found",
          message: "That collection does not exist.",
        });
      }

      expect(await getCollection(db, owner.actor, id)).toEqual(before);
      expect(await getSharedCollection(db, token)).not.toBeNull();
      expect(await db.select().from(contactRequests).where(eq(contactRequests.senderId, stranger.id))).toEqual([]);
      expect(await db.select().from(collections).where(eq(collections.ownerId, stranger.id))).toEqual([]);
    });

    it("keeps talents out of collections altogether (forbidden)", async () => {
      const talent = await createTalentWithProfile(db);
      const owner = await createProfessional(db, { subscription: true });
      const id = await createCollection(db, owner.actor, details("Someone's"));

      await expectAppError(listCollections(db, talent.actor), "forbidden", NO_COLLECTIONS);
      await expectAppError(createCollection(db, talent.actor, details("Mine")), "forbidden", NO_COLLECTIONS);
      await expectAppError(getCollection(db, talent.actor, id), "forbidden", NO_COLLECTIONS);
      await expectAppError(
        add(talent.actor, { newName: "Mine", profileIds: [talent.profileId] }),
        "forbidden",
        NO_COLLECTIONS,
      );
      await expectAppError(updateCollection(db, talent.actor, id, details("Mine")), "forbidden", NO_COLLECTIONS);
      expect(await getCollectionsForProfile(db, talent.actor, talent.profileId)).toEqual([]);
      expect(await db.select().from(collections).where(eq(collections.ownerId, talent.id))).toEqual([]);
    });

    it("lets a lapsed (past_due) subscriber read, export and revoke a share, but change nothing", async () => {
      const lapsed = await createProfessional(db, { subscription: { status: "past_due" }, name: "Lapsed Lee" });
      const [kept, other] = await talents(2);
      // A collection kept from when the subscription was paid.
      const token = "k".repeat(43);
      const [row] = await db
        .insert(collections)
        .values({
          ownerId: lapsed.id,
          name: "Kept",
          description: "From last season",
          shareToken: token,
          sharedAt: new Date(),
        })
        .returning({ id: collections.id });
      const id = row!.id;
      await db
        .insert(collectionItems)
        .values({ collectionId: id, profileId: kept!.profileId, position: 0, note: "Kept note" });

      const collection = await getCollection(db, lapsed.actor, id);
      expect(collection).toMatchObject({
        name: "Kept",
        shareToken: token,
        rights: { read: true, write: false, reason: "payment_failed" },
      });
      expect(collection!.entries.map((entry) => [entry.profileId, entry.note])).toEqual([
        [kept!.profileId, "Kept note"],
      ]);
      expect(await listCollections(db, lapsed.actor)).toEqual([
        expect.objectContaining({ id, name: "Kept", size: 1, isShared: true }),
      ]);
      const exported = await exportCollectionCsv(db, lapsed.actor, id, APP_URL);
      expect(exported.csv).toContain("Kept note");

      const message = readOnlyMessage("payment_failed");
      expect(message).toMatch(/last payment failed/);
      await expectAppError(createCollection(db, lapsed.actor, details("New one")), "subscription_required", message);
      await expectAppError(
        add(lapsed.actor, { collectionId: id, profileIds: [other!.profileId] }),
        "subscription_required",
        message,
      );
      await expectAppError(
        add(lapsed.actor, { newName: "New one", profileIds: [other!.profileId] }),
        "subscription_required",
        message,
      );
      await expectAppError(
        setNote(db, lapsed.actor, { collectionId: id, profileId: kept!.profileId, note: "Changed" }),
        "subscription_required",
        message,
      );
      await expectAppError(shareCollection(db, lapsed.actor, id), "subscription_required", message);
      await expectAppError(
        updateCollection(db, lapsed.actor, id, details("Renamed")),
        "subscription_required",
        message,
      );
      await expectAppError(deleteCollection(db, lapsed.actor, id), "subscription_required", message);
      await expectAppError(
        removeTalent(db, lapsed.actor, { collectionId: id, profileId: kept!.profileId }),
        "subscription_required",
        message,
      );
      await expectAppError(
        moveTalent(db, lapsed.actor, { collectionId: id, profileId: kept!.profileId, direction: "down" }),
        "subscription_required",
        message,
      );
      await expectAppError(
        reorderTalents(db, lapsed.actor, { collectionId: id, profileIds: [kept!.profileId] }),
        "subscription_required",
        message,
      );

      const unchanged = await getCollection(db, lapsed.actor, id);
      expect(unchanged).toMatchObject({ name: "Kept", description: "From last season" });
      expect(unchanged!.entries.map((entry) => [entry.profileId, entry.note])).toEqual([
        [kept!.profileId, "Kept note"],
      ]);
      expect(await db.select().from(collections).where(eq(collections.ownerId, lapsed.id))).toHaveLength(1);

      expect(await getSharedCollection(db, token)).toMatchObject({ name: "Kept", ownerName: "Lapsed Lee" });
      await revokeShare(db, lapsed.actor, id);
      expect(await getSharedCollection(db, token)).toBeNull();
      expect(await getCollection(db, lapsed.actor, id)).toMatchObject({ shareToken: null, sharedAt: null });
    });

    it("tells an account without a subscription that collections are read-only until it subscribes", async () => {
      const unsubscribed = await createProfessional(db);
      const message = readOnlyMessage("not_subscribed");
      await expectAppError(
        createCollection(db, unsubscribed.actor, details("Wish list")),
        "subscription_required",
        message,
      );
      expect(await listCollections(db, unsubscribed.actor)).toEqual([]);
    });

    it("lets subscribed companies and admins keep collections", async () => {
      const [talent] = await talents(1);
      const company = await createCompany(db, { subscription: true });
      const admin = await createAdmin(db);
      for (const actor of [company.actor, admin.actor]) {
        const result = await add(actor, { newName: "Team picks", profileIds: [talent!.profileId] });
        expect(result.added).toBe(1);
        expect((await getCollection(db, actor, result.collectionId))!.rights).toEqual({ read: true, write: true });
      }
    });
  });

  describe("sharing", () => {
    it("shares a read-only view with the name, the owner's name and public card data only", async () => {
      const owner = await createProfessional(db, { subscription: true, name: "Casting Carla" });
      const shown = await createTalentWithProfile(db, {
        user: { name: "Shown Talent" },
        profile: {
          bio: BIO,
          heightCm: 187,
          eyeColour: "Violet-grey",
          dayRateMin: 4321,
          contact: { phone: PHONE, email: CONTACT_EMAIL, agentName: "Agent Smithers", agentEmail: AGENT_EMAIL },
        },
      });
      const [second] = await talents(1);
      const id = await collectionOf(owner.actor, "Hamlet shortlist", [shown.profileId, second!.profileId]);
      await updateCollection(db, owner.actor, id, details("Hamlet shortlist", "Our picks for the Danish prince"));
      await setNote(db, owner.actor, { collectionId: id, profileId: shown.profileId, note: NOTE });

      const token = await shareCollection(db, owner.actor, id);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await shareCollection(db, owner.actor, id)).toBe(token);
      const collection = await getCollection(db, owner.actor, id);
      expect(collection).toMatchObject({ shareToken: token, sharedAt: expect.any(Date) });
      const [row] = await db
        .select({ shareToken: collections.shareToken })
        .from(collections)
        .where(eq(collections.id, id));
      expect(row!.shareToken).toBe(token);

      const shared = await getSharedCollection(db, token);
      expect(shared).toMatchObject({
        name: "Hamlet shortlist",
        description: "Our picks for the Danish prince",
        ownerName: "Casting Carla",
      });
      expect(shared!.talents.map((talent) => [talent.id, talent.displayName])).toEqual([
        [shown.profileId, "Shown Talent"],
        [second!.profileId, second!.name],
      ]);
      expect(shared!.talents[0]).toMatchObject({
        headline: "Actor for screen and stage",
        city: "London",
        isListed: true,
      });

      const json = JSON.stringify(shared);
      for (const secret of [
        NOTE,
        "strong audition",
        PHONE,
        CONTACT_EMAIL,
        AGENT_EMAIL,
        "Agent Smithers",
        BIO,
        "Zanzibar",
        "Violet-grey",
        shown.email,
        owner.email,
        owner.id,
      ]) {
        expect(json, secret).not.toContain(secret);
      }
      expect(Object.keys(shared!).sort()).toEqual(["description", "name", "ownerName", "talents"]);
      for (const talent of shared!.talents) {
        for (const premium of [
          "bio",
          "heightCm",
          "eyeColour",
          "hairColour",
          "dayRateMin",
          "dayRateMax",
          "showreelUrls",
          "phone",
          "email",
          "agentName",
          "agentEmail",
          "contact",
          "note",
          "ownerId",
          "userId",
        ]) {
          expect(talent, premium).not.toHaveProperty(premium);
        }
      }
    });

    it("leaves out a profile hidden or unpublished after it was added", async () => {
      const owner = await createProfessional(db, { subscription: true });
      const [stays, hidden, unpublished] = await talents(3);
      const id = await collectionOf(owner.actor, "Shrinking", ids([stays!, hidden!, unpublished!]));
      const token = await shareCollection(db, owner.actor, id);
      expect((await getSharedCollection(db, token))!.talents).toHaveLength(3);

      await db
        .update(talentProfiles)
        .set({ hiddenAt: new Date(), hiddenReason: "Reported" })
        .where(eq(talentProfiles.id, hidden!.profileId));
      await db.update(talentProfiles).set({ publishedAt: null }).where(eq(talentProfiles.id, unpublished!.profileId));

      expect((await getSharedCollection(db, token))!.talents.map((talent) => talent.id)).toEqual([stays!.profileId]);
      // The owner still sees the entries, marked as no longer listed.
      const entries = (await getCollection(db, owner.actor, id))!.entries;
      expect(entries.map((entry) => [entry.profileId, entry.talent?.isListed])).toEqual([
        [stays!.profileId, true],
        [hidden!.profileId, false],
        [unpublished!.profileId, false],
      ]);
    });

    it("stops the link at once when revoked; sharing again gives a new token; malformed or unknown tokens answer null", async () => {
      const owner = await createProfessional(db, { subscription: true });
      const [talent] = await talents(1);
      const id = await collectionOf(owner.actor, "Revocable", [talent!.profileId]);
      const token = await shareCollection(db, owner.actor, id);
      expect(await getSharedCollection(db, token)).not.toBeNull();

      await revokeShare(db, owner.actor, id);
      expect(await getSharedCollection(db, token)).toBeNull();
      expect(await getCollection(db, owner.actor, id)).toMatchObject({ shareToken: null, sharedAt: null });
      expect((await listCollections(db, owner.actor))[0]!.isShared).toBe(false);

      const again = await shareCollection(db, owner.actor, id);
      expect(again).not.toBe(token);
      expect(await getSharedCollection(db, again)).toMatchObject({ name: "Revocable" });
      expect(await getSharedCollection(db, token)).toBeNull();

      for (const malformed of [
        "",
        "short",
        `${again}x`,
        again.slice(0, 42),
        `${again.slice(0, 42)}=`,
        `${again.slice(0, 41)}/+`,
        "' or 1=1 --",
      ]) {
        expect(await getSharedCollection(db, malformed), JSON.stringify(malformed)).toBeNull();
      }
      expect(await getSharedCollection(db, "A".repeat(43))).toBeNull();
    });
  });

  it("counts in how many people's collections a talent is, each owner once", async () => {
    const [talent, nobody] = await talents(2);
    const first = await createProfessional(db, { subscription: true });
    const second = await createProfessional(db, { subscription: true });
    await collectionOf(first.actor, "One", [talent!.profileId]);
    await collectionOf(first.actor, "Two", [talent!.profileId]);
    const seconds = await collectionOf(second.actor, "Mine", [talent!.profileId]);

    expect(await countCollectors(db, talent!.profileId)).toBe(2);
    expect(await countCollectors(db, nobody!.profileId)).toBe(0);
    await deleteCollection(db, second.actor, seconds);
    expect(await countCollectors(db, talent!.profileId)).toBe(1);
  });

  it("exports a collection as CSV: header, talents in collection order, notes (formulas neutralised), profile links", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const first = await createTalentWithProfile(db, {
      user: { name: "Ada First" },
      profile: { headline: "Stage and screen", categories: ["actor", "dancer"], playingAgeMin: 20, playingAgeMax: 30 },
    });
    const second = await createTalentWithProfile(db, {
      user: { name: "Bo Second" },
      profile: { city: "Paris", country: "FR", playingAgeMin: null, playingAgeMax: null },
    });
    const id = await collectionOf(pro.actor, "Export me", [second.profileId, first.profileId]);
    await reorderTalents(db, pro.actor, { collectionId: id, profileIds: [first.profileId, second.profileId] });
    await setNote(db, pro.actor, { collectionId: id, profileId: first.profileId, note: "Great, warm read" });
    await setNote(db, pro.actor, {
      collectionId: id,
      profileId: second.profileId,
      note: '=HYPERLINK("http://evil.example","click")',
    });

    const { filename, csv } = await exportCollectionCsv(db, pro.actor, id, APP_URL);
    expect(filename).toBe("Export me.csv");
    expect(csv.endsWith("\r\n")).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const rows = parseCsv(csv);
    expect(rows).toEqual([
      ["Position", "Name", "Headline", "Categories", "Location", "Playing age", "Profile", "Note", "Added"],
      [
        "1",
        "Ada First",
        "Stage and screen",
        "Actor; Dancer",
        `London, ${countryName("GB")}`,
        "20-30",
        `${APP_URL}/talents/${first.profileId}`,
        "Great, warm read",
        today,
      ],
      [
        "2",
        "Bo Second",
        "Actor for screen and stage",
        "Actor",
        `Paris, ${countryName("FR")}`,
        "",
        `${APP_URL}/talents/${second.profileId}`,
        `'=HYPERLINK("http://evil.example","click")`,
        today,
      ],
    ]);

    // The profile link follows the app URL it is given.
    const other = await exportCollectionCsv(db, pro.actor, id, "http://localhost:3000/");
    expect(parseCsv(other.csv)[1]![6]).toBe(`http://localhost:3000/talents/${first.profileId}`);
    await expectAppError(exportCollectionCsv(db, pro.actor, randomUUID(), APP_URL), "not_found");
  });

  describe("bulk contact requests", () => {
    const project = {
      projectTitle: "The Long Night",
      role: "Lead",
      productionType: "film",
      description: "A feature film shooting in Bristol over six weeks next spring.",
      isPaid: "paid",
      rate: "$600 a day",
    };
    const bulk = (collectionId: string, lines: { profileId: string; message: string }[]) =>
      bulkRequestInput.parse({ collectionId, ...project, lines });
    const sentBy = (senderId: string) =>
      db.select().from(contactRequests).where(eq(contactRequests.senderId, senderId));

    it("sends one pending request per talent, each with its own personal line", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [a, b, notChosen] = await talents(3);
      const id = await collectionOf(pro.actor, "Bulk", ids([a!, b!, notChosen!]));

      const outcomes = await sendBulkContactRequests(
        db,
        pro.actor,
        bulk(id, [
          { profileId: a!.profileId, message: "Your Lear at the Globe was astonishing." },
          { profileId: b!.profileId, message: "We loved your voice work in the radio play." },
        ]),
      );
      expect(outcomes).toEqual([
        { profileId: a!.profileId, name: a!.name, ok: true, requestId: expect.any(String) },
        { profileId: b!.profileId, name: b!.name, ok: true, requestId: expect.any(String) },
      ]);

      const rows = await sentBy(pro.id);
      expect(rows).toHaveLength(2);
      const byProfile = new Map(rows.map((row) => [row.talentProfileId, row]));
      expect(byProfile.get(a!.profileId)).toMatchObject({
        status: "PENDING",
        talentUserId: a!.id,
        message: "Your Lear at the Globe was astonishing.",
        projectTitle: "The Long Night",
        role: "Lead",
        productionType: "film",
        isPaid: true,
        rate: "$600 a day",
      });
      expect(byProfile.get(b!.profileId)).toMatchObject({
        status: "PENDING",
        talentUserId: b!.id,
        message: "We loved your voice work in the radio play.",
      });
      const requestIds = outcomes.map((outcome) => (outcome.ok ? outcome.requestId : null)).sort();
      expect(requestIds).toEqual(rows.map((row) => row.id).sort());
    });

    it("reports a talent who already has a pending request from the sender, and still sends the rest", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [already, fresh] = await talents(2);
      const id = await collectionOf(pro.actor, "Partly sent", ids([already!, fresh!]));
      const earlier = await sendContactRequest(
        db,
        pro.actor,
        contactRequestInput.parse({ profileId: already!.profileId, ...project, message: "The first request." }),
      );

      const outcomes = await sendBulkContactRequests(
        db,
        pro.actor,
        bulk(id, [
          { profileId: already!.profileId, message: "Asking a second time, sorry." },
          { profileId: fresh!.profileId, message: "First time asking you, hello." },
        ]),
      );
      expect(outcomes).toEqual([
        {
          profileId: already!.profileId,
          name: already!.name,
          ok: false,
          message: expect.stringMatching(/already have a pending request to this talent/),
        },
        { profileId: fresh!.profileId, name: fresh!.name, ok: true, requestId: expect.any(String) },
      ]);

      const rows = await sentBy(pro.id);
      expect(rows.map((row) => [row.talentProfileId, row.message]).sort()).toEqual(
        [
          [already!.profileId, "The first request."],
          [fresh!.profileId, "First time asking you, hello."],
        ].sort(),
      );
      expect(rows.find((row) => row.talentProfileId === already!.profileId)!.id).toBe(earlier);
    });

    it("refuses with conflict, sending nothing, when a chosen talent is not in the collection", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [inside, outside] = await talents(2);
      const id = await collectionOf(pro.actor, "Not all in", [inside!.profileId]);

      await expectAppError(
        sendBulkContactRequests(
          db,
          pro.actor,
          bulk(id, [
            { profileId: inside!.profileId, message: "You are in the collection." },
            { profileId: outside!.profileId, message: "You are not in the collection." },
          ]),
        ),
        "conflict",
        "Some of these talents are no longer in the collection. Reload the page and choose again.",
      );
      expect(await sentBy(pro.id)).toEqual([]);
    });

    it("refuses with rate_limited, sending nothing, when the monthly quota left cannot cover every talent", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [a, b] = await talents(2);
      const id = await collectionOf(pro.actor, "Over quota", ids([a!, b!]));
      const now = new Date();
      const windows = quotaWindows(now);
      await db.insert(contactRequestCounters).values({ senderId: pro.id, window: windows.month, used: 29 });

      await expectAppError(
        sendBulkContactRequests(
          db,
          pro.actor,
          bulk(id, [
            { profileId: a!.profileId, message: "A line for the first one." },
            { profileId: b!.profileId, message: "A line for the second one." },
          ]),
          now,
        ),
        "rate_limited",
        "You have 1 contact request left this month; choose at most that many talents.",
      );
      expect(await sentBy(pro.id)).toEqual([]);
      const counters = await db
        .select({ window: contactRequestCounters.window, used: contactRequestCounters.used })
        .from(contactRequestCounters)
        .where(eq(contactRequestCounters.senderId, pro.id));
      expect(counters).toEqual([{ window: windows.month, used: 29 }]);

      // The one request left still goes through.
      const outcomes = await sendBulkContactRequests(
        db,
        pro.actor,
        bulk(id, [{ profileId: b!.profileId, message: "A line for the second one." }]),
        now,
      );
      expect(outcomes).toEqual([expect.objectContaining({ profileId: b!.profileId, ok: true })]);
      const [month] = await db
        .select({ used: contactRequestCounters.used })
        .from(contactRequestCounters)
        .where(and(eq(contactRequestCounters.senderId, pro.id), eq(contactRequestCounters.window, windows.month)));
      expect(month!.used).toBe(30);
    });

    it("refuses with rate_limited, sending nothing, when the daily cap left cannot cover every talent", async () => {
      const pro = await createProfessional(db, { subscription: true });
      const [a, b] = await talents(2);
      const id = await collectionOf(pro.actor, "Over the day", ids([a!, b!]));
      const now = new Date();
      await db.insert(contactRequestCounters).values({ senderId: pro.id, window: quotaWindows(now).day, used: 19 });

      await expectAppError(
        sendBulkContactRequests(
          db,
          pro.actor,
          bulk(id, [
            { profileId: a!.profileId, message: "A line for the first one." },
            { profileId: b!.profileId, message: "A line for the second one." },
          ]),
          now,
        ),
        "rate_limited",
        /You can send 1 more contact request today/,
      );
      expect(await sentBy(pro.id)).toEqual([]);
    });

    it("refuses a lapsed subscriber before sending anything", async () => {
      const lapsed = await createProfessional(db, { subscription: { status: "past_due" } });
      const [talent] = await talents(1);
      const [row] = await db
        .insert(collections)
        .values({ ownerId: lapsed.id, name: "Old picks" })
        .returning({ id: collections.id });
      await db.insert(collectionItems).values({ collectionId: row!.id, profileId: talent!.profileId, position: 0 });
      await expectAppError(
        sendBulkContactRequests(
          db,
          lapsed.actor,
          bulk(row!.id, [{ profileId: talent!.profileId, message: "Hoping to work with you." }]),
        ),
        "subscription_required",
        readOnlyMessage("payment_failed"),
      );
      expect(await sentBy(lapsed.id)).toEqual([]);
    });
  });
});
