CREATE TABLE "penalty_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"case_no" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"party_kind" text NOT NULL,
	"party_name" text NOT NULL,
	"party_id_no" text DEFAULT '' NOT NULL,
	"party_address" text DEFAULT '' NOT NULL,
	"act_on" date,
	"discovered_on" date,
	"life_health_finance" boolean DEFAULT false NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"opened_on" date NOT NULL,
	"inspection_record_id" uuid,
	"officer_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"officer_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"handler_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"discretion_code" text,
	"notice" jsonb,
	"decision" jsonb,
	"decision_type" text,
	"decision_no" text,
	"decided_on" date,
	"fine_amount" numeric,
	"confiscation_amount" numeric,
	"penalty_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"delivered_on" date,
	"executed_on" date,
	"hearing_held" boolean DEFAULT false NOT NULL,
	"legal_checked" boolean DEFAULT false NOT NULL,
	"published_on" date,
	"publication_due_on" date,
	"public_summary" text,
	"revoked_on" date,
	"withdrawn_on" date,
	"withdrawal_reason" text,
	"closed_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "penalty_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"penalty_id" uuid NOT NULL,
	"event_seq" integer NOT NULL,
	"act" text NOT NULL,
	"kind" text NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"added_by" uuid,
	"audit_seq" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_cases_case_uq" ON "penalty_cases" USING btree ("case_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_cases_no_uq" ON "penalty_cases" USING btree ("department_id","case_no");
--> statement-breakpoint
CREATE INDEX "penalty_cases_dept_idx" ON "penalty_cases" USING btree ("department_id","opened_on");
--> statement-breakpoint
CREATE INDEX "penalty_cases_published_idx" ON "penalty_cases" USING btree ("department_id","published_on");
--> statement-breakpoint
CREATE INDEX "penalty_files_penalty_idx" ON "penalty_files" USING btree ("penalty_id","event_seq");
--> statement-breakpoint
CREATE INDEX "penalty_files_file_idx" ON "penalty_files" USING btree ("file_id");
--> statement-breakpoint
-- 全过程记录 (行政处罚法 Art 47) is append-only: a file attached to an act is never replaced or removed.
CREATE OR REPLACE FUNCTION fazhi_penalty_files_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'penalty_files is append-only (执法全过程记录只能追加，不能修改或删除)';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER penalty_files_append_only
  BEFORE UPDATE OR DELETE ON penalty_files
  FOR EACH ROW EXECUTE FUNCTION fazhi_penalty_files_append_only();
