/**
 * The security headers every answer carries, and the page's Content Security
 * Policy. Scripts run only from this site and only with the per-request nonce
 * the request proxy makes ('strict-dynamic' lets those scripts load the app's
 * own chunks); nothing may frame the site; forms post only here (and to Stripe
 * Checkout, which billing hands people to).
 */
export const NONCE_HEADER = "x-nonce";

export type PolicyOptions = {
  nonce: string;
  production: boolean;
  https: boolean;
  /** Origins media may also come from: a configured media origin (CDN) and the object store's presigned links. */
  mediaSources?: string[];
};

export function contentSecurityPolicy({ nonce, production, https, mediaSources = [] }: PolicyOptions): string {
  const media = mediaSources.length ? ` ${mediaSources.join(" ")}` : "";
  const directives = [
    "default-src 'self'",
    // Development needs eval for React's debugging and fast refresh; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    // Style attributes (chart bars, progress) cannot carry a nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${media}`,
    "font-src 'self'",
    "connect-src 'self'",
    `media-src 'self'${media}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' https://checkout.stripe.com",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * The origins media is served from besides this one: MEDIA_ORIGIN, and with
 * object storage the bucket's own host, which presigned links point at.
 */
export function mediaSourcesFrom(settings: {
  MEDIA_ORIGIN?: string;
  STORAGE_DRIVER: "disk" | "s3";
  S3_BUCKET?: string;
  S3_REGION: string;
  S3_ENDPOINT?: string;
  S3_FORCE_PATH_STYLE: "true" | "false";
}): string[] {
  const sources = new Set<string>();
  if (settings.MEDIA_ORIGIN) sources.add(new URL(settings.MEDIA_ORIGIN).origin);
  if (settings.STORAGE_DRIVER === "s3" && settings.S3_BUCKET) {
    const endpoint = new URL(settings.S3_ENDPOINT ?? `https://s3.${settings.S3_REGION}.amazonaws.com`);
    sources.add(
      settings.S3_FORCE_PATH_STYLE === "true"
        ? endpoint.origin
        : `${endpoint.protocol}//${settings.S3_BUCKET}.${endpoint.host}`,
    );
  }
  return [...sources];
}

/** Headers that go on every answer, pages and API alike. */
export function securityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
