CREATE INDEX "normative_documents_registry_dept_idx" ON "normative_documents" USING btree ("department_id","published_on" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE published_on is not null;--> statement-breakpoint
-- Superseded by the department-scoped index above (0008 created it by hand, outside the schema).
DROP INDEX IF EXISTS "normative_documents_published_idx";
