import { deflateSync } from "node:zlib";
import { asc } from "drizzle-orm";
import { createTestPlatform, type TestPlatform } from "../../../app/testing.ts";
import { auditEvents } from "../../../core/audit/schema.ts";
import type { TestClient, TestResponse } from "../../../core/testing/http-client.ts";
import { newTotpSecret } from "../../accounts/index.ts";
import type { CreateOrganisationBody, Organisation } from "../contract.ts";
import { seedMembership } from "../index.ts";

/** Builders for the organisations tests: organisations with their people, through the API. */

/** A test platform; it remembers every 5xx answer so suites can assert there were none. */
export type WatchedPlatform = TestPlatform;
export const watchedPlatform = createTestPlatform;

export interface Person {
  client: TestClient;
  userId: string;
  email: string;
}

let sequence = 0;
export function uniqueName(label: string): string {
  sequence += 1;
  return `${label} ${sequence}`;
}

export function uniqueEmail(label = "person"): string {
  sequence += 1;
  return `${label}.${sequence}.${Date.now().toString(36)}@example.com`;
}

/** A platform admin whose session passed the second factor. */
export function platformAdmin(platform: TestPlatform): Promise<Person> {
  return platform.signedIn({ platformRoles: ["admin"], totpSecret: newTotpSecret() });
}

export async function cityIdOf(platform: TestPlatform, name: string): Promise<string> {
  const response = await platform
    .client()
    .get<{ cities: Array<{ id: string; name: string }> }>("/api/v1/cities");
  const city = response.body.cities.find((candidate) => candidate.name === name);
  if (!city) throw new Error(`no city named ${name}`);
  return city.id;
}

export function createOrganisation(
  client: TestClient,
  body: Partial<CreateOrganisationBody> & { kind: CreateOrganisationBody["kind"] },
): Promise<TestResponse<Organisation & { code?: string; errors?: Array<{ field: string }> }>> {
  return client.post("/api/v1/organisations", {
    name: uniqueName(`Test ${body.kind}`),
    country: "FR",
    ...body,
  });
}

/** An organisation created through the API by a fresh person, who is its admin. */
export async function organisationWithAdmin(
  platform: TestPlatform,
  body: Partial<CreateOrganisationBody> & { kind: CreateOrganisationBody["kind"] },
): Promise<{ organisation: Organisation; admin: Person }> {
  const admin = await platform.signedIn();
  const response = await createOrganisation(admin.client, body);
  if (response.status !== 201) {
    throw new Error(`organisation not created: ${JSON.stringify(response.body)}`);
  }
  return { organisation: response.body, admin };
}

/** A fresh signed-in person who belongs to the organisation with the given role. */
export async function memberOf(
  platform: TestPlatform,
  organisationId: string,
  role: "member" | "admin" = "member",
): Promise<Person> {
  const person = await platform.signedIn();
  await seedMembership(platform.ctx, organisationId, person.userId, role);
  return person;
}

/** Invites an address as the organisation's admin and returns the token of the mailed link. */
export async function invite(
  platform: TestPlatform,
  inviter: TestClient,
  organisationId: string,
  email: string,
  role: "member" | "admin" = "member",
): Promise<{ id: string; token: string }> {
  const response = await inviter.post<{ id: string }>(
    `/api/v1/organisations/${organisationId}/invitations`,
    { email, role },
  );
  if (response.status !== 201) {
    throw new Error(`invitation not sent: ${response.status} ${JSON.stringify(response.body)}`);
  }
  await platform.runJobs();
  return { id: response.body.id, token: platform.mailer.tokenFor(email) };
}

export interface AuditRecord {
  action: string;
  actorId: string | null;
  subjectId: string;
  payload: Record<string, unknown>;
}

export async function auditTrail(platform: TestPlatform): Promise<AuditRecord[]> {
  const rows = await platform.database.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
  return rows.map((row) => ({
    action: row.action,
    actorId: row.actorId,
    subjectId: row.subjectId,
    payload: row.payload,
  }));
}

export async function auditMark(platform: TestPlatform): Promise<number> {
  return (await auditTrail(platform)).length;
}

export async function auditSince(platform: TestPlatform, mark: number): Promise<AuditRecord[]> {
  return (await auditTrail(platform)).slice(mark);
}

// Images, recognised by their first bytes.

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A valid one-pixel PNG. */
export function tinyPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.from([0, 0x2e, 0x7d, 0x32, 0xff]))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The start of a JPEG (JFIF) file. */
export function jpegBytes(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from("JFIF\0", "latin1"),
    Buffer.alloc(64, 0x11),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** The start of a WebP file. */
export function webpBytes(): Buffer {
  const payload = Buffer.concat([Buffer.from("WEBPVP8 ", "latin1"), Buffer.alloc(32, 0x22)]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(payload.length);
  return Buffer.concat([Buffer.from("RIFF", "latin1"), size, payload]);
}

export function uploadLogo(
  client: TestClient,
  organisationId: string,
  bytes: Buffer,
  contentType: string,
) {
  return client.request("PUT", `/api/v1/organisations/${organisationId}/logo`, {
    rawBody: bytes,
    headers: { "content-type": contentType },
  });
}
