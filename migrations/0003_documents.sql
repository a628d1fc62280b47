CREATE TABLE "consultation_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"article_no" integer,
	"body" text NOT NULL,
	"author_name" text,
	"contact" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"disposition" text,
	"reason" text,
	"disposed_by" uuid,
	"disposed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"case_id" uuid,
	"department_id" uuid NOT NULL,
	"title" text NOT NULL,
	"draft_html" text NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"closed_on" date,
	"report_published_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cleanup_campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"title" text NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"opened_on" date NOT NULL,
	"published_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cleanup_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"decision" text,
	"note" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "document_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on_date" date NOT NULL,
	"act" text,
	"note" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_filings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"oversight_org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"submitted_on" date NOT NULL,
	"due_on" date NOT NULL,
	"filing_no" text,
	"correction_request" text,
	"returned_on" date,
	"answer" text,
	"answered_on" date,
	"review_opinion" text,
	"accepted_on" date,
	"reviewer_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normative_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lineage_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"supersedes_id" uuid,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"drafting_org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"doc_type" text NOT NULL,
	"trial" text DEFAULT 'none' NOT NULL,
	"concerns_market" boolean NOT NULL,
	"touches_public_interest" boolean NOT NULL,
	"drafting_explanation" text DEFAULT '' NOT NULL,
	"legal_bases" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"source_file_id" uuid,
	"topic" text DEFAULT '' NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"doc_number" text,
	"doc_year" integer,
	"registration_number" text,
	"issued_on" date,
	"published_on" date,
	"effective_on" date,
	"valid_until" date,
	"interpretation" text DEFAULT '' NOT NULL,
	"publication_id" uuid,
	"legal_status" text DEFAULT 'draft' NOT NULL,
	"search" "tsvector",
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "consultation_comments_idx" ON "consultation_comments" USING btree ("consultation_id","seq");--> statement-breakpoint
CREATE INDEX "consultations_subject_idx" ON "consultations" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "consultations_open_idx" ON "consultations" USING btree ("end_on");--> statement-breakpoint
CREATE UNIQUE INDEX "cleanup_items_idx" ON "cleanup_items" USING btree ("campaign_id","document_id");--> statement-breakpoint
CREATE INDEX "document_events_doc_idx" ON "document_events" USING btree ("document_id","on_date");--> statement-breakpoint
CREATE UNIQUE INDEX "document_events_once_idx" ON "document_events" USING btree ("document_id","kind") WHERE kind in ('published','amended','abolished','declaredInvalid','expired','evaluationDue');--> statement-breakpoint
CREATE UNIQUE INDEX "document_filings_doc_idx" ON "document_filings" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_filings_oversight_idx" ON "document_filings" USING btree ("oversight_org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "normative_documents_case_idx" ON "normative_documents" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "normative_documents_number_idx" ON "normative_documents" USING btree ("department_id","doc_number");--> statement-breakpoint
CREATE INDEX "normative_documents_dept_idx" ON "normative_documents" USING btree ("department_id","created_at");--> statement-breakpoint
CREATE INDEX "normative_documents_registry_idx" ON "normative_documents" USING btree ("legal_status","published_on") WHERE published_on is not null;--> statement-breakpoint
CREATE INDEX "normative_documents_search_idx" ON "normative_documents" USING gin ("search");