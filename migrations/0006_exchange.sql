CREATE TABLE "import_refs" (
	"kind" text NOT NULL,
	"scope" text NOT NULL,
	"ref" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "import_refs_kind_scope_ref_pk" PRIMARY KEY("kind","scope","ref")
);
--> statement-breakpoint
CREATE INDEX "import_refs_entity_idx" ON "import_refs" USING btree ("kind","entity_id");