/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests and benchmarks build into their own folder so they never clash with a running demo.
  distDir: process.env.RENKEI_DIST_DIR || ".next",
  // PGlite opens WASM + data files at run time and must not be bundled (recipe: stack/recipe.md).
  // react-pdf and the PDF renderer load fonts and the renderer file from disk by absolute path.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@react-pdf/renderer",
    "exceljs",
    "pg-boss",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  // Types are checked once by `npm test` (tsc --noEmit); skipping the duplicate check here
  // halves the build that `npm run demo` does on a fresh machine.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
