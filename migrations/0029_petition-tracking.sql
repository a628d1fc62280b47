ALTER TABLE "petitions" ADD COLUMN "tracking_code" text;--> statement-breakpoint
UPDATE "petitions" SET "tracking_code" = translate(md5(random()::text || "id"::text), '0189', 'wxyz');--> statement-breakpoint
ALTER TABLE "petitions" ALTER COLUMN "tracking_code" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_tracking_code_idx" ON "petitions" USING btree ("tracking_code");
