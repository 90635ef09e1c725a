import type pg from "pg";
import type { Db } from "@/db/client";
import type { Actor } from "@/modules/access/types";
import { getUnreadTotal, listInbox, listMessages } from "@/modules/messaging/queries";
import { measurePair, type Figures } from "./common";

/**
 * The database floor of `npm run bench`: inbox, conversation and unread badge
 * as the app's module functions run them, against the minimal hand-written SQL
 * that returns the same data (the inbox with the other person's name, state and
 * photo; the newest page of a conversation only for a participant; the unread
 * sum), prepared once and sent through a single pg client with no pool and no
 * query builder.
 */
export type DbFloor = { op: string; user: string; ours: Figures; floor: Figures; rowsRead: number };

const floorSql = {
  inbox: `select p.conversation_id, p.last_seq, p.last_read_seq, p.last_message_at, c.last_message_preview, c.last_sender_id,
                 u.id, u.name, u.role, u.suspended_at is not null, u.deleted_at is not null, t.id, t.primary_photo_id
          from conversation_participants p
          join conversations c on c.id = p.conversation_id
          left join users u on u.id = case when c.user_lo = $1 then c.user_hi else c.user_lo end
          left join talent_profiles t on t.user_id = u.id
          where p.user_id = $1 order by p.last_message_at desc, p.conversation_id desc limit 21`,
  open: `select m.id, m.seq, m.sender_id, m.body, m.created_at, m.client_key from messages m
         where m.conversation_id = $2 and exists (select 1 from conversation_participants p where p.conversation_id = $2 and p.user_id = $1)
         order by m.seq desc limit 51`,
  badge: `select coalesce(sum(last_seq - last_read_seq), 0) from conversation_participants where user_id = $1 and last_seq > last_read_seq`,
};

type PlanNode = { "Node Type": string; "Actual Rows": number; "Actual Loops": number; Plans?: PlanNode[] };

/** Rows the scans of a plan read, from EXPLAIN (ANALYZE, BUFFERS). */
function rowsRead(node: PlanNode): number {
  const own = /Scan/.test(node["Node Type"]) ? node["Actual Rows"] * node["Actual Loops"] : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child), 0);
}

/** Inbox, conversation and badge at the database: our module functions against the hand-written SQL, for a heavy and a light user. */
export async function databaseFloors(
  client: pg.Client,
  db: Db,
  heavy: string,
  light: string,
  runs = 200,
): Promise<DbFloor[]> {
  const results: DbFloor[] = [];
  // The conversation opened: the light user's longest (up to a page of 50 messages), and the heavy user's
  // conversation nearest to it in length, so that both pages hold as many messages and the two users differ only
  // in how much else they have.
  const length = "least(last_seq, 50)";
  const pick = async (id: string, order: string, values: unknown[]) =>
    (
      await client.query(
        `select conversation_id, ${length} as length from conversation_participants where user_id = $1 order by ${order}, last_message_at desc limit 1`,
        [id, ...values],
      )
    ).rows[0] as { conversation_id: string; length: number };
  const lightPick = await pick(light, `${length} desc`, []);
  const heavyPick = await pick(heavy, `abs(${length} - $2)`, [lightPick.length]);
  for (const [label, id, first] of [
    ["heavy", heavy, heavyPick.conversation_id],
    ["light", light, lightPick.conversation_id],
  ] as const) {
    const actor: Actor = {
      userId: id,
      name: "Load",
      email: "load@bench.callback.test",
      role: "PROFESSIONAL",
      subscription: { plan: "PROFESSIONAL", status: "active", currentPeriodEnd: new Date(Date.now() + 86_400_000) },
      timeZone: "UTC",
    };
    const ours = {
      inbox: () => listInbox(db, actor),
      open: () => listMessages(db, actor, first),
      badge: () => getUnreadTotal(db, actor),
    };
    for (const op of ["inbox", "open", "badge"] as const) {
      const params = op === "open" ? [id, first] : [id];
      // Taking turns, so that both meet the same moments of a shared machine.
      const [oursFigures, floorFigures] = await measurePair(
        runs,
        (turn) =>
          turn % 2 === 0 ? ours[op]() : client.query({ name: `floor_${op}`, text: floorSql[op], values: params }),
        20,
      );
      const plan = (await client.query(`explain (analyze, buffers, format json) ${floorSql[op]}`, params)).rows[0][
        "QUERY PLAN"
      ][0].Plan as PlanNode;
      results.push({ op, user: label, ours: oursFigures, floor: floorFigures, rowsRead: rowsRead(plan) });
    }
  }
  return results;
}
