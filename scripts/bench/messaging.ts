import "../load-env";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "@/db/schema";
import type { Actor } from "@/modules/access/types";
import { sendMessageInput } from "@/modules/messaging/inputs";
import {
  archiveConversation,
  markConversationRead,
  markConversationUnread,
  sendMessage,
  unarchiveConversation,
} from "@/modules/messaging/mutations";
import { getUnreadTotal, listInbox, listMessages } from "@/modules/messaging/queries";
import { benchArgs, measurePair, ms, progress, withThrowawayDatabase, type Figures } from "./common";

/**
 * Messaging at scale: USERS users (a fifth of them professionals), CONVERSATIONS
 * conversations and about MESSAGES messages, one professional with 5,000
 * conversations. Prints p50/p95/p99 of each operation for that heavy user and
 * for a light one, and the plan of the inbox query. A benchmark: it asserts nothing.
 *
 *   npm run bench:messaging [-- --users 10000 --conversations 200000 --messages 5000000 --runs 200 --keep]
 */
const args = benchArgs();
const totalUsers = Number(args.get("users") ?? 10_000);
const totalConversations = Number(args.get("conversations") ?? 200_000);
const totalMessages = Number(args.get("messages") ?? 5_000_000);
const runs = Number(args.get("runs") ?? 200);
const professionals = Math.floor(totalUsers / 5);
const talents = totalUsers - professionals;
const heavyConversations = Math.min(5_000, Math.floor(totalConversations / 10), talents);
const userId = (n: number) => `bench-u-${String(n).padStart(7, "0")}`;

async function seed(client: import("pg").Client) {
  await client.query(`
    insert into users (id, name, email, role, created_at, updated_at)
    select 'bench-u-' || lpad(n::text, 7, '0'), 'Bench User ' || n, 'bench' || n || '@bench.callback.test',
      case when n <= ${professionals} then 'PROFESSIONAL'::user_role else 'TALENT'::user_role end, now(), now()
    from generate_series(1, ${totalUsers}) n`);
  progress(totalUsers, totalUsers, "users");

  // Conversation k pairs a professional with a talent; the pairs are distinct by construction.
  // Professional 1 (the heavy user) talks to the first talents; the others spread over the rest.
  const averageMessages = Math.max(1, Math.round(totalMessages / totalConversations));
  const batch = 20_000;
  for (let from = 0; from < totalConversations; from += batch) {
    const to = Math.min(totalConversations, from + batch) - 1;
    await client.query(`
      with pairs as (
        select k,
          case when k < ${heavyConversations} then 1 else 2 + (k % ${professionals - 1}) end as pro,
          case when k < ${heavyConversations} then k else ((k / ${professionals - 1}) * 79 + (k % ${professionals - 1}) * 13) % ${talents} end as talent,
          1 + ((k * 2654435761::bigint) % ${2 * averageMessages - 1})::int as n
        from generate_series(${from}, ${to}) k
      ), created as (
        insert into conversations (user_lo, user_hi, started_by, last_seq, last_message_at, last_message_preview, last_sender_id, created_at)
        select 'bench-u-' || lpad(pro::text, 7, '0'), 'bench-u-' || lpad((${professionals + 1} + talent)::text, 7, '0'), 'bench-u-' || lpad(pro::text, 7, '0'),
          n, now() - ((k % 100000) || ' minutes')::interval, 'Message ' || n, 'bench-u-' || lpad(pro::text, 7, '0'), now() - interval '200 days'
        from pairs
        on conflict do nothing
        returning id, user_lo, user_hi, last_seq, last_message_at
      ), participants as (
        insert into conversation_participants (conversation_id, user_id, last_seq, last_message_at, last_read_seq)
        select id, user_lo, last_seq, last_message_at, last_seq from created
        union all
        select id, user_hi, last_seq, last_message_at, greatest(0, last_seq - 2) from created
      )
      insert into messages (conversation_id, seq, sender_id, body, created_at)
      select c.id, s, case when s % 3 = 0 then c.user_hi else c.user_lo end,
        'Message ' || s || ': thanks for your time, could you send a self-tape for the role by Friday?',
        c.last_message_at - ((c.last_seq - s) || ' minutes')::interval
      from created c, generate_series(1, c.last_seq) s`);
    progress(to + 1, totalConversations, "conversations");
  }
  const counts = await client.query(
    "select (select count(*) from conversations) as conversations, (select count(*) from messages) as messages",
  );
  await client.query("vacuum analyze");
  return counts.rows[0] as { conversations: string; messages: string };
}

