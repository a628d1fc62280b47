CREATE TABLE "disclosure_request_files" (
	"request_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "disclosure_request_files_request_id_file_id_pk" PRIMARY KEY("request_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "disclosure_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"tracking_code" text NOT NULL,
	"applicant_kind" text NOT NULL,
	"org_type" text,
	"report_column" text NOT NULL,
	"name" text,
	"id_type" text,
	"id_number" text,
	"credit_code" text,
	"phone" text,
	"email" text,
	"address" text,
	"description" text,
	"form" text,
	"delivery" text,
	"channel" text NOT NULL,
	"received_on" date NOT NULL,
	"applicant_key" text,
	"dedupe_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"case_id" uuid,
	"prose" jsonb NOT NULL,
	"manual" jsonb NOT NULL,
	"snapshot" jsonb,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_requests_case_idx" ON "disclosure_requests" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_requests_code_idx" ON "disclosure_requests" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "disclosure_requests_dept_received_idx" ON "disclosure_requests" USING btree ("department_id","received_on");--> statement-breakpoint
CREATE INDEX "disclosure_requests_dedupe_idx" ON "disclosure_requests" USING btree ("department_id","dedupe_hash","created_at");--> statement-breakpoint
CREATE INDEX "disclosure_requests_applicant_idx" ON "disclosure_requests" USING btree ("department_id","applicant_key","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_reports_dept_year_idx" ON "disclosure_reports" USING btree ("department_id","year");