import { z } from "zod";
import { defineNotification } from "../definition";
import { renderNotificationEmail } from "../emails/notification-email";
import { formatDayMonth } from "@/lib/dates";

/** What became of a request, written onto the talent's notification of it when the request leaves PENDING. */
export const contactRequestOutcome = z.object({
  status: z.enum(["approved", "declined", "withdrawn", "expired"]),
  at: z.iso.datetime(),
});
export type ContactRequestOutcome = z.infer<typeof contactRequestOutcome>;

const payload = z.object({
  requestId: z.uuid(),
  projectTitle: z.string(),
  otherName: z.string(),
  outcome: contactRequestOutcome.optional(),
});
type Payload = z.infer<typeof payload>;

/**
 * How the talent's notification of a request reads once the request was
 * answered, withdrawn or expired; null while it is still pending.
 */
function resolvedView(p: Payload): { title: string; body: string; link: string } | null {
  if (!p.outcome) return null;
  const on = formatDayMonth(p.outcome.at, "UTC");
  const link = `/contact-requests/${p.requestId}`;
  const project = `"${p.projectTitle}"`;
  switch (p.outcome.status) {
    case "approved":
      return {
        title: `You approved ${p.otherName}'s request on ${on}`,
        body: `For ${project}. They see the details you chose to share.`,
        link,
      };
    case "declined":
      return {
        title: `You declined ${p.otherName}'s request on ${on}`,
        body: `For ${project}. Your details stay private.`,
        link,
      };
    case "withdrawn":
      return {
        title: `${p.otherName} withdrew their request`,
        body: `For ${project}, on ${on}. Nothing more to do.`,
        link,
      };
    case "expired":
      return { title: "This request expired", body: `${p.otherName}'s request for ${project} expired on ${on}.`, link };
  }
}

/** A new request, to the talent. */
export const contactRequestReceived = defineNotification({
  type: "contact_request.received",
  category: "contact_requests",
  payload,
  inApp: (p) =>
    resolvedView(p) ?? {
      title: `${p.otherName} asks for your contact details`,
      body: `For "${p.projectTitle}". Approve or decline.`,
      link: `/contact-requests/${p.requestId}`,
    },
  email: ([p], context) =>
    renderNotificationEmail(context, {
      subject: `${p!.otherName} asks for your contact details`,
      preview: `For "${p!.projectTitle}". Your details stay private until you approve.`,
      intro: `${p!.otherName} sent you a contact request for "${p!.projectTitle}". Your details stay private until you approve, and you choose what to share.`,
      action: { label: "Review the request", url: `${context.appUrl}/contact-requests/${p!.requestId}` },
    }),
});

/** The talent approved, to the sender. */
export const contactRequestApproved = defineNotification({
  type: "contact_request.approved",
  category: "contact_requests",
  payload,
  inApp: (p) => ({
    title: `${p.otherName} approved your request`,
    body: `Their contact details for "${p.projectTitle}" are on the request.`,
    link: `/contact-requests/${p.requestId}`,
  }),
  email: ([p], context) =>
    renderNotificationEmail(context, {
      subject: `${p!.otherName} approved your contact request`,
      preview: `For "${p!.projectTitle}". The details they chose to share are on the request page.`,
      intro: `${p!.otherName} approved your request for "${p!.projectTitle}". The details they chose to share are on the request page.`,
      action: { label: "See the details", url: `${context.appUrl}/contact-requests/${p!.requestId}` },
    }),
});

/** The talent declined, to the sender. */
export const contactRequestDeclined = defineNotification({
  type: "contact_request.declined",
  category: "contact_requests",
  payload,
  inApp: (p) => ({
    title: `${p.otherName} declined your request`,
    body: `For "${p.projectTitle}".`,
    link: `/contact-requests/${p.requestId}`,
  }),
  email: ([p], context) =>
    renderNotificationEmail(context, {
      subject: `${p!.otherName} declined your contact request`,
      preview: `For "${p!.projectTitle}".`,
      intro: `${p!.otherName} declined your request for "${p!.projectTitle}".`,
      action: { label: "See your requests", url: `${context.appUrl}/contact-requests/${p!.requestId}` },
    }),
});

/** A pending request expires in 48 hours, to the talent. */
export const contactRequestExpiringSoon = defineNotification({
  type: "contact_request.expiring_soon",
  category: "contact_requests",
  payload,
  inApp: (p) =>
    resolvedView(p) ?? {
      title: `A request from ${p.otherName} expires soon`,
      body: `"${p.projectTitle}" expires in about two days.`,
      link: `/contact-requests/${p.requestId}`,
    },
  email: ([p], context) =>
    renderNotificationEmail(context, {
      subject: `A contact request from ${p!.otherName} expires soon`,
      preview: `"${p!.projectTitle}" expires in about two days. Approve or decline it before then.`,
      intro: `The request from ${p!.otherName} for "${p!.projectTitle}" expires in about two days. Approve or decline it before then.`,
      action: { label: "Review the request", url: `${context.appUrl}/contact-requests/${p!.requestId}` },
    }),
});

/** A pending request expired, to the sender. */
export const contactRequestExpired = defineNotification({
  type: "contact_request.expired",
  category: "contact_requests",
  payload,
  inApp: (p) => ({
    title: `Your request to ${p.otherName} expired`,
    body: `"${p.projectTitle}" got no answer in time.`,
    link: `/contact-requests/${p.requestId}`,
  }),
  email: ([p], context) =>
    renderNotificationEmail(context, {
      subject: `Your contact request to ${p!.otherName} expired`,
      preview: `Your request for "${p!.projectTitle}" got no answer in time.`,
      intro: `Your request to ${p!.otherName} for "${p!.projectTitle}" expired without an answer.`,
      action: { label: "See your requests", url: `${context.appUrl}/contact-requests/${p!.requestId}` },
    }),
});
