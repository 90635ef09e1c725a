import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionResult } from "@/components/ui/action-result";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { requireActor } from "@/modules/access/actor";
import { RespondPanel, RevokeButton, WithdrawButton } from "@/modules/contact-requests/components/request-controls";
import { SharedDetails } from "@/modules/contact-requests/components/shared-details";
import { declineReasonLabels, productionTypeLabels } from "@/modules/contact-requests/inputs";
import { recordRevealView } from "@/modules/contact-requests/mutations";
import { getRequestView, getSenderStats, listRevealViews, type RequestView } from "@/modules/contact-requests/queries";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Contact request" };

/** What became of a request, in words for the side reading it; null while it waits for an answer. */
function outcomeOf(request: RequestView): string | null {
  const isTalent = request.side === "talent";
  const fields = request.sharedFields.join(", ");
  switch (request.status) {
    case "PENDING":
      return null;
    case "APPROVED":
      if (request.isRevoked)
        return isTalent
          ? "You revoked access to your details."
          : `${request.otherName} revoked access to their details.`;
      return isTalent
        ? `You approved this request and shared: ${fields || "nothing"}.`
        : `${request.otherName} approved your request.`;
    case "DECLINED":
      return isTalent ? "You declined this request." : `${request.otherName} declined your request.`;
    case "WITHDRAWN":
      return isTalent ? `${request.otherName} withdrew this request.` : "You withdrew this request.";
    case "EXPIRED":
      return "This request expired without an answer.";
  }
}

const statusTone = {
  PENDING: "warning",
  APPROVED: "success",
  DECLINED: "danger",
  EXPIRED: "neutral",
  WITHDRAWN: "neutral",
} as const;

export default async function ContactRequestPage({ params }: { params: Promise<{ requestId: string }> }) {
  const actor = await requireActor();
  const { requestId } = await params;
  const db = getDb();
  const request = await getRequestView(db, actor, requestId);
  if (!request) notFound();
  if (request.side === "sender" && request.revealed) await recordRevealView(db, actor, request.id);
  const views =
    request.side === "talent" && request.status === "APPROVED" ? await listRevealViews(db, actor, request.id) : [];
  const senderStats = request.side === "talent" ? await getSenderStats(db, actor, request.otherUserId) : null;
  const isTalent = request.side === "talent";
  const outcome = outcomeOf(request);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link
        href={isTalent ? "/contact-requests/received" : "/contact-requests/sent"}
        className="text-sm font-medium text-brand-700 hover:underline"
      >
        {isTalent ? "Requests you received" : "Requests you sent"}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold tracking-tight">{request.projectTitle}</h1>
        <Badge tone={statusTone[request.status]} data-testid="request-status">
          {request.isRevoked ? "Approval revoked" : request.status.toLowerCase()}
        </Badge>
      </div>
      <p className="text-sm text-stone-600">
        {isTalent ? (
          `From ${request.otherName}`
        ) : (
          <>
            To{" "}
            {request.talentProfileId ? (
              <Link href={`/talents/${request.talentProfileId}`} className="font-medium text-brand-700 hover:underline">
                {request.otherName}
              </Link>
            ) : (
              request.otherName
            )}
          </>
        )}
        , sent {formatDateTime(request.createdAt, actor.timeZone, { zone: true })}
        {request.status === "PENDING"
          ? `, expires ${formatDateTime(request.expiresAt, actor.timeZone, { zone: true })}`
          : ""}
      </p>
      {outcome ? (
        <ActionResult
          key={outcome}
          className="border border-stone-200 bg-stone-50 px-4 py-3 text-sm font-medium text-stone-800"
        >
          <p data-testid="request-outcome">{outcome}</p>
        </ActionResult>
      ) : null}
      {senderStats ? (
        <p className="text-sm text-stone-600" data-testid="sender-stats">
          {request.otherName} has sent {senderStats.sent} request{senderStats.sent === 1 ? "" : "s"} on Callback
          {senderStats.acceptanceRate === null
            ? "."
            : `; talents accepted ${senderStats.approved} of ${senderStats.answered} answered (${Math.round(senderStats.acceptanceRate * 100)}%).`}
        </p>
      ) : null}
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">Role</dt>
            <dd>{request.role}</dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">Production</dt>
            <dd>
              {productionTypeLabels[request.productionType as keyof typeof productionTypeLabels] ??
                request.productionType}
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">Dates</dt>
            <dd>
              {request.shootStart
                ? `${request.shootStart}${request.shootEnd && request.shootEnd !== request.shootStart ? ` to ${request.shootEnd}` : ""}`
                : "Not given"}
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">Location</dt>
            <dd>{request.location || "Not given"}</dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">Pay</dt>
            <dd>{request.isPaid ? `Paid: ${request.rate}` : "Unpaid"}</dd>
          </div>
        </dl>
        <p className="mt-4 whitespace-pre-wrap text-sm leading-6">{request.description}</p>
        {request.message ? (
          <p className="mt-3 whitespace-pre-wrap rounded-lg bg-stone-50 p-3 text-sm italic">{request.message}</p>
        ) : null}
        {request.status === "DECLINED" && isTalent && request.declineReason ? (
          <p className="mt-3 text-sm text-stone-600">
            You declined: {declineReasonLabels[request.declineReason as keyof typeof declineReasonLabels]}.
          </p>
        ) : null}
      </Card>
      {isTalent && request.status === "PENDING" ? (
        <RespondPanel
          requestId={request.id}
          hasAgent={Boolean(
            request.revealed?.agentName || request.revealed?.agentEmail || request.revealed?.agentPhone,
          )}
        />
      ) : null}
      {!isTalent && request.status === "PENDING" ? <WithdrawButton requestId={request.id} /> : null}
      {!isTalent && request.revealed ? <SharedDetails details={request.revealed} /> : null}
      {isTalent && request.status === "APPROVED" && !request.isRevoked ? (
        <Card className="space-y-3">
          <h2 className="font-semibold">You shared: {request.sharedFields.join(", ")}</h2>
          <p className="text-sm text-stone-600">
            {views.length
              ? `Viewed ${views.length} time${views.length === 1 ? "" : "s"}, last on ${formatDateTime(views[0]!.viewedAt, actor.timeZone, { zone: true })}.`
              : "Not viewed yet."}
          </p>
          <RevokeButton requestId={request.id} />
        </Card>
      ) : null}
    </div>
  );
}
