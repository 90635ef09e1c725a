import type pg from "pg";
import { progress } from "./common";

/**
 * The data sets of `npm run bench`, written with bulk SQL. Users are 80%
 * talents; conversations pair a professional with a talent. The distribution
 * is skewed: 1% of the professionals ("heavy") have over 2,000 conversations
 * each, the other professionals' share falls off like a power law, and message
 * counts per conversation are skewed too. (1% of all users with 2,000
 * conversations each would need more conversations than the large set holds,
 * so the heavy ones are 1% of the professionals.)
 */
export const scales = {
  small: { users: 2_000, conversations: 20_000, messages: 200_000, requests: 20_000, notifications: 40_000 },
  medium: { users: 10_000, conversations: 100_000, messages: 2_000_000, requests: 200_000, notifications: 300_000 },
  large: { users: 50_000, conversations: 500_000, messages: 10_000_000, requests: 1_000_000, notifications: 1_000_000 },
} as const;
export type Scale = keyof typeof scales;

export const userId = (n: number) => `load-u-${n}`;
export const userEmail = (n: number) => `load${n}@bench.callback.test`;

export type SeedShape = { professionals: number; talents: number; heavy: number; heavyConversations: number };

export function shapeOf(scale: Scale): SeedShape {
  const size = scales[scale];
  const professionals = Math.floor(size.users / 5);
  const heavy = Math.max(1, Math.floor(professionals / 100));
  return {
    professionals,
    talents: size.users - professionals,
    heavy,
    heavyConversations: Math.min(2_100, Math.floor(size.conversations / (2 * heavy))),
  };
}

