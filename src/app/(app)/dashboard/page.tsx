import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { LineChart } from "@/components/ui/chart";
import { getDb } from "@/db";
import { requireActor } from "@/modules/access/actor";
import { canModerate } from "@/modules/access/policies";
import type { Actor } from "@/modules/access/types";
import { durationUnitForAll, formatDuration } from "@/lib/duration";
import { formatCount } from "@/lib/plural";
import { percent, RecentActivity, Stat, StatusBars } from "@/modules/activity/components/dashboard-parts";
import { dateRangeInput, defaultRange, MAX_RANGE_DAYS } from "@/modules/activity/inputs";
import { shortDay } from "@/modules/activity/periods";
import {
  getAdminDashboard,
  getProfessionalDashboard,
  getTalentDashboard,
  SLOWEST_MIN_ANSWERED,
  type SenderRow,
} from "@/modules/activity/queries";
import { canManageOwnProfile } from "@/modules/talents/policies";

export const metadata: Metadata = { title: "Activity" };

type SearchParams = { from?: string; to?: string };

const number = (value: number) => value.toLocaleString("en");
const dollars = (cents: number) => `$${(cents / 100).toLocaleString("en", { maximumFractionDigits: 0 })}`;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Activity</h1>
        <p className="mt-1 text-sm text-stone-600">
          Days are UTC days; times are in your time zone ({actor.timeZone}).
        </p>
      </div>
      {canModerate(actor) ? (
        <AdminView actor={actor} params={await searchParams} />
      ) : canManageOwnProfile(actor) ? (
        <TalentView actor={actor} />
      ) : (
        <ProfessionalView actor={actor} />
      )}
    </div>
  );
}

async function ProfessionalView({ actor }: { actor: Actor }) {
  const data = await getProfessionalDashboard(getDb(), actor);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Requests sent this month"
          value={number(data.month.total)}
          detail={data.quota ? `${data.quota.used} of ${data.quota.limit} of your monthly allowance used` : undefined}
        />
        <Stat
          label="Acceptance rate"
          value={percent(data.month.acceptanceRate)}
          detail="Approved, of those approved, declined or expired"
        />
        <Stat
          label="Median time to response"
          value={formatDuration(data.month.medianAnswerSeconds)}
          detail="How long talents took to answer this month's requests"
        />
        <Stat
          label="Messages this month"
          value={`${number(data.messages.sent)} sent`}
          detail={`${formatCount(data.messages.received, "reply", "replies")} received`}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card>
          <LineChart
            title="Your contact requests, last 12 weeks"
            labels={data.weeks.map((week) => shortDay(week.week))}
            periodLabel="Week of"
            series={[
              { name: "Sent", values: data.weeks.map((week) => week.created) },
              { name: "Approved", values: data.weeks.map((week) => week.approved) },
            ]}
          />
        </Card>
        <Card>
          <StatusBars metrics={data.month} title="This month's requests by status" />
          <Link
            href="/contact-requests/sent"
            className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline"
          >
            All your requests
          </Link>
        </Card>
      </div>
      <RecentActivity events={data.recent} timeZone={actor.timeZone} />
    </>
  );
}

async function TalentView({ actor }: { actor: Actor }) {
  const data = await getTalentDashboard(getDb(), actor);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Profile views, last 30 days"
          value={number(data.views.last30Days)}
          detail={`${number(data.views.thisMonth)} this month`}
        />
        <Stat
          label="Requests received this month"
          value={number(data.month.total)}
          detail={`${data.month.byStatus.PENDING} waiting for your answer`}
        />
        <Stat
          label="Your median time to respond"
          value={formatDuration(data.month.medianAnswerSeconds)}
          detail="For requests received this month"
        />
        <Stat
          label="In collections"
          value={number(data.collectors)}
          detail="Casting professionals who shortlisted you (who they are stays private)"
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card>
          <LineChart
            title="Profile views and contact requests, last 12 weeks"
            labels={data.weeks.map((week) => shortDay(week.week))}
            periodLabel="Week of"
            series={[
              { name: "Profile views", values: data.weeks.map((week) => week.views) },
              { name: "Requests received", values: data.weeks.map((week) => week.requests) },
            ]}
          />
        </Card>
        <Card className="space-y-4">
          <StatusBars metrics={data.month} title="This month's requests by status" />
          <p className="text-sm text-stone-700">
            Messages this month: {number(data.messages.received)} received, {number(data.messages.sent)} sent.
          </p>
          <Link
            href="/contact-requests/received"
            className="inline-block text-sm font-medium text-brand-700 hover:underline"
          >
            Answer your requests
          </Link>
        </Card>
      </div>
      <RecentActivity events={data.recent} timeZone={actor.timeZone} />
    </>
  );
}

