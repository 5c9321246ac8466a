import { asc } from "drizzle-orm";
import { createTestPlatform, TEST_PASSWORD, type TestPlatform } from "../../../app/testing.ts";
import { auditEvents } from "../../../core/audit/schema.ts";
import type { TestClient, TestResponse } from "../../../core/testing/http-client.ts";
import { currentTotpCode, newTotpSecret } from "../index.ts";

/** Builders for the accounts tests: people in every state, through the API wherever possible. */

export { TEST_PASSWORD };

/** A password no check refuses, unrelated to any test address. */
export const STRONG_PASSWORD = "granite lantern orbit mosaic";

/** A test platform; it remembers every 5xx answer so suites can assert there were none. */
export type WatchedPlatform = TestPlatform;
export const watchedPlatform = createTestPlatform;

let sequence = 0;

/** A fresh address, unique in the run. */
export function uniqueEmail(label = "person"): string {
  sequence += 1;
  return `${label}.${sequence}.${Date.now().toString(36)}@example.net`;
}

/** A fresh client with its own client address, so per-IP limits of one test do not leak. */
export function clientAt(platform: TestPlatform, ip: string): TestClient {
  const client = platform.client();
  client.ip = ip;
  return client;
}

export function signUp(
  client: TestClient,
  body: { email: string; name?: string; password?: string; locale?: "en" | "fr" | "es" },
): Promise<TestResponse<{ status: string; code?: string; errors?: FieldError[] }>> {
  return client.post("/api/v1/accounts", {
    name: "Test Person",
    password: STRONG_PASSWORD,
    ...body,
  });
}

export interface FieldError {
  field: string;
  message: string;
}

export function signIn(
  client: TestClient,
  email: string,
  password = STRONG_PASSWORD,
): Promise<
  TestResponse<{
    status?: string;
    code?: string;
    session?: { csrfToken: string | null; pendingSecondFactor: boolean };
  }>
> {
  return client.post("/api/v1/session", { email, password });
}

/** Signs up through the API, follows the mailed link, and returns the e-mail. */
export async function signUpAndVerify(
  platform: TestPlatform,
  email = uniqueEmail(),
  password = STRONG_PASSWORD,
): Promise<string> {
  const client = clientAt(platform, "192.0.2.200");
  const response = await signUp(client, { email, password });
  if (response.status !== 202) throw new Error(`sign-up failed: ${JSON.stringify(response.body)}`);
  await platform.runJobs();
  const verified = await client.post("/api/v1/accounts/email-verification", {
    token: platform.mailer.tokenFor(email),
  });
  if (verified.status !== 200) throw new Error(`verification failed: ${verified.status}`);
  return email;
}

/** A platform admin whose session passed the second factor, so admin powers are in force. */
export async function platformAdmin(platform: TestPlatform) {
  const totpSecret = newTotpSecret();
  const admin = await platform.signedIn({ platformRoles: ["admin"], totpSecret });
  return { ...admin, totpSecret };
}

/** A code for the next time step (the previous one may already be spent). */
export function nextTotpCode(platform: TestPlatform, secret: string): string {
  platform.clock.advance(30_000);
  return currentTotpCode(secret, platform.clock.now());
}

export interface AuditRecord {
  action: string;
  actorId: string | null;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
}

/** The audit trail as written, oldest first. */
export async function auditTrail(platform: TestPlatform): Promise<AuditRecord[]> {
  const rows = await platform.database.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
  return rows.map((row) => ({
    action: row.action,
    actorId: row.actorId,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    payload: row.payload,
  }));
}

/** Audit events written since a mark taken with `auditMark`. */
export async function auditSince(platform: TestPlatform, mark: number): Promise<AuditRecord[]> {
  return (await auditTrail(platform)).slice(mark);
}

export async function auditMark(platform: TestPlatform): Promise<number> {
  return (await auditTrail(platform)).length;
}

/** How many mails have been handed to the mailer so far (after running due jobs). */
export async function mailCount(platform: TestPlatform): Promise<number> {
  await platform.runJobs();
  return platform.mailer.sent.length;
}
