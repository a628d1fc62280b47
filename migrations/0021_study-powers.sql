CREATE TABLE "power_adjustments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"power_id" uuid NOT NULL,
	"action" text NOT NULL,
	"version" integer NOT NULL,
	"basis" text NOT NULL,
	"effective_on" date NOT NULL,
	"changes" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "power_case_counts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"power_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"count" integer NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "power_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"basis" text NOT NULL,
	"implementing_body" text NOT NULL,
	"handling_org" text DEFAULT '' NOT NULL,
	"duties" text DEFAULT '' NOT NULL,
	"accountability" text DEFAULT '' NOT NULL,
	"time_limit" text DEFAULT '' NOT NULL,
	"hotline" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publicity_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"campaign" text NOT NULL,
	"title" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"audience" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "pufa_duties" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"owner" text NOT NULL,
	"assigned_on" date NOT NULL,
	"due_on" date NOT NULL,
	"case_id" uuid NOT NULL,
	"completed_on" date,
	"evidence" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "study_exams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"max_score" integer NOT NULL,
	"pass_score" integer NOT NULL,
	"results" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "study_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"issued_on" date NOT NULL,
	"pre_meeting_target" integer NOT NULL,
	"training_hours_target" integer NOT NULL,
	"topics" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "study_trainings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"organizer" text DEFAULT '' NOT NULL,
	"hours_per_person" double precision NOT NULL,
	"participants" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE INDEX "power_adjustments_power_idx" ON "power_adjustments" USING btree ("power_id","version");--> statement-breakpoint
CREATE INDEX "power_adjustments_dept_idx" ON "power_adjustments" USING btree ("department_id","effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "power_case_counts_idx" ON "power_case_counts" USING btree ("power_id","year","month");--> statement-breakpoint
CREATE UNIQUE INDEX "power_items_dept_code_idx" ON "power_items" USING btree ("department_id","code");--> statement-breakpoint
CREATE INDEX "publicity_events_dept_idx" ON "publicity_events" USING btree ("department_id","held_on");--> statement-breakpoint
CREATE INDEX "pufa_duties_dept_idx" ON "pufa_duties" USING btree ("department_id","year");--> statement-breakpoint
CREATE INDEX "study_exams_dept_idx" ON "study_exams" USING btree ("department_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "study_plans_dept_year_idx" ON "study_plans" USING btree ("department_id","year");--> statement-breakpoint
CREATE INDEX "study_trainings_dept_idx" ON "study_trainings" USING btree ("department_id","held_on");--> statement-breakpoint
