CREATE TABLE "litigation_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"case_no" text NOT NULL,
	"applicant" text NOT NULL,
	"body" text NOT NULL,
	"procedure_type" text,
	"act_module" text,
	"act_record_id" uuid,
	"act_title" text NOT NULL,
	"filed_on" date,
	"received_on" date NOT NULL,
	"after_reconsideration" boolean DEFAULT false NOT NULL,
	"answered_on" date,
	"answer_due" date,
	"answer_late" boolean,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answer_text" text DEFAULT '' NOT NULL,
	"first_result" text,
	"first_result_on" date,
	"appealed_on" date,
	"final_result" text,
	"final_result_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "litigation_cases_case_idx" ON "litigation_cases" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "litigation_cases_no_idx" ON "litigation_cases" USING btree ("department_id","kind","case_no");--> statement-breakpoint
CREATE INDEX "litigation_cases_received_idx" ON "litigation_cases" USING btree ("department_id","received_on");--> statement-breakpoint
CREATE INDEX "litigation_cases_act_idx" ON "litigation_cases" USING btree ("act_module","act_record_id");