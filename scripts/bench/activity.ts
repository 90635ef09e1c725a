import "../load-env";
import { performance } from "node:perf_hooks";
import type pg from "pg";
import type { Actor } from "@/modules/access/types";
import { defaultRange } from "@/modules/activity/inputs";
import { measureDays } from "@/modules/activity/metrics";
import { addDays, dayOf } from "@/modules/activity/periods";
import { getAdminDashboard } from "@/modules/activity/queries";
import { rollupActivity } from "@/modules/activity/rollup";
import { benchArgs, measure, ms, progress, withThrowawayDatabase } from "./common";

/**
 * The admin dashboard over a year of data at scale: USERS accounts joining over
 * a year (a fifth of them professionals, most subscribing and some cancelling),
 * about MESSAGES messages and REQUESTS contact requests spread over the year,
 * and daily profile views. Prints how long the worker's first rollup of the
 * whole year takes, then p50/p95/p99 of the admin dashboard for 30, 90 and 365
 * days (the last day, today, is always computed live), next to the same figures
 * computed from the source tables without the rollups. A benchmark: it asserts nothing.
 *
 *   npm run bench:activity [-- --users 10000 --messages 5000000 --requests 200000 --runs 30 --keep]
 */
const args = benchArgs();
const totalUsers = Number(args.get("users") ?? 10_000);
const totalMessages = Number(args.get("messages") ?? 5_000_000);
const totalRequests = Number(args.get("requests") ?? 200_000);
const runs = Number(args.get("runs") ?? 30);
const professionals = Math.floor(totalUsers / 5);
const talents = totalUsers - professionals;
const DAYS = 365;

async function seed(client: pg.Client) {
  await client.query("select setseed(0.42)");
  await client.query(`
    insert into users (id, name, email, role, created_at, updated_at)
    select 'bench-u-' || n, 'Bench User ' || n, 'bench' || n || '@bench.callback.test',
      case when n <= ${professionals} then (case when n % 5 = 0 then 'COMPANY' else 'PROFESSIONAL' end)::user_role else 'TALENT'::user_role end,
      now() - (random() * interval '${DAYS} days'), now()
    from generate_series(1, ${totalUsers}) n`);
  await client.query(`
    insert into talent_profiles (user_id, display_name, published_at, created_at, updated_at)
    select id, name, created_at, created_at, created_at from users where role = 'TALENT'`);
  progress(totalUsers, totalUsers, "users");

  // Nine in ten professionals subscribe a day after joining; a fifth of those cancel later (the trigger keeps the history).
  await client.query(`
    insert into subscriptions (user_id, provider, customer_id, subscription_id, plan, interval, status, current_period_end, state_at)
    select id, 'test', 'cus_' || id, 'sub_' || id, case when role = 'COMPANY' then 'COMPANY' else 'PROFESSIONAL' end::billing_plan,
      case when random() < 0.3 then 'year' else 'month' end::billing_interval, 'active', now() + interval '30 days', created_at + interval '1 day'
    from users where role in ('PROFESSIONAL', 'COMPANY') and random() < 0.9`);
  await client.query(`
    update subscriptions set status = 'canceled', state_at = least(now(), state_at + (random() * interval '200 days'))
    where random() < 0.2`);
  progress(1, 1, "subscriptions");

  // Conversations between professionals and talents, their messages spread over the year.
  const conversations = Math.max(1, Math.floor(totalMessages / 25));
  const batch = 10_000;
  for (let from = 0; from < conversations; from += batch) {
    const to = Math.min(conversations, from + batch) - 1;
    await client.query(`
      with pairs as (
        select k, 'bench-u-' || (1 + k % ${professionals}) as pro, 'bench-u-' || (${professionals + 1} + ((k / ${professionals}) * 79 + (k % ${professionals}) * 13) % ${talents}) as talent
        from generate_series(${from}, ${to}) k
      ), created as (
        insert into conversations (user_lo, user_hi, started_by, last_seq, created_at)
        select least(pro, talent), greatest(pro, talent), pro, 25, now() - interval '${DAYS} days' from pairs
        on conflict do nothing
        returning id, user_lo, user_hi
      )
      insert into messages (conversation_id, seq, sender_id, body, created_at)
      select c.id, s, case when s % 2 = 0 then c.user_hi else c.user_lo end, 'Bench message ' || s,
        now() - (random() * interval '${DAYS} days')
      from created c, generate_series(1, 25) s`);
    progress(to + 1, conversations, "conversations");
  }

  // Contact requests over the year, all answered, expired or withdrawn (none left pending).
  for (let from = 0; from < totalRequests; from += 50_000) {
    const to = Math.min(totalRequests, from + 50_000) - 1;
    await client.query(`
      with picks as (
        select k, 'bench-u-' || (1 + (k::bigint * 31) % ${professionals}) as sender, ${professionals + 1} + (k::bigint * 104729) % ${talents} as talent_n,
          now() - (random() * interval '${DAYS} days') as created_at, random() as r
        from generate_series(${from}, ${to}) k
      )
      insert into contact_requests (sender_id, talent_user_id, talent_profile_id, project_title, role, production_type, description, is_paid, status, created_at, expires_at, responded_at)
      select p.sender, u.id, tp.id, 'Bench project', 'Lead', 'film', 'A benchmark project description.', true,
        (case when r < 0.5 then 'APPROVED' when r < 0.75 then 'DECLINED' when r < 0.95 then 'EXPIRED' else 'WITHDRAWN' end)::contact_request_status,
        p.created_at, p.created_at + interval '14 days',
        case when r < 0.75 then least(now(), p.created_at + (random() * interval '5 days')) when r < 0.95 then p.created_at + interval '14 days' else p.created_at + interval '1 day' end
      from picks p
      join users u on u.id = 'bench-u-' || p.talent_n
      join talent_profiles tp on tp.user_id = u.id`);
    progress(to + 1, totalRequests, "requests");
  }
  await client.query(
    `update contact_requests set responded_at = least(responded_at, now()) where responded_at > now()`,
  );

  // Profile views: each talent seen on about one day in five.
  await client.query(`
    insert into talent_profile_views (profile_id, day, views)
    select tp.id, d::date, 1 + floor(random() * 5)::int
    from talent_profiles tp, generate_series(current_date - ${DAYS - 1}, current_date, interval '1 day') d
    where random() < 0.2
    on conflict do nothing`);
  progress(1, 1, "profile views");
  await client.query("vacuum analyze");
  const counts =
    await client.query(`select (select count(*) from messages) messages, (select count(*) from contact_requests) requests,
    (select count(*) from subscription_changes) changes, (select count(*) from talent_profile_views) views`);
  return counts.rows[0] as Record<string, string>;
}

