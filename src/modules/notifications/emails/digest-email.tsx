import type { EmailContext, RenderedEmail } from "../email";
import { ActionButton, EmailLayout, InlineLink, Paragraph } from "./layout";
import { NotificationFooter } from "./notification-email";
import { renderEmail } from "./render";

/** One update in the digest, linked to the page where it is handled. */
export type DigestItem = { title: string; body: string; url: string };

/** A notification as the app shows it, as a digest item: its link made absolute on the app's address. */
export function digestItemOf(view: { title: string; body: string; link: string }, appUrl: string): DigestItem {
  return { title: view.title, body: view.body, url: `${appUrl}${view.link}` };
}

export function DigestEmail({
  context,
  items,
  subject,
}: {
  context: EmailContext;
  items: DigestItem[];
  subject: string;
}) {
  return (
    <EmailLayout
      title={subject}
      preview={items.map((item) => item.title).join("; ")}
      appUrl={context.appUrl}
      footer={<NotificationFooter context={context} />}
    >
      <Paragraph>Hello {context.recipientName},</Paragraph>
      <Paragraph>Here is what happened on Callback since your last digest:</Paragraph>
      {items.map((item, index) => (
        <Paragraph key={index}>
          <InlineLink href={item.url}>
            <strong>{item.title}</strong>
          </InlineLink>
          <br />
          {item.body}
        </Paragraph>
      ))}
      <ActionButton href={`${context.appUrl}/notifications`}>See all notifications</ActionButton>
    </EmailLayout>
  );
}

/** The daily digest: every update since the last one, each linked to where it is handled. */
export function renderDigestEmail(context: EmailContext, items: DigestItem[]): RenderedEmail {
  const subject = `Your Callback digest: ${items.length} update${items.length === 1 ? "" : "s"}`;
  return renderEmail(subject, <DigestEmail context={context} items={items} subject={subject} />);
}
