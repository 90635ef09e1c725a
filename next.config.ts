import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  // prom-client is shared with the production server in the same process (one metrics registry).
  serverExternalPackages: ["@electric-sql/pglite", "pino", "pino-pretty", "prom-client"],
  poweredByHeader: false,
  experimental: {
    // Photos are uploaded up to 10 MB; the request proxy must pass the whole body on.
    proxyClientMaxBodySize: "11mb",
  },
};

export default nextConfig;
