// @ts-check
// The request-size limit mirrors lib/import/limits.ts maxRequestBytes (a .js config cannot import
// TypeScript); tests/lib/import/limits.test.ts keeps the two equal.
const side = Number(process.env.BITEXT_MAX_BYTES) > 0 ? Math.floor(Number(process.env.BITEXT_MAX_BYTES)) : 5 * 1024 * 1024;
const maxRequestBytes = 2 * side + 1024 * 1024;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql", "@prisma/adapter-pg", "pg", "eld"],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
  experimental: {
    // The proxy buffers request bodies and silently cut them at 10 MB whatever BITEXT_MAX_BYTES said.
    // One byte over the import limit: a body that large is refused (413) by proxy.ts or the route, never truncated.
    proxyClientMaxBodySize: maxRequestBytes + 1,
  },
  // Static files bypass proxy.ts, which sets these (and the CSP) on everything else.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }, { key: "X-Frame-Options", value: "DENY" }] }];
  },
};

export default nextConfig;