async function AdminView({ actor, params }: { actor: Actor; params: SearchParams }) {
  const now = new Date();
  const asked =
    params.from || params.to ? dateRangeInput(now).safeParse({ from: params.from ?? "", to: params.to ?? "" }) : null;
  const range = asked?.success ? asked.data : defaultRange(now);
  const errors = asked && !asked.success ? asked.error.issues.map((issue) => issue.message) : [];
  const data = await getAdminDashboard(getDb(), actor, range);
  const labels = data.days.map(shortDay);
  const query = `from=${range.from}&to=${range.to}`;
  const presets = [30, 90, 365].map((days) => ({ days, ...defaultRange(now, days) }));
  return (
    <>
      <Card className="space-y-3 p-4">
        <form method="get" className="flex flex-wrap items-end gap-3" noValidate>
          <label className="flex flex-col gap-1 text-sm font-medium">
            From
            <input
              type="date"
              name="from"
              defaultValue={params.from ?? range.from}
              className="rounded-lg border border-stone-300 px-3 py-2 text-sm"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            To
            <input
              type="date"
              name="to"
              defaultValue={params.to ?? range.to}
              className="rounded-lg border border-stone-300 px-3 py-2 text-sm"
            />
          </label>
          <button type="submit" className={buttonClasses("primary")}>
            Show
          </button>
          <nav aria-label="Preset ranges" className="flex flex-wrap gap-2 text-sm">
            {presets.map((preset) => (
              <Link
                key={preset.days}
                href={`/dashboard?from=${preset.from}&to=${preset.to}`}
                className="rounded-md px-2 py-1 font-medium text-brand-700 ring-1 ring-stone-200 hover:bg-stone-50"
              >
                Last {preset.days} days
              </Link>
            ))}
          </nav>
          <a href={`/dashboard/export?${query}`} className={buttonClasses("secondary", "ml-auto")} download>
            Export CSV
          </a>
        </form>
        {errors.length ? (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {errors.join(" ")} Showing the last 90 days instead; a range can be up to {MAX_RANGE_DAYS} days.
          </p>
        ) : null}
        <p className="text-sm text-stone-600">
          {shortDay(range.from)} {range.from.slice(0, 4)} to {shortDay(range.to)} {range.to.slice(0, 4)} (
          {formatCount(data.days.length, "day")})
        </p>
      </Card>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Sign-ups"
          value={number(data.totals.signups.TALENT + data.totals.signups.PROFESSIONAL + data.totals.signups.COMPANY)}
          detail={`${formatCount(data.totals.signups.TALENT, "talent")}, ${formatCount(data.totals.signups.PROFESSIONAL, "professional")}, ${formatCount(data.totals.signups.COMPANY, "company", "companies")}`}
        />
        <Stat
          label="Active subscriptions"
          value={number(data.totals.activeSubscriptions.end)}
          detail={`${number(data.totals.activeSubscriptions.start)} at the start of the range`}
        />
        <Stat
          label="Monthly recurring revenue"
          value={dollars(data.totals.mrrCents.end)}
          detail={`${dollars(data.totals.mrrCents.start)} at the start, at list prices`}
        />
        <Stat
          label="Contact requests"
          value={number(data.totals.requests.sent)}
          detail={`${percent(data.totals.acceptanceRate)} accepted; ${formatCount(data.totals.messages, "message")} sent`}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <LineChart
            title="Sign-ups per day by account type"
            labels={labels}
            series={[
              { name: "Talents", values: data.series["signups.TALENT"] },
              { name: "Professionals", values: data.series["signups.PROFESSIONAL"] },
              { name: "Companies", values: data.series["signups.COMPANY"] },
            ]}
          />
        </Card>
        <Card>
          <LineChart
            title="Active subscriptions"
            labels={labels}
            series={[{ name: "Active subscriptions", values: data.series["subscriptions.active"] }]}
          />
        </Card>
        <Card>
          <LineChart
            title="Monthly recurring revenue (list prices)"
            labels={labels}
            series={[{ name: "MRR", values: data.series["revenue.mrr_cents"] }]}
            valueFormat="cents"
          />
        </Card>
        <Card>
          <LineChart
            title="Messages per day"
            labels={labels}
            series={[{ name: "Messages", values: data.series.messages }]}
          />
        </Card>
        <Card className="lg:col-span-2">
          <LineChart
            title="Contact requests per day"
            labels={labels}
            series={[
              { name: "Sent", values: data.series["requests.sent"] },
              { name: "Approved", values: data.series["requests.approved"] },
              { name: "Declined", values: data.series["requests.declined"] },
              { name: "Expired", values: data.series["requests.expired"] },
            ]}
          />
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <SenderTable title="Busiest senders" caption="Most contact requests sent in the range" rows={data.busiest} />
        <SenderTable
          title="Slowest answered senders"
          caption={`Senders whose requests wait longest for an answer (at least ${SLOWEST_MIN_ANSWERED} answered)`}
          rows={data.slowest}
        />
      </div>
    </>
  );
}

function SenderTable({ title, caption, rows }: { title: string; caption: string; rows: SenderRow[] }) {
  const waitUnit = durationUnitForAll(rows.map((row) => row.averageAnswerSeconds));
  return (
    <Card className="min-w-0 space-y-2">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="text-xs text-stone-600">{caption}</p>
      {rows.length === 0 ? (
        <p className="text-sm text-stone-600">No senders in this range.</p>
      ) : (
        <ScrollRegion label={title}>
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-stone-500">
              <tr>
                <th scope="col" className="py-1 pr-2">
                  Sender
                </th>
                <th scope="col" className="py-1 pr-2 text-right">
                  Sent
                </th>
                <th scope="col" className="py-1 pr-2 text-right">
                  Answered
                </th>
                <th scope="col" className="py-1 text-right">
                  Average wait
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.senderId} className="border-t border-stone-100">
                  <th scope="row" className="py-1 pr-2 font-normal">
                    <Link href={`/admin/users?q=${encodeURIComponent(row.email)}`} className="hover:underline">
                      {row.name}
                    </Link>
                  </th>
                  <td className="py-1 pr-2 text-right tabular-nums">{number(row.sent)}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">{number(row.answered)}</td>
                  <td className="whitespace-nowrap py-1 text-right tabular-nums">
                    {formatDuration(row.averageAnswerSeconds, waitUnit)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Card>
  );
}
