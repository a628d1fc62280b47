CREATE TABLE "publication_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"title" text NOT NULL,
	"input" jsonb NOT NULL,
	"source_module" text,
	"source_entity_id" text,
	"requested_by" uuid NOT NULL,
	"requested_on" date NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"decided_on" date,
	"opinion" text,
	"publication_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "publication_requests_department_idx" ON "publication_requests" USING btree ("department_id","status");--> statement-breakpoint
CREATE INDEX "publication_requests_reviewer_idx" ON "publication_requests" USING btree ("reviewer_id","status");--> statement-breakpoint
CREATE INDEX "publication_requests_source_idx" ON "publication_requests" USING btree ("source_module","source_entity_id");
