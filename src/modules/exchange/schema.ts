import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const recordKinds = [
  "organisation",
  "solution",
  "challenge",
  "reference",
  "funding_source",
] as const;

/**
 * Which record an importer's ref names: re-importing the same ref updates that record instead
 * of adding another. Refs are per scope: "platform" (platform admins and the CLI) or
 * "cluster:<id>" (that cluster's admins), so two clusters may both call a solution "s1".
 * The ids point into other modules' tables (no foreign keys across modules).
 */
export const importRefs = pgTable(
  "import_refs",
  {
    kind: text("kind", { enum: recordKinds }).notNull(),
    scope: text("scope").notNull(),
    ref: text("ref").notNull(),
    entityId: uuid("entity_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.kind, table.scope, table.ref] }),
    index("import_refs_entity_idx").on(table.kind, table.entityId),
  ],
);
