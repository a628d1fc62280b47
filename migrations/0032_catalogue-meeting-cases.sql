-- The decision catalogue (decisions/catalogueProcedure.ts) and meetings (meetings/procedure.ts) run on
-- the procedure engine: each row gets a case whose history replays what the row records, and the
-- status column goes (the case status is the source).
ALTER TABLE "decision_catalogues" ADD COLUMN "case_id" uuid;
--> statement-breakpoint
UPDATE "decision_catalogues" SET "case_id" = gen_random_uuid();
--> statement-breakpoint
INSERT INTO "cases" ("id", "module", "procedure", "title", "department_id", "org_id", "status", "created_by", "created_at")
SELECT "case_id", 'decisions', 'decisionCatalogue', "title", "department_id", "department_id", "status", "created_by", "created_at"
FROM "decision_catalogues";
--> statement-breakpoint
INSERT INTO "case_events" ("id", "case_id", "seq", "type", "on_date", "at", "actor_id", "actor_roles", "data")
SELECT gen_random_uuid(), e.case_id,
  row_number() OVER (PARTITION BY e.case_id ORDER BY e.on_date, e.rank, e.sub),
  e.type, e.on_date, coalesce(e.at, (e.on_date + time '12:00') AT TIME ZONE 'Asia/Shanghai'),
  e.actor_id, '{}'::text[], e.data
FROM (
  SELECT c.case_id, 'draft' AS type, (c.created_at AT TIME ZONE 'Asia/Shanghai')::date AS on_date,
    0 AS rank, 0 AS sub, c.created_at AS at, c.created_by AS actor_id,
    jsonb_build_object('year', c.year) AS data
  FROM "decision_catalogues" c
  UNION ALL
  SELECT c.case_id, 'editItems', (c.created_at AT TIME ZONE 'Asia/Shanghai')::date, 1, 0, c.created_at,
    NULL, jsonb_build_object('hasItems', true)
  FROM "decision_catalogues" c
  WHERE EXISTS (SELECT 1 FROM "decision_catalogue_items" i WHERE i.catalogue_id = c.id AND i.added_by_adjustment_id IS NULL)
  UNION ALL
  SELECT c.case_id, 'approve', greatest((c.created_at AT TIME ZONE 'Asia/Shanghai')::date, c.approved_on), 2, 0, NULL,
    NULL, jsonb_strip_nulls(jsonb_build_object('approvedOn', c.approved_on, 'approvedBy', c.approved_by, 'approvalRef', c.approval_ref))
  FROM "decision_catalogues" c WHERE c.status IN ('approved', 'published')
  UNION ALL
  SELECT c.case_id, 'publish', c.published_on, 3, 0, NULL, NULL,
    jsonb_build_object('publicationId', c.publication_id)
  FROM "decision_catalogues" c WHERE c.status = 'published'
  UNION ALL
  SELECT c.case_id, 'approveAdjustment', a.published_on, 4, 2 * a.seq, a.created_at, a.created_by,
    jsonb_build_object('adjustmentId', a.id, 'reason', a.reason, 'approvedOn', a.approved_on, 'approvedBy', a.approved_by)
  FROM "decision_catalogue_adjustments" a JOIN "decision_catalogues" c ON c.id = a.catalogue_id
  UNION ALL
  SELECT c.case_id, 'publishAdjustment', a.published_on, 4, 2 * a.seq + 1, a.created_at, a.created_by,
    jsonb_build_object('adjustmentId', a.id, 'publicationId', a.publication_id)
  FROM "decision_catalogue_adjustments" a JOIN "decision_catalogues" c ON c.id = a.catalogue_id
) e;
--> statement-breakpoint
ALTER TABLE "decision_catalogues" ALTER COLUMN "case_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "decision_catalogues" DROP COLUMN "status";
--> statement-breakpoint
CREATE UNIQUE INDEX "decision_catalogues_case_idx" ON "decision_catalogues" USING btree ("case_id");
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "case_id" uuid;
--> statement-breakpoint
UPDATE "meetings" SET "case_id" = gen_random_uuid();
--> statement-breakpoint
INSERT INTO "cases" ("id", "module", "procedure", "title", "department_id", "org_id", "status", "created_by", "created_at")
SELECT "case_id", 'meetings', 'meeting',
  "year" || '年第' || "session_no" || '次' || CASE "kind" WHEN 'partyGroup' THEN '党组会' ELSE '局长办公会' END,
  "department_id", "department_id", "status", "created_by", "created_at"
FROM "meetings";
--> statement-breakpoint
INSERT INTO "case_events" ("id", "case_id", "seq", "type", "on_date", "at", "actor_id", "actor_roles", "data")
SELECT gen_random_uuid(), e.case_id,
  row_number() OVER (PARTITION BY e.case_id ORDER BY e.on_date, e.rank, e.sub),
  e.type, e.on_date, coalesce(e.at, (e.on_date + time '12:00') AT TIME ZONE 'Asia/Shanghai'),
  e.actor_id, '{}'::text[], e.data
FROM (
  SELECT m.case_id, 'schedule' AS type, (m.created_at AT TIME ZONE 'Asia/Shanghai')::date AS on_date,
    0 AS rank, 0 AS sub, m.created_at AS at, m.created_by AS actor_id,
    jsonb_build_object('kind', m.kind, 'meetingOn', m.meeting_on, 'sessionNo', m.session_no) AS data
  FROM "meetings" m
  UNION ALL
  SELECT m.case_id, 'addAgendaItem',
    greatest((m.created_at AT TIME ZONE 'Asia/Shanghai')::date, (i.created_at AT TIME ZONE 'Asia/Shanghai')::date),
    1, i.seq, i.created_at, i.created_by,
    jsonb_build_object('itemId', i.id, 'title', i.title, 'subjectType', i.subject_type, 'isPublic', i.is_public,
      'agendaHasPublic', bool_or(i.is_public) OVER (PARTITION BY i.meeting_id ORDER BY i.seq))
  FROM "meeting_agenda_items" i JOIN "meetings" m ON m.id = i.meeting_id
  UNION ALL
  SELECT m.case_id, 'publishAgenda', m.agenda_published_on, 2, 0, NULL, NULL, '{}'::jsonb
  FROM "meetings" m WHERE m.agenda_published_on IS NOT NULL
  UNION ALL
  SELECT m.case_id, 'hold', coalesce((m.held_recorded_at AT TIME ZONE 'Asia/Shanghai')::date, m.meeting_on), 3, 0,
    m.held_recorded_at, NULL, jsonb_build_object('publicAttendees', jsonb_array_length(m.public_attendees))
  FROM "meetings" m WHERE m.status = 'held'
) e;
--> statement-breakpoint
ALTER TABLE "meetings" ALTER COLUMN "case_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "meetings" DROP COLUMN "status";
--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_case_idx" ON "meetings" USING btree ("case_id");
