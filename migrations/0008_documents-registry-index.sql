-- 规范性文件库: the newest published documents first, so a broad search or filter stops after one page.
CREATE INDEX IF NOT EXISTS "normative_documents_published_idx" ON "normative_documents" ("published_on" DESC, "id" DESC) WHERE "published_on" IS NOT NULL;
