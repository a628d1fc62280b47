CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"number" text NOT NULL,
	"channel" text NOT NULL,
	"source" text NOT NULL,
	"transferred_by" text DEFAULT '' NOT NULL,
	"source_ref" text DEFAULT '' NOT NULL,
	"received_on" date NOT NULL,
	"petitioner_name" text NOT NULL,
	"petitioner_phone" text DEFAULT '' NOT NULL,
	"petitioner_id_number" text DEFAULT '' NOT NULL,
	"petitioner_address" text DEFAULT '' NOT NULL,
	"content" text NOT NULL,
	"category" text,
	"accused_org_id" uuid,
	"handler_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"redirect_route" text,
	"status" text NOT NULL,
	"notice_on" date,
	"decision" text,
	"opinion_facts" text,
	"opinion_text" text,
	"opinion_basis" text,
	"answered_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_opinions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"proposal_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"opinion" text NOT NULL,
	"submitted_on" date NOT NULL,
	"submitted_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"proposer" text NOT NULL,
	"proposer_contact" text DEFAULT '' NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"assigned_by" text NOT NULL,
	"assigned_on" date NOT NULL,
	"due_on" date NOT NULL,
	"difficult" boolean DEFAULT false NOT NULL,
	"difficult_reason" text,
	"co_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"co_due_on" date,
	"contact_method" text,
	"contacted_on" date,
	"contact_note" text,
	"result_code" text,
	"reply_text" text,
	"replied_on" date,
	"feedback" text,
	"feedback_note" text,
	"feedback_on" date,
	"published_text" text,
	"published_on" date,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervised_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_kind" text NOT NULL,
	"source_ref" text DEFAULT '' NOT NULL,
	"assigned_by" text NOT NULL,
	"assigned_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"escalated_on" date,
	"closed_on" date,
	"result" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_progress" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"text" text NOT NULL,
	"percent" integer NOT NULL,
	"reported_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "petitions_dept_idx" ON "petitions" USING btree ("department_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_case_idx" ON "petitions" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_number_idx" ON "petitions" USING btree ("department_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_source_ref_idx" ON "petitions" USING btree ("department_id","source_ref") WHERE source_ref <> '';--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_opinions_org_idx" ON "proposal_opinions" USING btree ("proposal_id","org_id");--> statement-breakpoint
CREATE INDEX "proposals_dept_idx" ON "proposals" USING btree ("department_id","assigned_on");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_case_idx" ON "proposals" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_number_idx" ON "proposals" USING btree ("department_id","kind","number");--> statement-breakpoint
CREATE INDEX "proposals_published_idx" ON "proposals" USING btree ("published_on") WHERE published_on is not null;--> statement-breakpoint
CREATE INDEX "supervised_tasks_dept_idx" ON "supervised_tasks" USING btree ("department_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "supervised_tasks_case_idx" ON "supervised_tasks" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervised_tasks_source_idx" ON "supervised_tasks" USING btree ("department_id","source_ref") WHERE source_ref <> '';--> statement-breakpoint
CREATE INDEX "supervision_progress_task_idx" ON "supervision_progress" USING btree ("task_id","on_date");
