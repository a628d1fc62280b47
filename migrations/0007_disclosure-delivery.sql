ALTER TABLE "disclosure_requests" ADD COLUMN "delivered_on" date;--> statement-breakpoint
ALTER TABLE "disclosure_requests" ADD COLUMN "delivery_method" text;--> statement-breakpoint
ALTER TABLE "disclosure_requests" ADD COLUMN "delivery_note" text;