import "server-only";
import nodemailer from "nodemailer";
import type { Db } from "@/db";
import { devMailbox } from "@/db/schema/notifications";
import { getEnv } from "@/lib/env";

/**
 * An email ready to go; `unsubscribeUrl` is the one-click (POST) address for the List-Unsubscribe header,
 * absent on account email (a password reset) that no setting turns off.
 */
export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  unsubscribeUrl?: string;
};

/** Where email goes: an SMTP server, or the development mailbox. */
export interface MailTransport {
  send(email: OutgoingEmail): Promise<void>;
}

export class SmtpTransport implements MailTransport {
  private readonly transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport(url);
  }

  async send(email: OutgoingEmail) {
    await this.transporter.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      headers: email.unsubscribeUrl
        ? { "List-Unsubscribe": `<${email.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
        : {},
    });
  }
}

/** Keeps email in the database, viewable at /dev/mailbox, so nothing is silently dropped without SMTP. */
export class DevMailboxTransport implements MailTransport {
  constructor(private readonly db: Db) {}

  async send(email: OutgoingEmail) {
    await this.db
      .insert(devMailbox)
      .values({ to: email.to, subject: email.subject, text: email.text, html: email.html, messageId: email.messageId })
      .onConflictDoNothing();
  }
}

export function createMailTransport(db: Db): MailTransport {
  const env = getEnv();
  return env.SMTP_URL ? new SmtpTransport(env.SMTP_URL, env.EMAIL_FROM) : new DevMailboxTransport(db);
}
