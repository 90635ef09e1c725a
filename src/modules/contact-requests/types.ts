import type { RequestStatus } from "./policies";

// What the contact-requests module returns that pages and other modules' screens show.

export type DailyRequestActivity = {
  /** Requests sent per UTC day. */
  sent: { day: string; count: number }[];
  /** Requests that left PENDING per UTC day, by the status they reached, with the seconds the answered ones waited. */
  closed: { day: string; status: RequestStatus; count: number; answerSeconds: number }[];
  /** Per sender and UTC day: requests sent, requests answered by the talent and the seconds those waited. */
  bySender: { day: string; senderId: string; sent: number; answered: number; answerSeconds: number }[];
};

export type RequestMetrics = {
  byStatus: Record<RequestStatus, number>;
  total: number;
  acceptanceRate: number | null;
  medianAnswerSeconds: number | null;
};

export type RequestActivity = {
  at: Date;
  requestId: string;
  projectTitle: string;
  status: RequestStatus;
  isNew: boolean;
  side: "sent" | "received";
  otherName: string;
};

/** Why a new request would be refused now, and the pending request to open instead, if there is one. */
export type RequestBlock = { message: string; pendingRequestId: string | null };

/** What the new-request forms know before anything is filled in. */
export type RequestPrecheck = {
  /** The actor's quota is used up (this month or today): no request can go to anyone. */
  quotaBlock: RequestBlock | null;
  /** What is left, by the tighter limit; null for an account without a quota. */
  remainingNote: string | null;
  /** Per talent profile asked about, why a request to that talent would be refused now (absent: it would not). */
  talentBlocks: Record<string, RequestBlock>;
};
