// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql", "@prisma/adapter-pg", "pg", "eld"],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
  // Static files bypass proxy.ts, which sets these (and the CSP) on everything else.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }, { key: "X-Frame-Options", value: "DENY" }] }];
  },
};

export default nextConfig;
