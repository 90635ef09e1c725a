import type { RenderedEmail } from "../email";
import { ActionButton, EmailLayout, FooterText, InlineLink, Paragraph } from "./layout";
import { renderEmail } from "./render";

export type PasswordResetEmailInput = {
  appUrl: string;
  recipientName: string;
  resetUrl: string;
  minutes: number;
};

const SUBJECT = "Reset your Callback password";

export function PasswordResetEmail({ input }: { input: PasswordResetEmailInput }) {
  const validity = `The link works once, within ${input.minutes} minutes.`;
  return (
    <EmailLayout
      title={SUBJECT}
      preview={`Choose a new password for your Callback account. ${validity}`}
      appUrl={input.appUrl}
      footer={
        <FooterText>
          You receive this email because a password reset was asked for the Callback account of this address.
        </FooterText>
      }
    >
      <Paragraph>Hello {input.recipientName},</Paragraph>
      <Paragraph>
        Someone asked to reset the password of your Callback account. To choose a new password, open this link:
      </Paragraph>
      <ActionButton href={input.resetUrl}>Choose a new password</ActionButton>
      <Paragraph>{validity} Setting a new password signs your account out everywhere.</Paragraph>
      <Paragraph isHtmlOnly>
        If the button does not work, copy this address into your browser:{" "}
        <InlineLink href={input.resetUrl}>{input.resetUrl}</InlineLink>
      </Paragraph>
      <Paragraph>If you did not ask for this, ignore this email: your password stays as it is.</Paragraph>
    </EmailLayout>
  );
}

/** The reset email: the link, how long it works, and what to do if someone else asked. */
export function renderPasswordResetEmail(input: PasswordResetEmailInput): RenderedEmail {
  return renderEmail(SUBJECT, <PasswordResetEmail input={input} />);
}
