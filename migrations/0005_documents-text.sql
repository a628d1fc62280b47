ALTER TABLE "consultations" DROP COLUMN "draft_html";--> statement-breakpoint
ALTER TABLE "normative_documents" DROP COLUMN "body_html";