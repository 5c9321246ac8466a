import { createPlatform } from "../src/app/server.ts";
import { generateSigningKeyPem, signerFromPrivateKey } from "../src/core/audit/signing-key.ts";
import { loadConfig } from "../src/core/config.ts";
import { openPglite } from "../src/core/db/client.ts";

/**
 * The OpenAPI document as the server generates it, in demo mode so the demo-only routes are
 * documented too. No database is touched: routes are registered, not called.
 */
export async function renderOpenApiDocument(): Promise<string> {
  const database = await openPglite();
  try {
    const platform = await createPlatform({
      config: loadConfig({ LOG_LEVEL: "silent", DEMO: "1", PUBLIC_URL: "http://localhost:3000" }),
      database,
      signer: signerFromPrivateKey(generateSigningKeyPem()),
      serveWeb: false,
    });
    await platform.app.ready();
    const document = platform.app.swagger();
    await platform.app.close();
    return `${JSON.stringify(document, null, 2)}\n`;
  } finally {
    await database.close();
  }
}
