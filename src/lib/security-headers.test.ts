import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, mediaSourcesFrom, newNonce, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("allows scripts only with this answer's nonce, and never eval in production", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123", production: true, https: true });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain("upgrade-insecure-requests");
  });

  it("lets development tools evaluate code, and does not upgrade a plain-HTTP site's requests", () => {
    const policy = contentSecurityPolicy({ nonce: "n", production: false, https: false });
    expect(policy).toContain("'unsafe-eval'");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("sends HSTS only for an HTTPS site", () => {
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ https: false })).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });

  it("lets media come from a configured media origin and the bucket's presigned links, and nowhere else", () => {
    const base = { STORAGE_DRIVER: "disk" as const, S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: "false" as const };
    expect(mediaSourcesFrom(base)).toEqual([]);
    expect(mediaSourcesFrom({ ...base, MEDIA_ORIGIN: "https://media.callback.example/path" })).toEqual([
      "https://media.callback.example",
    ]);
    expect(mediaSourcesFrom({ ...base, STORAGE_DRIVER: "s3", S3_BUCKET: "reels", S3_REGION: "eu-west-2" })).toEqual([
      "https://reels.s3.eu-west-2.amazonaws.com",
    ]);
    expect(
      mediaSourcesFrom({
        ...base,
        STORAGE_DRIVER: "s3",
        S3_BUCKET: "reels",
        S3_ENDPOINT: "http://127.0.0.1:9000",
        S3_FORCE_PATH_STYLE: "true",
      }),
    ).toEqual(["http://127.0.0.1:9000"]);
    const policy = contentSecurityPolicy({
      nonce: "n",
      production: true,
      https: true,
      mediaSources: ["https://cdn.example"],
    });
    expect(policy).toContain("media-src 'self' https://cdn.example");
    expect(policy).toContain("img-src 'self' data: blob: https://cdn.example");
    expect(contentSecurityPolicy({ nonce: "n", production: true, https: true })).toContain("media-src 'self';");
  });
});
