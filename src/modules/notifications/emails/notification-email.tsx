import type { EmailContext, RenderedEmail } from "../email";
import { ActionButton, EmailLayout, FooterText, InlineLink, Paragraph, Quote } from "./layout";
import { renderEmail } from "./render";

/** What a notification's email says: each notification type fills this in (types/). */
export type NotificationEmailContent = {
  subject: string;
  /** The inbox preview line: what the email is about, in a sentence. */
  preview: string;
  intro: string;
  /** Someone else's words, quoted as they wrote them (new messages). */
  quotes?: string[];
  action?: { label: string; url: string };
};

/** The footer of every notification email: why it came, the settings, and the unsubscribe link. */
export function NotificationFooter({ context }: { context: EmailContext }) {
  return (
    <>
      <FooterText>
        You receive this email because of your{" "}
        <InlineLink href={context.preferencesUrl}>notification settings</InlineLink> on Callback.
      </FooterText>
      <FooterText>
        <InlineLink href={context.unsubscribeUrl}>Unsubscribe from these emails</InlineLink>
      </FooterText>
    </>
  );
}

export function NotificationEmail({ context, content }: { context: EmailContext; content: NotificationEmailContent }) {
  return (
    <EmailLayout
      title={content.subject}
      preview={content.preview}
      appUrl={context.appUrl}
      footer={<NotificationFooter context={context} />}
    >
      <Paragraph>Hello {context.recipientName},</Paragraph>
      <Paragraph>{content.intro}</Paragraph>
      {(content.quotes ?? []).map((text, index) => (
        <Quote key={index} text={text} />
      ))}
      {content.action ? <ActionButton href={content.action.url}>{content.action.label}</ActionButton> : null}
    </EmailLayout>
  );
}

export function renderNotificationEmail(context: EmailContext, content: NotificationEmailContent): RenderedEmail {
  return renderEmail(content.subject, <NotificationEmail context={context} content={content} />);
}
