DROP INDEX "tool_movements_org_moved_idx";--> statement-breakpoint
CREATE INDEX "tool_movements_org_from_idx" ON "tool_movements" USING btree ("organization_id","from_location_id","moved_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tool_movements_org_moved_idx" ON "tool_movements" USING btree ("organization_id","moved_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);