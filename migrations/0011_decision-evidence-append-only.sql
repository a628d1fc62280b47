-- 决策过程记录和材料 are append-only (重大行政决策程序暂行条例 Art 33): a correction is a new entry.
CREATE OR REPLACE FUNCTION fazhi_decision_evidence_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'decision_evidence is append-only (决策档案材料只能追加，不能修改或删除)';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER decision_evidence_append_only
  BEFORE UPDATE OR DELETE ON decision_evidence
  FOR EACH ROW EXECUTE FUNCTION fazhi_decision_evidence_append_only();
--> statement-breakpoint
CREATE TRIGGER decision_evidence_no_truncate
  BEFORE TRUNCATE ON decision_evidence
  FOR EACH STATEMENT EXECUTE FUNCTION fazhi_decision_evidence_append_only();
