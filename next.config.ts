import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  // prom-client is shared with the production server in the same process (one metrics registry).
  // @react-email/render is loaded from its package at run time for its plain-text conversion only: bundled, its
  // (unused) HTML renderer would pull react-dom/server into server layers that refuse it (decision record 022).
  serverExternalPackages: ["@electric-sql/pglite", "pino", "pino-pretty", "prom-client", "@react-email/render"],
  poweredByHeader: false,
  // The type check runs in CI and in `npm run typecheck`; the build does not repeat it (half a minute on two
  // cores at every first start).
  typescript: { ignoreBuildErrors: true },
  // The request proxy sets the full set of security headers (src/proxy.ts); the static files it
  // does not see still must never be sniffed into another type or embedded by other sites.
  async headers() {
    return [
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
        ],
      },
    ];
  },
  experimental: {
    // Photos are uploaded up to 10 MB; the request proxy must pass the whole body on.
    proxyClientMaxBodySize: "11mb",
  },
};

export default nextConfig;
