import {
  type DocumentType,
  safeFilename as safeName,
  sniffDocumentType,
} from "../../core/files/documents.ts";

/** What a proposal may attach: the documents core/files/documents.ts recognises by content. */
export type ProposalFileType = DocumentType;

export const sniffProposalFile = sniffDocumentType;

/** Keeps the name readable and harmless in a Content-Disposition header. */
export const safeFilename = (name: string) => safeName(name, "attachment");
