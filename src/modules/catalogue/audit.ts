import { defineAuditLog } from "../../core/audit/log.ts";

export interface SolutionAuditEvents extends Record<string, Record<string, unknown>> {
  "solution.created": { providerId: string; title: string; version: number };
  "solution.updated": {
    providerId: string;
    version: number;
    fields: string[];
    /** Uploaded images the edit took out of the media list, deleted with it. */
    removedFiles?: string[];
  };
  "solution.media_added": {
    providerId: string;
    version: number;
    fileId: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    alt: string;
  };
  "solution.media_removed": { providerId: string; version: number; fileId: string };
  "solution.archived": { providerId: string; version: number };
}

export interface CapabilityAuditEvents extends Record<string, Record<string, unknown>> {
  "capability.created": { parent: string | null; labels: Record<string, string> };
  "capability.synonyms_added": { locale: string; synonyms: string[] };
}

export interface PortfolioAuditEvents extends Record<string, Record<string, unknown>> {
  "portfolio.created": { clusterId: string; title: string };
  "portfolio.updated": { fields: string[] };
  "portfolio.deleted": { clusterId: string; title: string };
  "portfolio.item_added": { solutionId: string };
  "portfolio.item_removed": { solutionId: string };
  "portfolio.shared": { organisationId: string };
  "portfolio.unshared": { organisationId: string };
}

export const recordSolutionEvent = defineAuditLog<SolutionAuditEvents>("solution");
export const recordCapabilityEvent = defineAuditLog<CapabilityAuditEvents>("capability");
export const recordPortfolioEvent = defineAuditLog<PortfolioAuditEvents>("portfolio");
