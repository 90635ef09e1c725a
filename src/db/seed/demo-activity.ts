import { fakerEN_US as faker } from "@faker-js/faker";
import { and, asc, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { users } from "../schema/auth";
import { subscriptions } from "../schema/billing";
import { collectionItems, collections } from "../schema/collections";
import { contactRequestCounters, contactRequestEvents, contactRequests } from "../schema/contact-requests";
import { conversationParticipants, conversations, messages } from "../schema/messaging";
import { talentProfiles, talentProfileViews } from "../schema/talents";
import { createSubscription, createUsers, type NewUser } from "./factories";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEKS = 12;

type Status = "PENDING" | "APPROVED" | "DECLINED" | "EXPIRED" | "WITHDRAWN";

const openings = [
  "Hi {name}, we loved your reel. Are you free for a self-tape this week?",
  "Hello {name}, we are casting a short film in the spring and think you would be great for it.",
  "Hi {name}, could you send a current headshot and your availability for March?",
  "Dear {name}, thank you for your audition yesterday. We would like you back for a recall.",
];
const replies = [
  "Thank you! Yes, I can send a self-tape by Friday.",
  "Sounds great - I am available most of March.",
  "Thanks for thinking of me. Could you share the sides?",
  "Happy to come back in. What time works?",
  "Here is my latest headshot; my agent can confirm dates.",
];
const projects = [
  ["Harbour Lights", "Lead", "tv"],
  ["The Quiet Year", "Supporting", "film"],
  ["Morning Run", "Featured runner", "commercial"],
  ["Paper Boats", "Lead vocalist", "music_video"],
  ["City of Glass", "Detective", "tv"],
  ["Salt and Stone", "Ensemble", "theatre"],
  ["Northbound", "Voice of the narrator", "voice"],
] as const;

function pick<T>(items: readonly T[]): T {
  return items[faker.number.int({ min: 0, max: items.length - 1 })]!;
}

function at(now: Date, daysAgo: number, hoursLater = 0): Date {
  return new Date(now.getTime() - daysAgo * DAY + hoursLater * HOUR);
}

/** Extra casting professionals and companies, who joined over the past year and give the platform its trends. */
function extraProfessionals(now: Date): NewUser[] {
  faker.seed(4242);
  return Array.from({ length: 24 }, (_, index) => {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const isCompany = index % 4 === 3;
    return {
      role: isCompany ? "COMPANY" : "PROFESSIONAL",
      name: isCompany ? `${last} Pictures` : `${first} ${last}`,
      email: `${first}.${last}.${index + 1}@agency.callback.test`.toLowerCase().replace(/[^a-z0-9.@]/g, ""),
      password: "callback-demo",
      createdAt: at(now, 360 - index * 14),
    } satisfies NewUser;
  });
}

/**
 * A year of history around the demo accounts, so the dashboards have something
 * to show: professionals joining and subscribing (some cancelling), twelve
 * weeks of conversations, contact requests in every state, profile views and
 * collections. Pairs that the end-to-end stories start from scratch (casting@
 * or studio@ with talent@ and the first demo talents) are left without history.
 * Runs once: when the extra professionals exist already, it does nothing.
 */
export async function seedDemoActivity(db: Db, reservedTalentEmails: string[], now = new Date()): Promise<boolean> {
  const extras = await createUsers(db, extraProfessionals(now));
  if (extras.length === 0) return false;
  faker.seed(777);

  const byEmail = async (emails: string[]) => {
    const rows = await db
      .select({ id: users.id, email: users.email, name: users.name, createdAt: users.createdAt })
      .from(users)
      .where(inArray(users.email, emails));
    return new Map(rows.map((row) => [row.email, row]));
  };
  const demo = await byEmail([
    "casting@callback.test",
    "studio@callback.test",
    "lapsed@callback.test",
    "talent@callback.test",
    ...reservedTalentEmails,
  ]);
  const casting = demo.get("casting@callback.test")!;
  const studio = demo.get("studio@callback.test")!;
  const lapsed = demo.get("lapsed@callback.test")!;
  const talent = demo.get("talent@callback.test")!;
  const reserved = new Set([talent.id, ...reservedTalentEmails.map((email) => demo.get(email)?.id)]);

  const listed = await db
    .select({ userId: talentProfiles.userId, profileId: talentProfiles.id, name: talentProfiles.displayName })
    .from(talentProfiles)
    .where(and(isNotNull(talentProfiles.publishedAt), isNull(talentProfiles.hiddenAt)))
    .orderBy(talentProfiles.displayName);
  const pool = listed.filter((row) => !reserved.has(row.userId));
  const talentProfile = listed.find((row) => row.userId === talent.id)!;

  // Subscriptions: each extra professional subscribes a day after joining; every fifth cancels later.
  for (const [index, extra] of extras.entries()) {
    const startedAt = at(now, 360 - index * 14 - 1);
    await createSubscription(db, extra, {
      interval: index % 3 === 0 ? "year" : "month",
      stateAt: startedAt,
      currentPeriodEnd: at(now, -20),
    });
    if (index % 5 === 4 && index < 20) {
      await db
        .update(subscriptions)
        .set({ status: "canceled", stateAt: new Date(startedAt.getTime() + 90 * DAY) })
        .where(eq(subscriptions.userId, extra.id));
    }
  }

  // Conversations over the last twelve weeks, read to the end by both sides.
  const senders = [
    { user: casting, talents: pool.slice(0, 12) },
    { user: studio, talents: pool.slice(12, 22) },
    ...extras.map((extra, index) => ({
      user: extra,
      talents: [...pool.slice(22 + index * 3, 25 + index * 3), ...(index < 3 ? [talentProfile] : [])],
    })),
  ];
  for (const { user, talents } of senders) {
    for (const partner of talents) {
      const [lo, hi] = [user.id, partner.userId].sort();
      const count = faker.number.int({ min: 2, max: 8 });
      let time = at(now, faker.number.int({ min: 2, max: WEEKS * 7 - 1 }), faker.number.int({ min: 8, max: 18 }));
      const rows: (typeof messages.$inferInsert)[] = [];
      for (let seq = 1; seq <= count && time < now; seq += 1) {
        const fromPro = seq % 2 === 1;
        const body = fromPro ? pick(openings).replace("{name}", partner.name.split(" ")[0]!) : pick(replies);
        rows.push({ conversationId: "", seq, senderId: fromPro ? user.id : partner.userId, body, createdAt: time });
        time = new Date(time.getTime() + faker.number.int({ min: 1, max: 30 }) * HOUR);
      }
      const last = rows.at(-1)!;
      const [conversation] = await db
        .insert(conversations)
        .values({
          userLo: lo,
          userHi: hi,
          startedBy: user.id,
          lastSeq: rows.length,
          lastMessageAt: last.createdAt,
          lastMessagePreview: last.body.slice(0, 120),
          lastSenderId: last.senderId,
          createdAt: rows[0]!.createdAt,
        })
        .onConflictDoNothing()
        .returning({ id: conversations.id });
      if (!conversation) continue;
      await db.insert(conversationParticipants).values(
        [user.id, partner.userId].map((userId) => ({
          conversationId: conversation.id,
          userId,
          lastSeq: rows.length,
          lastMessageAt: last.createdAt!,
          lastReadSeq: rows.length,
        })),
      );
      await db.insert(messages).values(rows.map((row) => ({ ...row, conversationId: conversation.id })));
    }
  }

  await organiseDemoInboxes(db, casting.id, talent.id, now);

  // Contact requests in every state: recent ones may still be pending; older ones were answered or expired.
  const requestPlans = [
    { sender: casting, talents: pool.slice(30, 52) },
    { sender: studio, talents: pool.slice(52, 67) },
    ...extras.map((extra, index) => ({
      sender: extra,
      talents: [...pool.slice(67 + index * 3, 70 + index * 3), ...(index < 6 ? [talentProfile] : [])],
    })),
  ];
  const counters = new Map<string, number>();
  const monthWindow = `month:${now.toISOString().slice(0, 7)}`;
  for (const { sender, talents } of requestPlans) {
    for (const [index, target] of talents.entries()) {
      const createdAt = at(
        now,
        faker.number.int({ min: 1, max: WEEKS * 7 - 1 }),
        faker.number.int({ min: 0, max: 10 }),
      );
      const ageDays = (now.getTime() - createdAt.getTime()) / DAY;
      const roll = faker.number.float({ min: 0, max: 1 });
      let status: Status =
        roll < 0.5
          ? "APPROVED"
          : roll < 0.72
            ? "DECLINED"
            : roll < 0.85
              ? "EXPIRED"
              : roll < 0.9
                ? "WITHDRAWN"
                : "PENDING";
      if (ageDays < 10 && index % 3 === 0) status = "PENDING";
      if (status === "PENDING" && ageDays > 12) status = "EXPIRED";
      const expiresAt = new Date(createdAt.getTime() + 14 * DAY);
      const respondedAt =
        status === "PENDING"
          ? null
          : status === "EXPIRED"
            ? expiresAt
            : new Date(
                Math.min(now.getTime() - HOUR, createdAt.getTime() + faker.number.int({ min: 1, max: 96 }) * HOUR),
              );
      if (status === "EXPIRED" && expiresAt > now) status = "PENDING";
      const [project, role, productionType] = pick(projects);
      const [request] = await db
        .insert(contactRequests)
        .values({
          senderId: sender.id,
          talentUserId: target.userId,
          talentProfileId: target.profileId,
          projectTitle: project,
          role,
          productionType,
          description: `${project} is casting now. We think ${target.name} would be a great fit for the role of ${role.toLowerCase()}.`,
          isPaid: true,
          rate: "$450 a day",
          message: `Hi ${target.name.split(" ")[0]}, we would love to talk about this role.`,
          status,
          declineReason: status === "DECLINED" ? "unavailable" : null,
          sharedFields: status === "APPROVED" ? (index % 2 ? ["agent"] : ["phone", "email"]) : [],
          createdAt,
          expiresAt,
          respondedAt: status === "PENDING" ? null : respondedAt,
        })
        .returning({ id: contactRequests.id });
      const events: (typeof contactRequestEvents.$inferInsert)[] = [
        { requestId: request!.id, actorId: sender.id, fromStatus: null, toStatus: "PENDING", at: createdAt },
      ];
      if (status !== "PENDING") {
        const actorId = status === "WITHDRAWN" ? sender.id : status === "EXPIRED" ? null : target.userId;
        events.push({ requestId: request!.id, actorId, fromStatus: "PENDING", toStatus: status, at: respondedAt! });
      }
      await db.insert(contactRequestEvents).values(events);
      if (createdAt.toISOString().slice(0, 7) === now.toISOString().slice(0, 7))
        counters.set(sender.id, (counters.get(sender.id) ?? 0) + 1);
    }
  }
  for (const [senderId, used] of counters) {
    await db.insert(contactRequestCounters).values({ senderId, window: monthWindow, used }).onConflictDoNothing();
  }

  // Profile views, counted per day: talent@ is popular; others are seen now and then.
  const views: (typeof talentProfileViews.$inferInsert)[] = [];
  for (const profile of listed) {
    const popular = profile.userId === talent.id;
    for (let daysAgo = 0; daysAgo < WEEKS * 7; daysAgo += 1) {
      if (!popular && faker.number.int({ min: 0, max: 9 }) > 2) continue;
      views.push({
        profileId: profile.profileId,
        day: at(now, daysAgo).toISOString().slice(0, 10),
        views: popular ? faker.number.int({ min: 2, max: 14 }) : faker.number.int({ min: 1, max: 4 }),
      });
    }
  }
  for (let index = 0; index < views.length; index += 2_000) {
    await db
      .insert(talentProfileViews)
      .values(views.slice(index, index + 2_000))
      .onConflictDoNothing();
  }

  // Collections: casting@ keeps two shortlists, studio@ shares one, lapsed@ keeps one it can no longer change; talent@ is in two.
  const shortlists = [
    {
      owner: casting,
      name: "Lead - Sarah, 30s",
      description: "Harbour Lights, episode one. Recalls next week.",
      talents: pool.slice(0, 6),
      share: false,
    },
    { owner: casting, name: "Market scene - background", description: "", talents: pool.slice(40, 48), share: false },
    {
      owner: studio,
      name: "Northlight feature - first look",
      description: "For the director's review.",
      talents: pool.slice(12, 17),
      share: true,
    },
    { owner: lapsed, name: "Spring campaign", description: "", talents: pool.slice(70, 73), share: false },
    ...extras.slice(0, 2).map((extra) => ({
      owner: extra,
      name: "Favourites",
      description: "",
      talents: [talentProfile, ...pool.slice(80, 83)],
      share: false,
    })),
  ];
  for (const list of shortlists) {
    const [collection] = await db
      .insert(collections)
      .values({
        ownerId: list.owner.id,
        name: list.name,
        description: list.description,
        shareToken: list.share ? `demo-share-${faker.string.alphanumeric(32)}` : null,
        sharedAt: list.share ? now : null,
      })
      .onConflictDoNothing()
      .returning({ id: collections.id });
    if (!collection) continue;
    await db.insert(collectionItems).values(
      list.talents.map((entry, position) => ({
        collectionId: collection.id,
        profileId: entry.profileId,
        position,
        note: position === 0 ? "Strong self-tape; check availability for the recall." : "",
      })),
    );
  }
  return true;
}

/**
 * Inboxes as people keep them: casting@ has archived its two oldest
 * conversations and marked the next one unread; talent@ muted the emails of
 * its latest conversation.
 */
async function organiseDemoInboxes(db: Db, castingId: string, talentId: string, now: Date) {
  const p = conversationParticipants;
  const oldest = await db
    .select({ id: p.conversationId })
    .from(p)
    .where(eq(p.userId, castingId))
    .orderBy(asc(p.lastMessageAt))
    .limit(3);
  const [first, second, third] = oldest.map((row) => row.id);
  if (first && second) {
    await db
      .update(p)
      .set({ archivedAt: now })
      .where(and(eq(p.userId, castingId), inArray(p.conversationId, [first, second])));
  }
  if (third)
    await db
      .update(p)
      .set({ markedUnread: true })
      .where(and(eq(p.userId, castingId), eq(p.conversationId, third)));
  const [latest] = await db
    .select({ id: p.conversationId })
    .from(p)
    .where(eq(p.userId, talentId))
    .orderBy(desc(p.lastMessageAt))
    .limit(1);
  if (latest)
    await db
      .update(p)
      .set({ emailMuted: true })
      .where(and(eq(p.userId, talentId), eq(p.conversationId, latest.id)));
}
