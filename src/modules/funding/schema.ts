import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { userForeignKey } from "../accounts/index.ts";

export const instruments = ["grant", "loan", "guarantee", "equity", "prize", "ppp"] as const;

/**
 * A funding source: a call, loan facility or prize that a funder organisation (or a platform
 * admin on its behalf) describes, with the eligibility rules the finder checks. The funder is an
 * organisation of the organisations module; no foreign key across modules.
 */
export const fundingSources = pgTable(
  "funding_sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    funderId: uuid("funder_id").notNull(),
    title: text("title").notNull(),
    programme: text("programme").notNull(),
    instrument: text("instrument", { enum: instruments }).notNull(),
    summary: text("summary").notNull().default(""),
    /** Minor units of `currency`; either bound may be open. */
    minAmountMinor: bigint("min_amount_minor", { mode: "number" }),
    maxAmountMinor: bigint("max_amount_minor", { mode: "number" }),
    currency: text("currency").notNull(),
    /** Percentage of eligible costs the source pays (null: not stated). */
    coFinancingRate: doublePrecision("co_financing_rate"),
    eligibleKinds: jsonb("eligible_kinds").$type<string[]>().notNull().default([]),
    /** ISO 3166-1 alpha-2 codes; empty with no regions means anywhere. */
    eligibleCountries: jsonb("eligible_countries").$type<string[]>().notNull().default([]),
    /** Region names as the city list has them ("Europe"). */
    eligibleRegions: jsonb("eligible_regions").$type<string[]>().notNull().default([]),
    sectors: jsonb("sectors").$type<string[]>().notNull().default([]),
    minTrl: integer("min_trl"),
    maxTrl: integer("max_trl"),
    opensOn: date("opens_on", { mode: "string" }),
    /** Null: rolling (applications any time). */
    closesOn: date("closes_on", { mode: "string" }),
    link: text("link"),
    minPartners: integer("min_partners"),
    minCountries: integer("min_countries"),
    /** Percentage of partners that must be small or medium-sized companies. */
    minSmallCompanyShare: doublePrecision("min_small_company_share"),
    createdBy: uuid("created_by").references(userForeignKey),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [
    index("funding_sources_funder_idx").on(table.funderId),
    index("funding_sources_closes_idx").on(table.closesOn),
  ],
);

/** A person following a source, to be reminded before it closes (once per closing date). */
export const fundingFollowers = pgTable(
  "funding_followers",
  {
    sourceId: uuid("source_id")
      .notNull()
      .references(() => fundingSources.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    /** The closing date a reminder was sent for, so a retried job never reminds twice. */
    remindedFor: date("reminded_for", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.sourceId, table.userId] }),
    index("funding_followers_user_idx").on(table.userId),
  ],
);

/** A city's challenge co-funded by a source, with the amount (for OCDS funders and budget). */
export const challengeCoFunding = pgTable(
  "challenge_co_funding",
  {
    challengeId: uuid("challenge_id").notNull(),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => fundingSources.id, { onDelete: "cascade" }),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    createdBy: uuid("created_by").references(userForeignKey),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.challengeId, table.sourceId] })],
);
