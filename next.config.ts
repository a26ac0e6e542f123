import type { NextConfig } from "next";
import { maxRequestBytes } from "./lib/import/limits";

const nextConfig: NextConfig = {
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql", "@prisma/adapter-pg", "pg", "eld"],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
  experimental: {
    // The proxy buffers request bodies and silently cut them at 10 MB whatever BITEXT_MAX_BYTES said.
    // One byte over the import limit: a body that large is refused (413) by proxy.ts or the route, never truncated.
    proxyClientMaxBodySize: maxRequestBytes() + 1,
  },
};

export default nextConfig;
