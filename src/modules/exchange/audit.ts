import { defineAuditLog } from "../../core/audit/log.ts";

export interface ImportAuditEvents extends Record<string, Record<string, unknown>> {
  /** One per import that changed something; the records' own events are written beside it. */
  "import.completed": {
    format: "bundle" | "csv";
    scope: string;
    organisations: { created: number; updated: number; unchanged: number };
    solutions: { created: number; updated: number; unchanged: number };
    challenges: { created: number; updated: number; unchanged: number };
    references?: { created: number; updated: number; unchanged: number };
    fundingSources?: { created: number; updated: number; unchanged: number };
    affiliations: { created: number };
    sha256: string;
  };
}

/** The subject is the import itself (a fresh id per import). */
export const recordImportEvent = defineAuditLog<ImportAuditEvents>("import");