const admin: Actor = {
  userId: "bench-admin",
  name: "Bench Admin",
  email: "admin@bench.callback.test",
  role: "ADMIN",
  subscription: null,
  timeZone: "UTC",
};

async function main() {
  console.log(
    `Activity benchmark: ${totalUsers.toLocaleString("en")} users, ~${totalMessages.toLocaleString("en")} messages and ${totalRequests.toLocaleString("en")} contact requests over ${DAYS} days, ${runs} runs per range`,
  );
  await withThrowawayDatabase("callback_bench_activity", args.has("keep"), async (handle, client) => {
    const started = performance.now();
    const counts = await seed(client);
    const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
    console.log(
      `  seeded ${Number(counts.messages).toLocaleString("en")} messages, ${Number(counts.requests).toLocaleString("en")} requests, ${Number(counts.changes).toLocaleString("en")} subscription changes, ${Number(counts.views).toLocaleString("en")} profile-view days in ${seconds(started)} s`,
    );
    const db = handle.db;

    const rollupStarted = performance.now();
    const rolled = await rollupActivity(db);
    const rows = await client.query("select count(*) from activity_daily");
    console.log(
      `  first rollup: ${rolled} days, ${Number(rows.rows[0].count).toLocaleString("en")} rows, in ${seconds(rollupStarted)} s (afterwards the worker rolls up one day at a time)`,
    );

    const now = new Date();
    console.log("\n  admin dashboard                     p50 ms   p95 ms   p99 ms");
    for (const days of [30, 90, 365]) {
      const range = defaultRange(now, days);
      const figures = await measure(runs, () => getAdminDashboard(db, admin, range), 3);
      console.log(
        `  ${`${days} days, from the rollups`.padEnd(34)} ${ms(figures.p50)} ${ms(figures.p95)} ${ms(figures.p99)}`,
      );
    }
    for (const days of [30, 365]) {
      const to = dayOf(now);
      const liveStarted = performance.now();
      await measureDays(db, addDays(to, -(days - 1)), to);
      console.log(
        `  ${`${days} days, from source tables`.padEnd(34)} ${ms(performance.now() - liveStarted)}   (one run, for comparison)`,
      );
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