/** Professionals are users 1..P (the heavy ones first), talents P+1..N. Every account signs in with the same password. */
export async function seedLoad(client: pg.Client, scale: Scale, passwordHash: string) {
  const size = scales[scale];
  const { professionals, talents, heavy, heavyConversations } = shapeOf(scale);
  await client.query("select setseed(0.42)");
  await client.query(
    `insert into users (id, name, email, role, created_at, updated_at)
     select 'load-u-' || n, 'Load User ' || n, 'load' || n || '@bench.callback.test',
       case when n <= ${professionals} then 'PROFESSIONAL'::user_role else 'TALENT'::user_role end,
       now() - (random() * interval '365 days'), now()
     from generate_series(1, ${size.users}) n`,
  );
  await client.query(
    `insert into accounts (id, account_id, provider_id, user_id, password, created_at, updated_at)
     select 'load-a-' || n, 'load-u-' || n, 'credential', 'load-u-' || n, $1, now(), now() from generate_series(1, ${size.users}) n`,
    [passwordHash],
  );
  await client.query(
    `insert into subscriptions (user_id, provider, customer_id, subscription_id, plan, interval, status, current_period_end, state_at)
     select 'load-u-' || n, 'test', 'cus_load_' || n, 'sub_load_' || n, 'PROFESSIONAL', 'month', 'active', now() + interval '30 days', now()
     from generate_series(1, ${professionals}) n`,
  );
  await client.query(
    `insert into talent_profiles (user_id, display_name, headline, city, country, categories, skills_text, bio, published_at, created_at, updated_at)
     select 'load-u-' || n, 'Load Talent ' || n, 'Screen and stage actor', 'London', 'GB', array['actor'], 'Improvisation', 'A performer.', now() - (random() * interval '365 days'), now(), now()
     from generate_series(${professionals + 1}, ${size.users}) n`,
  );
  progress(size.users, size.users, "users");

  // Conversations: the heavy professionals first (distinct talents each), then the rest, skewed towards the first professionals.
  const averageMessages = size.messages / size.conversations;
  const batch = 20_000;
  for (let from = 0; from < size.conversations; from += batch) {
    const to = Math.min(size.conversations, from + batch) - 1;
    await client.query(`
      with pairs as (
        select k,
          case when k < ${heavy * heavyConversations} then 1 + k % ${heavy}
               else ${heavy + 1} + floor(${professionals - heavy} * power(random(), 2))::int end as pro,
          case when k < ${heavy * heavyConversations} then (k / ${heavy}) % ${talents}
               else floor(random() * ${talents})::int end as talent,
          1 + floor(${2 * averageMessages - 1} * power(random(), 1.5) * 1.25)::int as n
        from generate_series(${from}, ${to}) k
      ), created as (
        insert into conversations (user_lo, user_hi, started_by, last_seq, last_message_at, last_message_preview, last_sender_id, created_at)
        select least('load-u-' || pro, 'load-u-' || (${professionals + 1} + talent)), greatest('load-u-' || pro, 'load-u-' || (${professionals + 1} + talent)),
          'load-u-' || pro, n, now() - (random() * interval '300 days'), 'Message ' || n, 'load-u-' || pro, now() - interval '365 days'
        from pairs
        on conflict do nothing
        returning id, user_lo, user_hi, started_by, last_seq, last_message_at
      ), participants as (
        insert into conversation_participants (conversation_id, user_id, last_seq, last_message_at, last_read_seq)
        select id, user_lo, last_seq, last_message_at, case when user_lo = started_by then last_seq else greatest(0, last_seq - 1) end from created
        union all
        select id, user_hi, last_seq, last_message_at, case when user_hi = started_by then last_seq else greatest(0, last_seq - 1) end from created
      )
      insert into messages (conversation_id, seq, sender_id, body, created_at)
      select c.id, s, case when s % 2 = 1 then c.started_by else (case when c.user_lo = c.started_by then c.user_hi else c.user_lo end) end,
        'Message ' || s || ': thanks, could you send a self-tape for the role by Friday?',
        c.last_message_at - ((c.last_seq - s) || ' minutes')::interval
      from created c, generate_series(1, c.last_seq) s`);
    progress(to + 1, size.conversations, "conversations");
  }

  // Contact requests over the year; recent ones partly pending (one pending per pair at most).
  for (let from = 0; from < size.requests; from += 100_000) {
    const to = Math.min(size.requests, from + 100_000) - 1;
    await client.query(`
      with picks as (
        select k, 'load-u-' || (1 + (k::bigint * 31) % ${professionals}) as sender, ${professionals + 1} + (k::bigint * 104729) % ${talents} as talent_n,
          now() - (random() * interval '365 days') as created_at, random() as r
        from generate_series(${from}, ${to}) k
      )
      insert into contact_requests (sender_id, talent_user_id, talent_profile_id, project_title, role, production_type, description, is_paid, status, created_at, expires_at, responded_at)
      select p.sender, tp.user_id, tp.id, 'Load project', 'Lead', 'film', 'A benchmark project description.', true,
        (case when r < 0.5 then 'APPROVED' when r < 0.75 then 'DECLINED' when r < 0.95 then 'EXPIRED' else 'WITHDRAWN' end)::contact_request_status,
        p.created_at, p.created_at + interval '14 days', least(now(), p.created_at + interval '1 day')
      from picks p join talent_profiles tp on tp.user_id = 'load-u-' || p.talent_n`);
    progress(to + 1, size.requests, "requests");
  }

  // A year of notifications, mostly read.
  await client.query(`
    insert into notifications (user_id, type, category, payload, created_at, read_at, email_state)
    select 'load-u-' || (1 + floor(random() * ${size.users})::int), 'message.received', 'messages',
      jsonb_build_object('conversationId', gen_random_uuid(), 'seq', 1, 'senderName', 'Load User', 'preview', 'Hello'),
      t, case when random() < 0.95 then t + interval '1 hour' end, 'emailed'
    from (select now() - (random() * interval '365 days') as t from generate_series(1, ${size.notifications})) x`);
  progress(1, 1, "notifications");
  await client.query("vacuum analyze");
  const counts =
    await client.query(`select (select count(*) from conversations) conversations, (select count(*) from messages) messages,
    (select count(*) from contact_requests) requests, (select count(*) from notifications) notifications,
    (select max(c) from (select count(*) c from conversation_participants group by user_id) x) max_conversations`);
  return counts.rows[0] as Record<string, string>;
}
