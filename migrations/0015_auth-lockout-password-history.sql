CREATE TABLE "login_failures" (
	"username" text NOT NULL,
	"source" text NOT NULL,
	"failures" integer NOT NULL,
	"last_attempt_at" timestamp with time zone NOT NULL,
	"slot_at" timestamp with time zone,
	CONSTRAINT "login_failures_username_source_pk" PRIMARY KEY("username","source")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_history" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "login_failures_last_attempt_idx" ON "login_failures" USING btree ("last_attempt_at");--> statement-breakpoint
-- An administrator's unlock (or password reset) sets failed_logins = 0 and locked_until = null on a
-- locked account: the per-source lockouts of that username go with it, in the same transaction.
CREATE OR REPLACE FUNCTION fazhi_unlock_clears_login_failures() RETURNS trigger AS $$
BEGIN
  DELETE FROM login_failures WHERE username = NEW.username;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_unlock_clears_login_failures
  AFTER UPDATE OF failed_logins, locked_until ON users
  FOR EACH ROW
  WHEN (NEW.failed_logins = 0 AND NEW.locked_until IS NULL AND (OLD.failed_logins <> 0 OR OLD.locked_until IS NOT NULL))
  EXECUTE FUNCTION fazhi_unlock_clears_login_failures();
