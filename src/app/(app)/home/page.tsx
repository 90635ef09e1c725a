import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requireActor } from "@/modules/access/actor";
import { canModerate, getUpgradeReason, type UpgradeReason } from "@/modules/access/policies";
import type { Actor } from "@/modules/access/types";
import { UpgradeDialog } from "@/modules/billing/components/upgrade-dialog";
import { planForRole } from "@/modules/billing/plans";
import { collectionRights } from "@/modules/collections/policies";
import { listCollections } from "@/modules/collections/queries";
import { countRequestsByStatus, listRequests, listSenderOversight } from "@/modules/contact-requests/queries";
import { countRecentReports, getUnreadTotal } from "@/modules/messaging/queries";
import { canManageOwnProfile } from "@/modules/talents/policies";
import { countOwnProfileViews, getOwnProfile } from "@/modules/talents/queries";

export const metadata: Metadata = { title: "Home" };

const REPORT_WINDOW_DAYS = 30;

/** Where each missing part of a profile is filled in. */
const editorSection: Record<string, string> = {
  photo: "#photos",
  headline: "#basics",
  location: "#basics",
  categories: "#basics",
  playingAge: "#basics",
  languages: "#skills",
  skills: "#skills",
  bio: "#premium",
  appearance: "#premium",
  showreel: "#premium",
  credits: "#credits",
  contact: "#contact",
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** What needs the person now, each item linking to where it is handled. */
export default async function HomePage() {
  const actor = await requireActor();
  const firstName = actor.name.split(" ")[0];
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Welcome, {firstName}</h1>
      {canModerate(actor) ? (
        <AdminHome actor={actor} />
      ) : canManageOwnProfile(actor) ? (
        <TalentHome actor={actor} />
      ) : (
        <CastingHome actor={actor} />
      )}
    </div>
  );
}

function Item({
  title,
  figure,
  children,
  href,
  action,
  testId,
}: {
  title: string;
  figure?: string;
  children?: ReactNode;
  href: string;
  action: string;
  testId: string;
}) {
  return (
    <li>
      <Card className="flex h-full flex-col gap-2 p-5" data-testid={testId}>
        <h2 className="text-sm font-semibold text-stone-600">{title}</h2>
        {figure ? <p className="text-2xl font-bold text-stone-900">{figure}</p> : null}
        {children ? <div className="text-sm text-stone-700">{children}</div> : null}
        <Link href={href} className="mt-auto pt-1 text-sm font-semibold text-brand-700 hover:underline">
          {action}
        </Link>
      </Card>
    </li>
  );
}

function Items({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul aria-label={label} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {children}
    </ul>
  );
}

async function TalentHome({ actor }: { actor: Actor }) {
  const db = getDb();
  const [own, received, unread, views] = await Promise.all([
    getOwnProfile(db, actor),
    countRequestsByStatus(db, actor, "received"),
    getUnreadTotal(db, actor),
    countOwnProfileViews(db, actor),
  ]);
  const pending = received.PENDING ?? 0;
  const missing = own
    ? [...own.completeness.missing].sort((a, b) => Number(b.requiredToPublish) - Number(a.requiredToPublish))
    : [];
  const next = missing[0];
  const isPublished = own?.status.isPublished ?? false;
  return (
    <Items label="What needs you now">
      <Item
        title="Your profile"
        figure={own ? `${own.completeness.percent}% complete` : "Not started"}
        href={next ? `/profile/edit${editorSection[next.key] ?? ""}` : "/profile/edit"}
        action={next ? next.label : isPublished ? "Keep it current" : "Publish your profile"}
        testId="home-profile"
      >
        {!own
          ? "Casting teams find you by your profile: add a photo and the basics to publish it."
          : own.status.isHidden
            ? "An admin has hidden your profile from the gallery; see why on your profile page."
            : !isPublished
              ? own.completeness.canPublish
                ? "Everything needed is there: publish it so casting teams can find you."
                : `Not published yet: ${plural(missing.filter((item) => item.requiredToPublish).length, "step")} left before you can publish.`
              : next
                ? `Published. Next: ${next.label.toLowerCase()}.`
                : "Published and complete."}
      </Item>
      <Item
        title="Contact requests waiting for you"
        figure={String(pending)}
        href="/contact-requests/received?status=PENDING"
        action={pending ? "Answer them" : "See past requests"}
        testId="home-requests"
      >
        {pending ? "Approve to share your details, or decline." : "Nobody is waiting for an answer."}
      </Item>
      <Item
        title="Unread messages"
        figure={String(unread)}
        href="/messages"
        action={unread ? "Read them" : "Open your messages"}
        testId="home-unread"
      >
        {unread ? null : "You are up to date."}
      </Item>
      <Item
        title="Profile views this week"
        figure={String(views)}
        href="/dashboard"
        action="See your activity"
        testId="home-views"
      >
        {isPublished ? null : "Views start once your profile is published."}
      </Item>
    </Items>
  );
}

