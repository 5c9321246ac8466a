import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { generateSigningKeyPem, signerFromPrivateKey } from "../../core/audit/signing-key.ts";
import { ManualClock } from "../../core/clock.ts";
import { loadConfig } from "../../core/config.ts";
import { createTestDatabase } from "../../core/testing/database.ts";
import { createPlatform, type Platform } from "../server.ts";

/**
 * The platform serving a web build of the test's own: `files` (path → content) are written to a
 * scratch folder used as the build. `close` stops it and removes the folder.
 */
export async function platformServingWeb(
  files: Record<string, string>,
): Promise<{ platform: Platform; close(): Promise<void> }> {
  const webRoot = mkdtempSync(join(tmpdir(), "csp-web-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(webRoot, path)), { recursive: true });
    writeFileSync(join(webRoot, path), content);
  }
  const database = await createTestDatabase();
  const platform = await createPlatform({
    config: loadConfig({ LOG_LEVEL: "silent", PUBLIC_URL: "http://csp.test" }),
    database,
    signer: signerFromPrivateKey(generateSigningKeyPem()),
    clock: new ManualClock(),
    serveWeb: true,
    webRoot,
  });
  await platform.app.ready();
  return {
    platform,
    async close() {
      await platform.app.close();
      await database.close();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}
