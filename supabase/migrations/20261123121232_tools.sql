CREATE TABLE "custom_field_definitions" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"field_key" text NOT NULL,
	"label" text NOT NULL,
	"field_type" text NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_required" boolean DEFAULT false NOT NULL,
	"display_order" integer DEFAULT 0 NOT NULL,
	"is_due_date" boolean DEFAULT false NOT NULL,
	"category_id" uuid,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_field_definitions_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "custom_field_definitions_entity_check" CHECK ("custom_field_definitions"."entity_type" in ('tool', 'location')),
	CONSTRAINT "custom_field_definitions_type_check" CHECK ("custom_field_definitions"."field_type" in ('text', 'number', 'date', 'select')),
	CONSTRAINT "custom_field_definitions_key_format" CHECK ("custom_field_definitions"."field_key" ~ '^[a-z][a-z0-9_]{0,39}$'),
	CONSTRAINT "custom_field_definitions_label_not_blank" CHECK (btrim("custom_field_definitions"."label") <> ''),
	CONSTRAINT "custom_field_definitions_due_is_date" CHECK (not "custom_field_definitions"."is_due_date" or "custom_field_definitions"."field_type" = 'date'),
	CONSTRAINT "custom_field_definitions_category_for_tools" CHECK ("custom_field_definitions"."category_id" is null or "custom_field_definitions"."entity_type" = 'tool'),
	CONSTRAINT "custom_field_definitions_options_object" CHECK (jsonb_typeof("custom_field_definitions"."options") = 'object')
);
--> statement-breakpoint
ALTER TABLE "custom_field_definitions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "locations" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"manager_name" text,
	"starts_on" date,
	"ends_on" date,
	"is_active" boolean DEFAULT true NOT NULL,
	"closed_at" timestamp with time zone,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" text,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locations_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "locations_type_check" CHECK ("locations"."type" in ('warehouse', 'site')),
	CONSTRAINT "locations_name_not_blank" CHECK (btrim("locations"."name") <> ''),
	CONSTRAINT "locations_dates_ordered" CHECK ("locations"."ends_on" is null or "locations"."starts_on" is null or "locations"."ends_on" >= "locations"."starts_on"),
	CONSTRAINT "locations_custom_fields_object" CHECK (jsonb_typeof("locations"."custom_fields") = 'object')
);
--> statement-breakpoint
ALTER TABLE "locations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "register_settings" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trash_retention_months" integer DEFAULT 36 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "register_settings_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "register_settings_retention_range" CHECK ("register_settings"."trash_retention_months" between 1 and 120)
);
--> statement-breakpoint
ALTER TABLE "register_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tool_attachments" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tool_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"original_name" text NOT NULL,
	"thumbnail_key" text,
	"thumbnail_size_bytes" bigint,
	"width" integer,
	"height" integer,
	"display_order" integer DEFAULT 0 NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tool_attachments_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "tool_attachments_kind_check" CHECK ("tool_attachments"."kind" in ('photo', 'manual', 'certificate', 'other')),
	CONSTRAINT "tool_attachments_key_in_org" CHECK (starts_with("tool_attachments"."storage_key", "tool_attachments"."organization_id"::text || '/')),
	CONSTRAINT "tool_attachments_thumb_in_org" CHECK ("tool_attachments"."thumbnail_key" is null or starts_with("tool_attachments"."thumbnail_key", "tool_attachments"."organization_id"::text || '/')),
	CONSTRAINT "tool_attachments_size_positive" CHECK ("tool_attachments"."size_bytes" > 0)
);
--> statement-breakpoint
ALTER TABLE "tool_attachments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tool_categories" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"code_prefix" text NOT NULL,
	"display_order" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"useful_life_years" integer,
	"next_code_number" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tool_categories_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "tool_categories_prefix_format" CHECK ("tool_categories"."code_prefix" ~ '^[A-Z]{1,3}$'),
	CONSTRAINT "tool_categories_name_not_blank" CHECK (btrim("tool_categories"."name") <> ''),
	CONSTRAINT "tool_categories_useful_life_range" CHECK ("tool_categories"."useful_life_years" is null or "tool_categories"."useful_life_years" between 1 and 50),
	CONSTRAINT "tool_categories_next_code_positive" CHECK ("tool_categories"."next_code_number" > 0)
);
--> statement-breakpoint
ALTER TABLE "tool_categories" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tool_statuses" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"color" text NOT NULL,
	"base_status" text DEFAULT 'normal' NOT NULL,
	"display_order" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tool_statuses_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "tool_statuses_color_format" CHECK ("tool_statuses"."color" ~ '^#[0-9a-f]{6}$'),
	CONSTRAINT "tool_statuses_base_check" CHECK ("tool_statuses"."base_status" in ('normal', 'repair', 'broken')),
	CONSTRAINT "tool_statuses_label_not_blank" CHECK (btrim("tool_statuses"."label") <> '')
);
--> statement-breakpoint
ALTER TABLE "tool_statuses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tools" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tool_code" text DEFAULT '' NOT NULL,
	"category_id" uuid NOT NULL,
	"name" text NOT NULL,
	"model_number" text,
	"manufacturer" text,
	"serial_number" text,
	"purchase_date" date,
	"purchase_price" bigint,
	"useful_life_years" integer,
	"status" text DEFAULT 'normal' NOT NULL,
	"status_id" uuid,
	"disposed_on" date,
	"disposal_reason" text,
	"current_location_id" uuid,
	"current_holder_id" uuid,
	"management_type" text DEFAULT 'individual' NOT NULL,
	"current_quantity" integer,
	"last_moved_at" timestamp with time zone,
	"unit" text,
	"min_stock_alert" integer,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"manual_url" text,
	"notes" text,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tools_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "tools_code_format" CHECK ("tools"."tool_code" ~ '^[A-Z]{1,3}-[0-9]{4,6}$'),
	CONSTRAINT "tools_name_not_blank" CHECK (btrim("tools"."name") <> ''),
	CONSTRAINT "tools_status_check" CHECK ("tools"."status" in ('normal', 'repair', 'broken', 'disposed')),
	CONSTRAINT "tools_disposal_recorded" CHECK ("tools"."status" <> 'disposed' or ("tools"."disposed_on" is not null and "tools"."disposal_reason" is not null)),
	CONSTRAINT "tools_management_type_check" CHECK ("tools"."management_type" in ('individual', 'quantity')),
	CONSTRAINT "tools_quantity_not_negative" CHECK ("tools"."current_quantity" >= 0),
	CONSTRAINT "tools_quantity_when_counted" CHECK ("tools"."management_type" = 'individual' or "tools"."current_quantity" is not null),
	CONSTRAINT "tools_min_stock_not_negative" CHECK ("tools"."min_stock_alert" >= 0),
	CONSTRAINT "tools_price_not_negative" CHECK ("tools"."purchase_price" >= 0),
	CONSTRAINT "tools_useful_life_range" CHECK ("tools"."useful_life_years" is null or "tools"."useful_life_years" between 1 and 50),
	CONSTRAINT "tools_custom_fields_object" CHECK (jsonb_typeof("tools"."custom_fields") = 'object')
);
--> statement-breakpoint
ALTER TABLE "tools" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "custom_field_definitions" ADD CONSTRAINT "custom_field_definitions_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_field_definitions" ADD CONSTRAINT "custom_field_definitions_category_fk" FOREIGN KEY ("organization_id","category_id") REFERENCES "public"."tool_categories"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_settings" ADD CONSTRAINT "register_settings_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_attachments" ADD CONSTRAINT "tool_attachments_tool_fk" FOREIGN KEY ("organization_id","tool_id") REFERENCES "public"."tools"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_attachments" ADD CONSTRAINT "tool_attachments_uploader_fk" FOREIGN KEY ("organization_id","uploaded_by") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_categories" ADD CONSTRAINT "tool_categories_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_statuses" ADD CONSTRAINT "tool_statuses_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tools" ADD CONSTRAINT "tools_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tools" ADD CONSTRAINT "tools_category_fk" FOREIGN KEY ("organization_id","category_id") REFERENCES "public"."tool_categories"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tools" ADD CONSTRAINT "tools_status_fk" FOREIGN KEY ("organization_id","status_id") REFERENCES "public"."tool_statuses"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tools" ADD CONSTRAINT "tools_location_fk" FOREIGN KEY ("organization_id","current_location_id") REFERENCES "public"."locations"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tools" ADD CONSTRAINT "tools_holder_fk" FOREIGN KEY ("organization_id","current_holder_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tools" ADD CONSTRAINT "tools_deleted_by_fk" FOREIGN KEY ("organization_id","deleted_by") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "custom_field_definitions_org_key" ON "custom_field_definitions" USING btree ("organization_id","entity_type","field_key");--> statement-breakpoint
CREATE INDEX "locations_org_type_idx" ON "locations" USING btree ("organization_id","type","is_active");--> statement-breakpoint
CREATE UNIQUE INDEX "register_settings_org_key" ON "register_settings" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tool_attachments_org_key_key" ON "tool_attachments" USING btree ("organization_id","storage_key");--> statement-breakpoint
CREATE INDEX "tool_attachments_org_tool_idx" ON "tool_attachments" USING btree ("organization_id","tool_id","display_order");--> statement-breakpoint
CREATE UNIQUE INDEX "tool_categories_org_prefix_key" ON "tool_categories" USING btree ("organization_id","code_prefix");--> statement-breakpoint
CREATE UNIQUE INDEX "tool_categories_org_name_key" ON "tool_categories" USING btree ("organization_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "tool_statuses_org_label_key" ON "tool_statuses" USING btree ("organization_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "tools_org_code_key" ON "tools" USING btree ("organization_id","tool_code");--> statement-breakpoint
CREATE INDEX "tools_org_category_idx" ON "tools" USING btree ("organization_id","category_id");--> statement-breakpoint
CREATE INDEX "tools_org_location_idx" ON "tools" USING btree ("organization_id","current_location_id");--> statement-breakpoint
CREATE INDEX "tools_org_holder_idx" ON "tools" USING btree ("organization_id","current_holder_id");--> statement-breakpoint
CREATE INDEX "tools_org_updated_idx" ON "tools" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "tools_org_deleted_idx" ON "tools" USING btree ("organization_id","deleted_at");--> statement-breakpoint
CREATE POLICY "custom_field_definitions_select" ON "custom_field_definitions" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "custom_field_definitions_insert" ON "custom_field_definitions" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "custom_field_definitions_update" ON "custom_field_definitions" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin'))) WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "custom_field_definitions_delete" ON "custom_field_definitions" AS PERMISSIVE FOR DELETE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "locations_select" ON "locations" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "locations_insert" ON "locations" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader')));--> statement-breakpoint
CREATE POLICY "locations_update" ON "locations" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader'))) WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader')));--> statement-breakpoint
CREATE POLICY "locations_delete" ON "locations" AS PERMISSIVE FOR DELETE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader')));--> statement-breakpoint
CREATE POLICY "register_settings_select" ON "register_settings" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "register_settings_insert" ON "register_settings" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "register_settings_update" ON "register_settings" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin'))) WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "register_settings_delete" ON "register_settings" AS PERMISSIVE FOR DELETE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "tool_attachments_select" ON "tool_attachments" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "tool_attachments_insert" ON "tool_attachments" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader')));--> statement-breakpoint
CREATE POLICY "tool_attachments_update" ON "tool_attachments" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader'))) WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader')));--> statement-breakpoint
CREATE POLICY "tool_attachments_delete" ON "tool_attachments" AS PERMISSIVE FOR DELETE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader')));--> statement-breakpoint
CREATE POLICY "tool_categories_select" ON "tool_categories" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "tool_categories_insert" ON "tool_categories" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "tool_categories_update" ON "tool_categories" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin'))) WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "tool_categories_delete" ON "tool_categories" AS PERMISSIVE FOR DELETE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "tool_statuses_select" ON "tool_statuses" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "tool_statuses_insert" ON "tool_statuses" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "tool_statuses_update" ON "tool_statuses" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin'))) WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "tool_statuses_delete" ON "tool_statuses" AS PERMISSIVE FOR DELETE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "tools_select" ON "tools" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "tools_insert" ON "tools" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader')));--> statement-breakpoint
CREATE POLICY "tools_update" ON "tools" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader', 'staff'))) WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader', 'staff')));--> statement-breakpoint
CREATE POLICY "tools_delete" ON "tools" AS PERMISSIVE FOR DELETE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')) and deleted_at is not null);