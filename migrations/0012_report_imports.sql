CREATE TABLE "report_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"text" text NOT NULL,
	"analysis" jsonb NOT NULL,
	"analyser_version" integer NOT NULL,
	"title" text,
	"org_name" text,
	"year" integer,
	"report_date" date,
	"parts_present" text[] NOT NULL,
	"parts_missing" text[] NOT NULL,
	"fact_count" integer NOT NULL,
	"empty_sentence_share" double precision NOT NULL,
	"indicators" jsonb NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_imports_department_idx" ON "report_imports" USING btree ("department_id","year");--> statement-breakpoint
CREATE INDEX "report_imports_year_idx" ON "report_imports" USING btree ("year");