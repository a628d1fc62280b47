CREATE TABLE "enforcement_statistics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"case_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"figures" jsonb,
	"published_on" date,
	"published_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_statistics_dept_year_idx" ON "enforcement_statistics" USING btree ("department_id","year");
