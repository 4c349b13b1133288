CREATE TABLE "tool_movements" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tool_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"holder_id" uuid,
	"from_location_id" uuid,
	"to_location_id" uuid,
	"movement_type" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"note" text,
	"moved_at" timestamp with time zone NOT NULL,
	"client_id" uuid,
	"batch_id" uuid,
	"source" text DEFAULT 'scan' NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tool_movements_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "tool_movements_type_check" CHECK ("tool_movements"."movement_type" in ('checkout', 'checkin', 'transfer', 'consume')),
	CONSTRAINT "tool_movements_quantity_positive" CHECK ("tool_movements"."quantity" > 0),
	CONSTRAINT "tool_movements_target" CHECK (("tool_movements"."movement_type" = 'consume') = ("tool_movements"."to_location_id" is null)),
	CONSTRAINT "tool_movements_source_check" CHECK ("tool_movements"."source" in ('scan', 'manual', 'batch', 'offline', 'import', 'seed'))
);
--> statement-breakpoint
ALTER TABLE "tool_movements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tool_stock" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tool_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tool_stock_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "tool_stock_not_negative" CHECK ("tool_stock"."quantity" >= 0)
);
--> statement-breakpoint
ALTER TABLE "tool_stock" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tool_movements" ADD CONSTRAINT "tool_movements_tool_fk" FOREIGN KEY ("organization_id","tool_id") REFERENCES "public"."tools"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_movements" ADD CONSTRAINT "tool_movements_user_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_movements" ADD CONSTRAINT "tool_movements_holder_fk" FOREIGN KEY ("organization_id","holder_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_movements" ADD CONSTRAINT "tool_movements_from_fk" FOREIGN KEY ("organization_id","from_location_id") REFERENCES "public"."locations"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_movements" ADD CONSTRAINT "tool_movements_to_fk" FOREIGN KEY ("organization_id","to_location_id") REFERENCES "public"."locations"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_stock" ADD CONSTRAINT "tool_stock_tool_fk" FOREIGN KEY ("organization_id","tool_id") REFERENCES "public"."tools"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_stock" ADD CONSTRAINT "tool_stock_location_fk" FOREIGN KEY ("organization_id","location_id") REFERENCES "public"."locations"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tool_movements_org_client_key" ON "tool_movements" USING btree ("organization_id","client_id");--> statement-breakpoint
CREATE INDEX "tool_movements_org_tool_idx" ON "tool_movements" USING btree ("organization_id","tool_id","moved_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tool_movements_org_moved_idx" ON "tool_movements" USING btree ("organization_id","moved_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tool_movements_org_to_idx" ON "tool_movements" USING btree ("organization_id","to_location_id","moved_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tool_movements_org_user_idx" ON "tool_movements" USING btree ("organization_id","user_id","moved_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "tool_stock_org_tool_location_key" ON "tool_stock" USING btree ("organization_id","tool_id","location_id");--> statement-breakpoint
CREATE INDEX "tool_stock_org_location_idx" ON "tool_stock" USING btree ("organization_id","location_id");--> statement-breakpoint
CREATE POLICY "tool_movements_select" ON "tool_movements" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "tool_movements_insert" ON "tool_movements" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader', 'staff')));--> statement-breakpoint
CREATE POLICY "tool_stock_select" ON "tool_stock" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "tool_stock_insert" ON "tool_stock" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader', 'staff')));--> statement-breakpoint
CREATE POLICY "tool_stock_update" ON "tool_stock" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader', 'staff'))) WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader', 'staff')));--> statement-breakpoint
CREATE POLICY "tool_stock_delete" ON "tool_stock" AS PERMISSIVE FOR DELETE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader', 'staff')));