import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/** The web app, built into dist/web, which `koers serve` serves at `/`. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
  },
});
