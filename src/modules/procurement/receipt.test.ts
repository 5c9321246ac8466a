import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalRevision, type RevisionContent, revisionSha256 } from "./receipt.ts";

/** The worked example of docs/procurement.md, figure for figure. */
describe("the receipt's canonical form", () => {
  const annex = Buffer.from("%PDF-1.4\n% annex\n%%EOF\n", "latin1");
  const example: RevisionContent = {
    proposalId: "5f0c3a52-8f2e-4c1b-9a57-3d2e1f6b7a10",
    challengeId: "0b9e6c1d-2a34-4f5e-8d7c-6b5a4e3d2c1b",
    revision: 1,
    submittedAt: new Date("2026-02-01T10:30:00.000Z"),
    sections: [
      { key: "team", text: "Hydrologists from Delft and Aarhus." },
      { key: "approach", text: "Sponge streets with smart valves." },
    ],
    price: { amountMinor: 125_000_000, currency: "EUR" },
    attachments: [
      {
        name: "annex.pdf",
        sha256: createHash("sha256").update(annex).digest("hex"),
        sizeBytes: annex.length,
      },
    ],
  };

  it("is the documented line, and its hash the documented one", () => {
    expect(annex.length).toBe(23);
    expect(example.attachments[0]!.sha256).toBe(
      "8f784d30e8daaa49f318f34385abd74a5d4342ab81f6969abe0f22829d474ff8",
    );
    expect(canonicalRevision(example)).toBe(
      '{"attachments":[{"name":"annex.pdf","sha256":"8f784d30e8daaa49f318f34385abd74a5d4342ab81f6969abe0f22829d474ff8","sizeBytes":23}],"challengeId":"0b9e6c1d-2a34-4f5e-8d7c-6b5a4e3d2c1b","format":"csp-proposal/1","price":{"amountMinor":125000000,"currency":"EUR"},"proposalId":"5f0c3a52-8f2e-4c1b-9a57-3d2e1f6b7a10","revision":1,"sections":[{"key":"approach","text":"Sponge streets with smart valves."},{"key":"team","text":"Hydrologists from Delft and Aarhus."}],"submittedAt":"2026-02-01T10:30:00.000Z"}',
    );
    expect(revisionSha256(example)).toBe(
      "deeef918a1f8e96feb7b7a250704ae5cc4728db9bb2bde61f127391aa3f02738",
    );
  });

  it("does not depend on the order sections and files come in, but on every byte of them", () => {
    const other = { name: "plan.png", sha256: "0".repeat(64), sizeBytes: 10 };
    const a = revisionSha256({ ...example, attachments: [...example.attachments, other] });
    const b = revisionSha256({ ...example, attachments: [other, ...example.attachments] });
    expect(a).toBe(b);
    const changed = (change: Partial<RevisionContent>) => revisionSha256({ ...example, ...change });
    const base = revisionSha256(example);
    expect(changed({ revision: 2 })).not.toBe(base);
    expect(changed({ submittedAt: new Date("2026-02-01T10:30:00.001Z") })).not.toBe(base);
    expect(changed({ price: { amountMinor: 125_000_001, currency: "EUR" } })).not.toBe(base);
    expect(
      changed({ sections: [{ key: "approach", text: "Sponge streets with smart valves!" }] }),
    ).not.toBe(base);
    expect(changed({ attachments: [{ ...example.attachments[0]!, name: "Annex.pdf" }] })).not.toBe(
      base,
    );
  });

  it("keeps non-ASCII text as UTF-8 and escapes only what JSON must", () => {
    expect(
      canonicalRevision({
        ...example,
        sections: [{ key: "approach", text: 'Østerbro "skybrud"\n\tplan' }],
        attachments: [],
      }),
    ).toContain('"text":"Østerbro \\"skybrud\\"\\n\\tplan"');
  });
});
