CREATE TABLE "number_counters" (
	"kind" text NOT NULL,
	"department_id" uuid NOT NULL,
	"prefix" text DEFAULT '' NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "number_counters_kind_department_id_prefix_year_pk" PRIMARY KEY("kind","department_id","prefix","year")
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"department_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication_files" (
	"publication_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "publication_files_publication_id_file_id_pk" PRIMARY KEY("publication_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"index_number" text NOT NULL,
	"department_id" uuid NOT NULL,
	"publisher_name" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"topic" text NOT NULL,
	"keywords" text[] NOT NULL,
	"doc_number" text,
	"formed_on" date NOT NULL,
	"published_on" date NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"late" boolean NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"validity" text,
	"source_module" text,
	"source_entity_id" text,
	"confidentiality_review" jsonb NOT NULL,
	"status" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"withdrawn_by" uuid,
	"search" "tsvector" NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
CREATE INDEX "files_department_idx" ON "files" USING btree ("department_id","created_at");--> statement-breakpoint
CREATE INDEX "publication_files_file_idx" ON "publication_files" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_index_number_idx" ON "publications" USING btree ("index_number");--> statement-breakpoint
CREATE INDEX "publications_department_idx" ON "publications" USING btree ("department_id","status","published_on");--> statement-breakpoint
CREATE INDEX "publications_source_idx" ON "publications" USING btree ("source_module","source_entity_id");--> statement-breakpoint
CREATE INDEX "publications_search_idx" ON "publications" USING gin ("search");