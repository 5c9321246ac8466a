import { describe, expect, it } from "vitest";
import { safeFilename, sniffAttachmentType } from "./commands/attachments.ts";

/** A zip's first local file header naming its first entry, as Office files start. */
function zipStartingWith(entry: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(entry.length, 26);
  return Buffer.concat([header, Buffer.from(entry, "latin1"), Buffer.alloc(64)]);
}

describe("attachment types, recognised by content", () => {
  it("tells documents, images and text apart whatever they are called", () => {
    expect(sniffAttachmentType(Buffer.from("%PDF-1.7\n"), "x.png")).toBe("application/pdf");
    expect(sniffAttachmentType(zipStartingWith("word/document.xml"), "a.bin")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(sniffAttachmentType(zipStartingWith("xl/workbook.xml"), "a.bin")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(sniffAttachmentType(zipStartingWith("[Content_Types].xml"), "budget.xlsx")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(sniffAttachmentType(Buffer.from("metric;target\nCO2;1000\n"), "kpis.CSV")).toBe(
      "text/csv",
    );
    expect(sniffAttachmentType(Buffer.from("Æblegrød og ønsker\n"), "notes.txt")).toBe(
      "text/plain",
    );
  });

  it("refuses other zips, executables and binary noise", () => {
    expect(sniffAttachmentType(zipStartingWith("payload.exe"), "a.docx")).toBeNull();
    expect(sniffAttachmentType(Buffer.from([0x4d, 0x5a, 0x90, 0x00]), "a.pdf")).toBeNull();
    expect(sniffAttachmentType(Buffer.from([0xc3, 0x28, 0x41]), "a.txt")).toBeNull();
    expect(sniffAttachmentType(Buffer.alloc(0), "empty.txt")).toBeNull();
  });

  it("keeps file names harmless in headers", () => {
    expect(safeFilename('../../etc/pass"wd\r\n.pdf')).toBe(".._.._etc_passwd.pdf");
    expect(safeFilename("   ")).toBe("attachment");
  });
});
