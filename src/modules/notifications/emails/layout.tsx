import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Html,
  Link,
  Preview,
  Row,
  Section,
  Text,
} from "@react-email/components";
import { Fragment, type CSSProperties, type ReactNode } from "react";

/*
 * The frame every Callback email shares. Written for the clients people read
 * mail in, not for a browser: tables for layout, inline styles, a web-safe
 * font on each block (Outlook on Windows falls back to Times New Roman
 * otherwise), a button whose padding Outlook keeps, a hidden preheader for the
 * inbox preview, and colours that read in light and dark mode - the light ones
 * inline, the dark ones in a media query for the clients that honour it (Apple
 * Mail, Outlook apps, Outlook.com through its data-ogsc/ogsb attributes);
 * clients that invert colours themselves get no pure black or white to invert
 * badly.
 */

const fontFamily = "Arial, Helvetica, sans-serif";

const light = {
  page: "#f5f5f4",
  card: "#ffffff",
  border: "#e7e5e4",
  text: "#292524",
  muted: "#57534e",
  accent: "#6d28d9",
  onAccent: "#ffffff",
  quote: "#f5f3ff",
  quoteBorder: "#c4b5fd",
};

const dark = {
  page: "#1c1917",
  card: "#292524",
  border: "#44403c",
  text: "#e7e5e4",
  muted: "#c7c2bd",
  link: "#c4b5fd",
  quote: "#312e3b",
  quoteBorder: "#7c3aed",
};

const darkModeCss = [
  ":root{color-scheme:light dark;supported-color-schemes:light dark}",
  `body.cb-page{background-color:${light.page}}`,
  "@media (prefers-color-scheme: dark){",
  `.cb-page{background-color:${dark.page}!important}`,
  `.cb-card{background-color:${dark.card}!important;border-color:${dark.border}!important}`,
  `.cb-text{color:${dark.text}!important}`,
  `.cb-muted{color:${dark.muted}!important}`,
  `.cb-link{color:${dark.link}!important}`,
  `.cb-quote{background-color:${dark.quote}!important;border-color:${dark.quoteBorder}!important}`,
  `.cb-rule{border-color:${dark.border}!important}`,
  "}",
  `[data-ogsb] .cb-page{background-color:${dark.page}!important}`,
  `[data-ogsb] .cb-card{background-color:${dark.card}!important}`,
  `[data-ogsb] .cb-quote{background-color:${dark.quote}!important}`,
  `[data-ogsc] .cb-text{color:${dark.text}!important}`,
  `[data-ogsc] .cb-muted{color:${dark.muted}!important}`,
  `[data-ogsc] .cb-link{color:${dark.link}!important}`,
].join("\n");

const textStyle: CSSProperties = {
  fontFamily,
  fontSize: "16px",
  lineHeight: "24px",
  color: light.text,
  margin: "0 0 16px",
};

const smallStyle: CSSProperties = {
  fontFamily,
  fontSize: "13px",
  lineHeight: "20px",
  color: light.muted,
  margin: "0 0 8px",
};

/** A paragraph of the email's body; `isHtmlOnly` leaves it out of the plain-text part. */
export function Paragraph({ children, isHtmlOnly = false }: { children: ReactNode; isHtmlOnly?: boolean }) {
  return (
    <Text className="cb-text" style={textStyle} data-skip-in-text={isHtmlOnly ? true : undefined}>
      {children}
    </Text>
  );
}

/** Someone's words (a message), kept apart from ours; line breaks kept. */
export function Quote({ text }: { text: string }) {
  const lines = text.split("\n");
  return (
    <blockquote
      className="cb-quote"
      style={{
        margin: "0 0 16px",
        padding: "8px 14px",
        backgroundColor: light.quote,
        borderLeft: `3px solid ${light.quoteBorder}`,
      }}
    >
      <Text className="cb-text" style={{ ...textStyle, margin: 0 }}>
        {lines.map((line, index) => (
          <Fragment key={index}>
            {index > 0 ? <br /> : null}
            {line}
          </Fragment>
        ))}
      </Text>
    </blockquote>
  );
}

/** The one thing to do next, as a button that keeps its padding in Outlook (padding plus mso spacing). */
export function ActionButton({ href, children }: { href: string; children: string }) {
  return (
    <Text style={{ ...textStyle, margin: "24px 0" }}>
      <Button
        href={href}
        style={{
          backgroundColor: light.accent,
          color: light.onAccent,
          fontFamily,
          fontSize: "16px",
          fontWeight: 700,
          borderRadius: "8px",
          padding: "12px 22px",
        }}
      >
        {children}
      </Button>
    </Text>
  );
}

/** A link inside text, in the accent colour. */
export function InlineLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="cb-link" style={{ color: light.accent, textDecoration: "underline" }}>
      {children}
    </Link>
  );
}

/** Small print under the rule: why this email came, and how to change that. */
export function FooterText({ children }: { children: ReactNode }) {
  return (
    <Text className="cb-muted" style={smallStyle}>
      {children}
    </Text>
  );
}

/**
 * The whole email: html lang, head (charset, viewport, colour schemes, the
 * dark-mode styles), the preheader, the card with the product's name, the body
 * and the footer.
 */
export function EmailLayout({
  title,
  preview,
  appUrl,
  footer,
  children,
}: {
  title: string;
  preview: string;
  appUrl: string;
  footer: ReactNode;
  children: ReactNode;
}) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <meta name="format-detection" content="telephone=no, date=no, address=no, email=no" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: darkModeCss }} />
      </Head>
      <Body className="cb-page" style={{ margin: 0 }}>
        <Preview>{preview.replace(/\s+/g, " ").trim()}</Preview>
        <Section className="cb-page" style={{ backgroundColor: light.page, padding: "24px 12px" }}>
          <Container
            className="cb-card"
            style={{
              backgroundColor: light.card,
              border: `1px solid ${light.border}`,
              borderRadius: "12px",
              maxWidth: "560px",
            }}
          >
            <Row>
              <Column style={{ padding: "28px 28px 8px" }}>
                <Text
                  style={{ ...textStyle, fontSize: "20px", lineHeight: "28px", fontWeight: 700, margin: "0 0 20px" }}
                  data-skip-in-text
                >
                  <Link href={appUrl} className="cb-link" style={{ color: light.accent, textDecoration: "none" }}>
                    Callback
                  </Link>
                </Text>
                {children}
              </Column>
            </Row>
            <Row>
              <Column className="cb-rule" style={{ padding: "16px 28px 20px", borderTop: `1px solid ${light.border}` }}>
                {footer}
              </Column>
            </Row>
          </Container>
        </Section>
      </Body>
    </Html>
  );
}
