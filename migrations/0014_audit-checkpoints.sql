CREATE TABLE "audit_checkpoints" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_checkpoints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_checkpoints_seq_idx" ON "audit_checkpoints" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_checkpoints_signature_idx" ON "audit_checkpoints" USING btree ("signature");--> statement-breakpoint
-- Checkpoints are append-only like the chain they anchor (等保2.0 三级 安全审计): the application's
-- role never updates or deletes one. A superuser still can; the file copy outside the database and
-- the signatures are what make that detectable (src/core/audit/verify.ts).
CREATE TRIGGER audit_checkpoints_append_only
  BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION fazhi_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate
  BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION fazhi_audit_append_only();