function actorOf(n: number, role: Actor["role"]): Actor {
  return {
    userId: userId(n),
    name: `Bench User ${n}`,
    email: `bench${n}@bench.callback.test`,
    role,
    subscription: { plan: "PROFESSIONAL", status: "active", currentPeriodEnd: new Date(Date.now() + 86_400_000 * 30) },
    timeZone: "UTC",
  };
}

async function main() {
  console.log(
    `Messaging benchmark: ${totalUsers.toLocaleString("en")} users, ${totalConversations.toLocaleString("en")} conversations, ~${totalMessages.toLocaleString("en")} messages, ${runs} runs per operation`,
  );
  await withThrowawayDatabase("callback_bench_messaging", args.has("keep"), async (handle, client) => {
    const started = performance.now();
    const counts = await seed(client);
    console.log(
      `  seeded ${Number(counts.conversations).toLocaleString("en")} conversations and ${Number(counts.messages).toLocaleString("en")} messages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const db = handle.db;
    // People keep their inboxes: the heavy user has archived 2,000 of its conversations (the oldest) and marked
    // 50 unread; the light one archived its oldest. Archive and unread then run on top of that.
    await client.query(`
      update conversation_participants set archived_at = now()
      where (user_id, conversation_id) in (
        select user_id, conversation_id from conversation_participants where user_id = '${userId(1)}'
        order by last_message_at limit 2000)`);
    await client.query(`
      update conversation_participants set marked_unread = true
      where (user_id, conversation_id) in (
        select user_id, conversation_id from conversation_participants
        where user_id = '${userId(1)}' and archived_at is null order by last_message_at limit 50)`);
    await client.query(`
      update conversation_participants set archived_at = now()
      where (user_id, conversation_id) in (
        select user_id, conversation_id from conversation_participants where user_id = '${userId(2 + 7)}'
        order by last_message_at limit 1)`);
    await client.query("analyze conversation_participants");

    const subjects = [
      { label: "heavy (5,000 conversations)", actor: actorOf(1, "PROFESSIONAL") },
      { label: "light", actor: actorOf(2 + 7, "PROFESSIONAL") },
    ];
    type Prepared = {
      label: string;
      actor: Actor;
      pick: (run: number) => string;
      deepCursor?: string;
      olderThan: number;
    };
    const prepared: Prepared[] = [];
    for (const { label, actor } of subjects) {
      const first = await listInbox(db, actor);
      const conversationIds = first.items.map((item) => item.id);
      let cursor = first.nextCursor;
      for (let page = 0; page < 8 && cursor; page += 1)
        cursor = (await listInbox(db, actor, cursor)).nextCursor ?? cursor;
      const pick = (run: number) => conversationIds[run % conversationIds.length]!;
      const newest = await listMessages(db, actor, pick(0));
      prepared.push({
        label,
        actor,
        pick,
        deepCursor: cursor ?? first.nextCursor ?? undefined,
        olderThan: Math.max(2, newest?.messages[0]?.seq ?? 2),
      });
    }
    const operations: [string, (subject: Prepared, run: number) => Promise<unknown>][] = [
      ["inbox, first page", (subject) => listInbox(db, subject.actor)],
      ["inbox, page 10", (subject) => listInbox(db, subject.actor, subject.deepCursor)],
      ["archived, first page", (subject) => listInbox(db, subject.actor, undefined, { view: "archived" })],
      ["open conversation (50)", (subject, run) => listMessages(db, subject.actor, subject.pick(run))],
      [
        "older page",
        (subject, run) => listMessages(db, subject.actor, subject.pick(run), { beforeSeq: subject.olderThan }),
      ],
      [
        "send",
        (subject, run) =>
          sendMessage(
            db,
            subject.actor,
            sendMessageInput.parse({
              conversationId: subject.pick(run),
              body: `Benchmark message ${run}`,
              clientKey: randomUUID(),
            }),
          ),
      ],
      ["mark read", (subject, run) => markConversationRead(db, subject.actor, subject.pick(run), 1_000_000)],
      ["unread badge", (subject) => getUnreadTotal(db, subject.actor)],
      ["mark unread", (subject, run) => markConversationUnread(db, subject.actor, subject.pick(run))],
      // Each archives the conversations of its first page in turn, then moves them back.
      ["archive", (subject, run) => archiveConversation(db, subject.actor, subject.pick(run), 2_000_000_000)],
      ["move back to inbox", (subject, run) => unarchiveConversation(db, subject.actor, subject.pick(run))],
    ];
    // The two users take turns run by run, so the machine's noise falls on both alike.
    const rows: [string, string, Figures][] = [];
    for (const [operation, run] of operations) {
      const figures = await measurePair(runs, (turn) => run(prepared[turn % 2]!, Math.floor(turn / 2)));
      rows.push([prepared[0]!.label, operation, figures[0]], [prepared[1]!.label, operation, figures[1]]);
    }
    rows.sort((a, b) => (a[0] === b[0] ? 0 : a[0].startsWith("heavy") ? -1 : 1));

    console.log("\n  user                           operation                  p50 ms   p95 ms   p99 ms");
    for (const [label, operation, figures] of rows)
      console.log(
        `  ${label.padEnd(30)} ${operation.padEnd(24)} ${ms(figures.p50)} ${ms(figures.p95)} ${ms(figures.p99)}`,
      );
    const figuresOf = (heavy: boolean, name: string) =>
      rows.find(([label, operation]) => label.startsWith("heavy") === heavy && operation === name)![2];
    const inbox = (heavy: boolean) => figuresOf(heavy, "inbox, first page");
    console.log(
      `\n  inbox, heavy / light: p50 ${(inbox(true).p50 / inbox(false).p50).toFixed(2)}x, p95 ${(inbox(true).p95 / inbox(false).p95).toFixed(2)}x (target: within 1.5x)`,
    );
    for (const name of ["archived, first page", "mark unread", "archive", "move back to inbox"]) {
      const heavy = figuresOf(true, name);
      console.log(
        `  ${name} / inbox, heavy user: p50 ${(heavy.p50 / inbox(true).p50).toFixed(2)}x, p95 ${(heavy.p95 / inbox(true).p95).toFixed(2)}x (target: within 1.5x)`,
      );
    }

    // At the database: the inbox query's own execution time for both users, from EXPLAIN ANALYZE.
    const captured: { sql: string; params: unknown[] }[] = [];
    const logged = drizzle(client, { schema, logger: { logQuery: (sql, params) => captured.push({ sql, params }) } });
    for (const subject of prepared) {
      captured.length = 0;
      await listInbox(logged, subject.actor);
      const times: number[] = [];
      let plan: string[] = [];
      for (let run = 0; run < 50; run += 1) {
        const result = await client.query(
          `explain (analyze, buffers, costs off) ${captured[0]!.sql}`,
          captured[0]!.params,
        );
        plan = (result.rows as Record<string, string>[]).map((row) => row["QUERY PLAN"]!);
        times.push(Number(plan.find((line) => line.startsWith("Execution Time"))!.match(/[\d.]+/)![0]));
      }
      times.sort((a, b) => a - b);
      const scan = plan.find((line) => line.includes("conversation_participants_inbox_idx")) ?? "";
      console.log(
        `  inbox query at the database, ${subject.label}: median ${times[25]!.toFixed(3)} ms; ${scan.trim().replace(/\s+/g, " ")}`,
      );
      if (subject === prepared[0]) {
        console.log("\n  inbox plan (heavy user):");
        for (const line of plan) console.log(`    ${line}`);
        console.log("");
      }
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
