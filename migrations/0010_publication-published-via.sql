CREATE TABLE "decision_catalogue_adjustments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"reason" text NOT NULL,
	"approved_on" date NOT NULL,
	"approved_by" text NOT NULL,
	"changes" jsonb NOT NULL,
	"published_on" date NOT NULL,
	"publication_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_catalogue_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"undertaking_unit" text NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"planned_time" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"added_by_adjustment_id" uuid,
	"removed_by_adjustment_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_catalogues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"approved_on" date,
	"approved_by" text,
	"approval_ref" text,
	"published_on" date,
	"publication_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"decision_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"file_id" uuid,
	"file_name" text,
	"file_size" integer,
	"file_sha256" text,
	"mime" text,
	"case_event_seq" integer,
	"supersedes_id" uuid,
	"after_decision" boolean DEFAULT false NOT NULL,
	"note" text,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	"audit_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "major_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"catalogue_item_id" uuid,
	"outside_catalogue_reason" text,
	"proposer" text NOT NULL,
	"undertaking_unit" text NOT NULL,
	"problem" text NOT NULL,
	"basis" text NOT NULL,
	"initial_plan" text NOT NULL,
	"confidential" boolean NOT NULL,
	"technical" boolean NOT NULL,
	"risk_relevant" boolean NOT NULL,
	"concerns_market" boolean NOT NULL,
	"hearing_planned" boolean NOT NULL,
	"party_report_required" boolean NOT NULL,
	"draft_text" text DEFAULT '' NOT NULL,
	"draft_version" integer DEFAULT 0 NOT NULL,
	"revision_of" uuid,
	"decided_on" date,
	"published_on" date,
	"publication_id" uuid,
	"interpretation" text DEFAULT '' NOT NULL,
	"adoption_explanation" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid,
	"presenter" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"public_summary" text DEFAULT '' NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outcome" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"session_no" integer NOT NULL,
	"meeting_on" date NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"chair" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"attendees" text DEFAULT '' NOT NULL,
	"absentees" text DEFAULT '' NOT NULL,
	"public_attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"agenda_published_on" date,
	"held_recorded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_duty_statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"person_name" text NOT NULL,
	"position" text NOT NULL,
	"rank" text NOT NULL,
	"stated_on" date NOT NULL,
	"form" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "rule_of_law_report_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"content" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"frozen" jsonb,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "rule_of_law_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"case_id" uuid NOT NULL,
	"current_version_id" uuid NOT NULL,
	"approved_version_id" uuid,
	"published_version_id" uuid,
	"review" jsonb,
	"approval" jsonb,
	"submission" jsonb,
	"submitted_on" date,
	"published_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"speaker" text DEFAULT '' NOT NULL,
	"duration_minutes" integer NOT NULL,
	"attendees" integer NOT NULL,
	"led_by_head" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "shortened_reason" text;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "published_via" text;--> statement-breakpoint
CREATE UNIQUE INDEX "decision_catalogue_adjustments_seq_idx" ON "decision_catalogue_adjustments" USING btree ("catalogue_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_catalogue_items_seq_idx" ON "decision_catalogue_items" USING btree ("catalogue_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_catalogues_year_idx" ON "decision_catalogues" USING btree ("department_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_evidence_seq_idx" ON "decision_evidence" USING btree ("decision_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "major_decisions_case_idx" ON "major_decisions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "major_decisions_dept_idx" ON "major_decisions" USING btree ("department_id","year");--> statement-breakpoint
CREATE INDEX "major_decisions_item_idx" ON "major_decisions" USING btree ("catalogue_item_id");--> statement-breakpoint
CREATE INDEX "major_decisions_published_idx" ON "major_decisions" USING btree ("published_on");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_agenda_items_seq_idx" ON "meeting_agenda_items" USING btree ("meeting_id","seq");--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_subject_idx" ON "meeting_agenda_items" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_session_idx" ON "meetings" USING btree ("department_id","kind","year","session_no");--> statement-breakpoint
CREATE INDEX "meetings_date_idx" ON "meetings" USING btree ("department_id","meeting_on");--> statement-breakpoint
CREATE INDEX "legal_duty_statements_dept_idx" ON "legal_duty_statements" USING btree ("department_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "rule_of_law_report_versions_seq_idx" ON "rule_of_law_report_versions" USING btree ("report_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "rule_of_law_reports_dept_year_idx" ON "rule_of_law_reports" USING btree ("department_id","year");--> statement-breakpoint
CREATE INDEX "study_sessions_dept_idx" ON "study_sessions" USING btree ("department_id","held_on");