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