async function CastingHome({ actor }: { actor: Actor }) {
  const db = getDb();
  const upgrade = getUpgradeReason(actor);
  const [unread, sent, approved, collections] = await Promise.all([
    getUnreadTotal(db, actor),
    countRequestsByStatus(db, actor, "sent"),
    listRequests(db, actor, "sent", { status: "APPROVED", limit: 3 }),
    collectionRights(actor).read ? listCollections(db, actor) : Promise.resolve([]),
  ]);
  const pending = sent.PENDING ?? 0;
  const recent = collections.slice(0, 3);
  const plan = planForRole(actor.role);
  return (
    <>
      {upgrade && plan ? <UpgradeCard reason={upgrade} actor={actor} /> : null}
      <Items label="What needs you now">
        <Item
          title="Unread messages"
          figure={String(unread)}
          href="/messages"
          action={unread ? "Read them" : "Open your messages"}
          testId="home-unread"
        >
          {unread ? null : upgrade ? "Replies from talents arrive here." : "You are up to date."}
        </Item>
        <Item
          title="Requests awaiting an answer"
          figure={String(pending)}
          href="/contact-requests/sent?status=PENDING"
          action="See your requests"
          testId="home-pending"
        >
          {pending
            ? "A request expires if the talent does not answer in time."
            : "None are waiting for a talent's answer."}
        </Item>
        <Item
          title="Recently approved"
          href="/contact-requests/sent?status=APPROVED"
          action="All approved requests"
          testId="home-approved"
        >
          {approved.items.length ? (
            <ul className="space-y-1">
              {approved.items.map((request) => (
                <li key={request.id}>
                  <Link href={`/contact-requests/${request.id}`} className="text-brand-700 underline">
                    {request.otherName}
                  </Link>{" "}
                  for {request.projectTitle}
                </li>
              ))}
            </ul>
          ) : (
            "No talent has shared their details with you yet."
          )}
        </Item>
        <Item
          title="Recent collections"
          href="/collections"
          action={recent.length ? "All collections" : "Start a collection"}
          testId="home-collections"
        >
          {recent.length ? (
            <ul className="space-y-1">
              {recent.map((collection) => (
                <li key={collection.id}>
                  <Link href={`/collections/${collection.id}`} className="text-brand-700 underline">
                    {collection.name}
                  </Link>{" "}
                  ({plural(collection.size, "talent")})
                </li>
              ))}
            </ul>
          ) : upgrade ? (
            "Collections open with a subscription."
          ) : (
            "Shortlist talents from the gallery or a profile."
          )}
        </Item>
      </Items>
    </>
  );
}

const upgradeCopy: Record<UpgradeReason, string> = {
  never_subscribed:
    "You can browse the gallery and see every public profile for free. Subscribe to see full profiles, message talents, request their contact details and keep collections.",
  past_due:
    "Your last payment did not go through, so messaging, contact requests and changes to collections are paused. Everything you had is kept.",
  canceled:
    "Your subscription has ended. You can still browse the gallery, read your conversations and collections; subscribe again to contact talents.",
};

function UpgradeCard({ reason, actor }: { reason: UpgradeReason; actor: Actor }) {
  const plan = planForRole(actor.role)!;
  return (
    <Card
      className="flex flex-wrap items-center justify-between gap-4 border-brand-200 bg-brand-50"
      data-testid="home-upgrade"
    >
      <div className="max-w-2xl space-y-1">
        <CardTitle>{reason === "past_due" ? "Your payment needs attention" : "Reach talents directly"}</CardTitle>
        <p className="text-sm text-stone-700">{upgradeCopy[reason]}</p>
      </div>
      <div className="flex flex-wrap gap-2">
        <UpgradeDialog
          label={reason === "past_due" ? "Fix the payment" : reason === "canceled" ? "Subscribe again" : "Subscribe"}
          purpose="contact talents"
          reason={reason}
          plan={plan}
          returnTo="/home"
        />
        <ButtonLink href="/talents" variant="secondary">
          Browse talents
        </ButtonLink>
      </div>
    </Card>
  );
}

async function AdminHome({ actor }: { actor: Actor }) {
  const db = getDb();
  const [reports, flagged, unread] = await Promise.all([
    countRecentReports(db, actor, REPORT_WINDOW_DAYS),
    listSenderOversight(db, actor, { flaggedOnly: true }),
    getUnreadTotal(db, actor),
  ]);
  return (
    <Items label="What needs you now">
      <Item
        title={`Reported conversations, last ${REPORT_WINDOW_DAYS} days`}
        figure={String(reports)}
        href="/admin/reports"
        action="Review reports"
        testId="home-reports"
      >
        {reports ? null : "No one has reported a conversation lately."}
      </Item>
      <Item
        title="Flagged senders"
        figure={String(flagged.length)}
        href="/admin/contact-requests?flagged=1"
        action="Review flagged senders"
        testId="home-flagged"
      >
        {flagged.length
          ? `Most active: ${flagged
              .slice(0, 3)
              .map((sender) => sender.name)
              .join(", ")}.`
          : "No sender has a low acceptance rate."}
      </Item>
      <Item
        title="Unread messages"
        figure={String(unread)}
        href="/messages"
        action={unread ? "Read them" : "Open your messages"}
        testId="home-unread"
      >
        {unread ? null : "You are up to date."}
      </Item>
    </Items>
  );
}
