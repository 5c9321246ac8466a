import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The web app: src/app/index.html is the entry, the build lands in dist/web where the server
 * serves it. The CSP allows no inline script, so Vite must not inject its preload polyfill.
 */
export default defineConfig({
  root: fileURLToPath(new URL("./src/app", import.meta.url)),
  // Copied as is to dist/web: the icon and robots.txt, which the server serves at the root.
  publicDir: "public",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    modulePreload: { polyfill: false },
    // Assets go to files, never to data: URLs inside scripts or styles.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The libraries every page needs, in one long-cached chunk that app releases leave
          // alone. Map, QR and zod code stay out of it, in the chunks of the pages that use them.
          groups: [
            {
              name: "framework",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|html-parse-stringify|void-elements|cookie|set-cookie-parser)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      "/api": "http://localhost:3000",
      "/healthz": "http://localhost:3000",
    },
  },
});
