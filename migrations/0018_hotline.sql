CREATE TABLE "hotline_ratings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"module" text NOT NULL,
	"score" text NOT NULL,
	"comment" text,
	"rated_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_tickets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"co_org_ids" uuid[] DEFAULT '{}' NOT NULL,
	"source" text NOT NULL,
	"ticket_no" text NOT NULL,
	"channel" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_on" date NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"location" text,
	"citizen_name" text,
	"citizen_phone" text,
	"citizen_id_number" text,
	"due_on" date NOT NULL,
	"tracking_code" text NOT NULL,
	"publish_consent" boolean DEFAULT false NOT NULL,
	"reply_text" text,
	"replied_on" date,
	"late" boolean DEFAULT false NOT NULL,
	"satisfaction" text,
	"closed_on" date,
	"published_reply" text,
	"published_on" date,
	"merged_into" uuid,
	"converted_to" text,
	"converted_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "hotline_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_ratings_case_idx" ON "hotline_ratings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "hotline_ratings_dept_idx" ON "hotline_ratings" USING btree ("department_id","rated_on");--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_tickets_no_idx" ON "hotline_tickets" USING btree ("department_id","ticket_no");--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_tickets_code_idx" ON "hotline_tickets" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_tickets_case_idx" ON "hotline_tickets" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "hotline_tickets_dept_idx" ON "hotline_tickets" USING btree ("department_id","received_on");
