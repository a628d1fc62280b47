CREATE INDEX "decision_evidence_file_idx" ON "decision_evidence" USING btree ("file_id") WHERE file_id is not null;--> statement-breakpoint
CREATE INDEX "normative_documents_source_file_idx" ON "normative_documents" USING btree ("source_file_id") WHERE source_file_id is not null;--> statement-breakpoint
CREATE INDEX "review_materials_file_id_idx" ON "review_materials" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "disclosure_request_files_file_idx" ON "disclosure_request_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "report_imports_file_idx" ON "report_imports" USING btree ("file_id");
