CREATE TABLE "enforcement_conflicts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"credit_code" text NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_disclosures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"published_on" date NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_draws" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"status" text NOT NULL,
	"commitment" text NOT NULL,
	"nonce" text NOT NULL,
	"committed_at" timestamp with time zone NOT NULL,
	"drawn_at" text,
	"snapshot_hash" text,
	"seed" text,
	"snapshot" text,
	"result" jsonb,
	"cancel_reason" text,
	"cancelled_at" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "enforcement_inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"draw_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"credit_code" text NOT NULL,
	"target_name" text NOT NULL,
	"inspector_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"inspected_on" date,
	"ended_on" date,
	"findings" text DEFAULT '' NOT NULL,
	"result" text,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"publish_due" date,
	"published_on" date,
	"case_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"name" text NOT NULL,
	"legal_basis" text NOT NULL,
	"method" text NOT NULL,
	"subject" text NOT NULL,
	"ratio" numeric NOT NULL,
	"kind" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_officers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"org_id" uuid,
	"name" text NOT NULL,
	"certificate_no" text NOT NULL,
	"issuing_body" text DEFAULT '' NOT NULL,
	"field" text DEFAULT '' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"status" text NOT NULL,
	"training" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"case_id" uuid,
	"renewal_for" date,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"item_ids" jsonb NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ratio" numeric NOT NULL,
	"frequency" text DEFAULT '' NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"org_id" uuid,
	"quantity" integer,
	"per_target" integer DEFAULT 2 NOT NULL,
	"stratify" text DEFAULT 'none' NOT NULL,
	"exclude_last_year" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"approved_on" date,
	"published_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"credit_code" text NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"risk" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_conflicts_uq" ON "enforcement_conflicts" USING btree ("officer_id","credit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_disclosures_uq" ON "enforcement_disclosures" USING btree ("department_id","kind","version");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_draws_seq_uq" ON "enforcement_draws" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE INDEX "enforcement_inspections_case_idx" ON "enforcement_inspections" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "enforcement_inspections_draw_idx" ON "enforcement_inspections" USING btree ("draw_id");--> statement-breakpoint
CREATE INDEX "enforcement_inspections_dept_idx" ON "enforcement_inspections" USING btree ("department_id","status");--> statement-breakpoint
CREATE INDEX "enforcement_items_dept_idx" ON "enforcement_items" USING btree ("department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_officers_cert_uq" ON "enforcement_officers" USING btree ("department_id","certificate_no");--> statement-breakpoint
CREATE INDEX "enforcement_officers_valid_idx" ON "enforcement_officers" USING btree ("department_id","valid_to");--> statement-breakpoint
CREATE INDEX "enforcement_plans_dept_idx" ON "enforcement_plans" USING btree ("department_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_targets_uq" ON "enforcement_targets" USING btree ("department_id","credit_code");