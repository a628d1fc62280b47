CREATE TABLE "legal_advisors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"affiliation" text NOT NULL,
	"licence_number" text NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"user_id" uuid,
	"phone" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_opinions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"assignment_id" uuid NOT NULL,
	"body" text NOT NULL,
	"given_on" date NOT NULL,
	"entered_by" uuid,
	"adoption" text,
	"adoption_reason" text,
	"adoption_on" date,
	"adoption_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"user_id" uuid,
	"advisor_id" uuid,
	"assigned_by" uuid,
	"assigned_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_materials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_matters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"subject_case_id" uuid,
	"department_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"requested_by" date,
	"submitted_on" date NOT NULL,
	"due_on" date NOT NULL,
	"due_explanation" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"conclusion" text,
	"conclusion_opinion" text,
	"concluded_on" date,
	"concluded_by" uuid,
	"submitted_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "legal_advisors_dept_idx" ON "legal_advisors" USING btree ("department_id","term_end");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_advisors_licence_idx" ON "legal_advisors" USING btree ("department_id","licence_number");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_advisors_user_idx" ON "legal_advisors" USING btree ("user_id") WHERE user_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "legal_opinions_seq_idx" ON "legal_opinions" USING btree ("matter_id","seq");--> statement-breakpoint
CREATE INDEX "review_assignments_matter_idx" ON "review_assignments" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "review_assignments_user_idx" ON "review_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_user_once_idx" ON "review_assignments" USING btree ("matter_id","user_id") WHERE user_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_advisor_once_idx" ON "review_assignments" USING btree ("matter_id","advisor_id") WHERE advisor_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "review_materials_file_idx" ON "review_materials" USING btree ("matter_id","file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_matters_case_idx" ON "review_matters" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "review_matters_subject_idx" ON "review_matters" USING btree ("subject_case_id");--> statement-breakpoint
CREATE INDEX "review_matters_dept_idx" ON "review_matters" USING btree ("department_id","status","due_on");