-- A 合法性审查 matter's status is its case's (procedure legalReview): the copy in review_matters goes.
-- First the case takes the matter's status wherever the two differ (a final status closes the case, with
-- the conclusion or 撤回送审 as its outcome), so no matter changes status when the column is dropped.
UPDATE "cases" AS c
SET "status" = m."status",
    "outcome" = CASE
      WHEN m."status" = 'concluded' THEN coalesce(m."conclusion", c."outcome")
      WHEN m."status" = 'withdrawn' THEN 'withdrawn'
      ELSE NULL
    END,
    "closed_on" = CASE
      WHEN m."status" IN ('concluded', 'withdrawn')
        THEN coalesce(c."closed_on", m."concluded_on", m."submitted_on")
      ELSE NULL
    END
FROM "review_matters" AS m
WHERE c."id" = m."case_id"
  AND m."status" IN ('submitted', 'reviewing', 'concluded', 'withdrawn')
  AND c."status" IS DISTINCT FROM m."status";--> statement-breakpoint
DROP INDEX "review_matters_dept_idx";--> statement-breakpoint
ALTER TABLE "review_matters" DROP COLUMN "status";--> statement-breakpoint
CREATE INDEX "review_matters_dept_idx" ON "review_matters" USING btree ("department_id","due_on");
