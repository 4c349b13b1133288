CREATE TABLE "inspection_records" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tool_id" uuid NOT NULL,
	"schedule_id" uuid,
	"performed_on" date NOT NULL,
	"result" text NOT NULL,
	"inspector_id" uuid NOT NULL,
	"color" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_records_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "inspection_records_result_check" CHECK ("inspection_records"."result" in ('pass', 'fail'))
);
--> statement-breakpoint
ALTER TABLE "inspection_records" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inspection_schedules" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'inspection' NOT NULL,
	"tool_id" uuid,
	"category_id" uuid,
	"interval_months" integer NOT NULL,
	"starts_on" date NOT NULL,
	"uses_color" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_schedules_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "inspection_schedules_kind_check" CHECK ("inspection_schedules"."kind" in ('inspection', 'calibration')),
	CONSTRAINT "inspection_schedules_one_target" CHECK (("inspection_schedules"."tool_id" is null) <> ("inspection_schedules"."category_id" is null)),
	CONSTRAINT "inspection_schedules_interval_range" CHECK ("inspection_schedules"."interval_months" between 1 and 120),
	CONSTRAINT "inspection_schedules_name_not_blank" CHECK (btrim("inspection_schedules"."name") <> '')
);
--> statement-breakpoint
ALTER TABLE "inspection_schedules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "management_settings" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"long_unreturned_days" integer DEFAULT 7 NOT NULL,
	"due_soon_days" integer DEFAULT 14 NOT NULL,
	"inspection_colors" jsonb NOT NULL,
	"color_anchor_month" date DEFAULT '2026-01-01' NOT NULL,
	"depreciation_method" text DEFAULT 'declining_balance' NOT NULL,
	"fiscal_year_end_month" integer DEFAULT 3 NOT NULL,
	"expense_threshold" bigint DEFAULT 100000 NOT NULL,
	"lump_sum_thirds" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "management_settings_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "management_settings_days_range" CHECK ("management_settings"."long_unreturned_days" between 1 and 365 and "management_settings"."due_soon_days" between 0 and 180),
	CONSTRAINT "management_settings_colors_array" CHECK (jsonb_typeof("management_settings"."inspection_colors") = 'array' and jsonb_array_length("management_settings"."inspection_colors") between 1 and 12),
	CONSTRAINT "management_settings_anchor_first" CHECK (extract(day from "management_settings"."color_anchor_month") = 1),
	CONSTRAINT "management_settings_method_check" CHECK ("management_settings"."depreciation_method" in ('straight_line', 'declining_balance')),
	CONSTRAINT "management_settings_fiscal_month" CHECK ("management_settings"."fiscal_year_end_month" between 1 and 12),
	CONSTRAINT "management_settings_threshold" CHECK ("management_settings"."expense_threshold" between 0 and 1000000)
);
--> statement-breakpoint
ALTER TABLE "management_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "repair_records" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tool_id" uuid NOT NULL,
	"status" text DEFAULT 'reported' NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"problem" text NOT NULL,
	"photo_key" text,
	"photo_thumbnail_key" text,
	"vendor" text,
	"cost" bigint,
	"sent_on" date,
	"completed_on" date,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "repair_records_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "repair_records_status_check" CHECK ("repair_records"."status" in ('reported', 'in_repair', 'done')),
	CONSTRAINT "repair_records_problem_not_blank" CHECK (btrim("repair_records"."problem") <> ''),
	CONSTRAINT "repair_records_cost_not_negative" CHECK ("repair_records"."cost" >= 0),
	CONSTRAINT "repair_records_dates_ordered" CHECK ("repair_records"."completed_on" is null or "repair_records"."sent_on" is null or "repair_records"."completed_on" >= "repair_records"."sent_on"),
	CONSTRAINT "repair_records_photo_in_org" CHECK ("repair_records"."photo_key" is null or starts_with("repair_records"."photo_key", "repair_records"."organization_id"::text || '/')),
	CONSTRAINT "repair_records_thumb_in_org" CHECK ("repair_records"."photo_thumbnail_key" is null or starts_with("repair_records"."photo_thumbnail_key", "repair_records"."organization_id"::text || '/'))
);
--> statement-breakpoint
ALTER TABLE "repair_records" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"in_app" boolean NOT NULL,
	"email" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "notification_preferences_topic_check" CHECK ("notification_preferences"."topic" in ('low_stock', 'long_unreturned', 'due', 'repairs', 'site_closed'))
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notifications" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "notifications_topic_check" CHECK ("notifications"."topic" in ('low_stock', 'long_unreturned', 'due', 'repairs', 'site_closed')),
	CONSTRAINT "notifications_link_is_path" CHECK ("notifications"."link" is null or "notifications"."link" ~ '^/[^/]'),
	CONSTRAINT "notifications_params_object" CHECK (jsonb_typeof("notifications"."params") = 'object')
);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "organization_features" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"feature_key" text NOT NULL,
	"is_enabled" boolean NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_features_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "organization_features_key_format" CHECK ("organization_features"."feature_key" ~ '^[a-z][a-z0-9_]{0,39}$'),
	CONSTRAINT "organization_features_config_object" CHECK (jsonb_typeof("organization_features"."config") = 'object')
);
--> statement-breakpoint
ALTER TABLE "organization_features" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "inspection_records" ADD CONSTRAINT "inspection_records_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_records" ADD CONSTRAINT "inspection_records_tool_fk" FOREIGN KEY ("organization_id","tool_id") REFERENCES "public"."tools"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_records" ADD CONSTRAINT "inspection_records_schedule_fk" FOREIGN KEY ("organization_id","schedule_id") REFERENCES "public"."inspection_schedules"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_records" ADD CONSTRAINT "inspection_records_inspector_fk" FOREIGN KEY ("organization_id","inspector_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_schedules" ADD CONSTRAINT "inspection_schedules_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_schedules" ADD CONSTRAINT "inspection_schedules_tool_fk" FOREIGN KEY ("organization_id","tool_id") REFERENCES "public"."tools"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_schedules" ADD CONSTRAINT "inspection_schedules_category_fk" FOREIGN KEY ("organization_id","category_id") REFERENCES "public"."tool_categories"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_settings" ADD CONSTRAINT "management_settings_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_records" ADD CONSTRAINT "repair_records_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_records" ADD CONSTRAINT "repair_records_tool_fk" FOREIGN KEY ("organization_id","tool_id") REFERENCES "public"."tools"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_records" ADD CONSTRAINT "repair_records_reporter_fk" FOREIGN KEY ("organization_id","reported_by") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_features" ADD CONSTRAINT "organization_features_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_records_org_tool_idx" ON "inspection_records" USING btree ("organization_id","tool_id","schedule_id","performed_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inspection_records_org_schedule_idx" ON "inspection_records" USING btree ("organization_id","schedule_id","tool_id","performed_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inspection_schedules_org_category_idx" ON "inspection_schedules" USING btree ("organization_id","category_id");--> statement-breakpoint
CREATE INDEX "inspection_schedules_org_tool_idx" ON "inspection_schedules" USING btree ("organization_id","tool_id");--> statement-breakpoint
CREATE UNIQUE INDEX "management_settings_org_key" ON "management_settings" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "repair_records_org_tool_idx" ON "repair_records" USING btree ("organization_id","tool_id","reported_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "repair_records_org_open_idx" ON "repair_records" USING btree ("organization_id","reported_at" DESC NULLS LAST) WHERE "repair_records"."status" <> 'done';--> statement-breakpoint
CREATE UNIQUE INDEX "notification_preferences_org_user_topic_key" ON "notification_preferences" USING btree ("organization_id","user_id","topic");--> statement-breakpoint
CREATE INDEX "notifications_org_user_idx" ON "notifications" USING btree ("organization_id","user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_org_user_unread_idx" ON "notifications" USING btree ("organization_id","user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "organization_features_org_key_key" ON "organization_features" USING btree ("organization_id","feature_key");--> statement-breakpoint
CREATE POLICY "inspection_records_select" ON "inspection_records" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "inspection_records_insert" ON "inspection_records" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader', 'staff')));--> statement-breakpoint
CREATE POLICY "inspection_records_update" ON "inspection_records" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin'))) WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "inspection_records_delete" ON "inspection_records" AS PERMISSIVE FOR DELETE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "inspection_schedules_select" ON "inspection_schedules" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "inspection_schedules_insert" ON "inspection_schedules" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader')));--> statement-breakpoint
CREATE POLICY "inspection_schedules_update" ON "inspection_schedules" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader'))) WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader')));--> statement-breakpoint
CREATE POLICY "inspection_schedules_delete" ON "inspection_schedules" AS PERMISSIVE FOR DELETE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader')));--> statement-breakpoint
CREATE POLICY "management_settings_select" ON "management_settings" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "management_settings_insert" ON "management_settings" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "management_settings_update" ON "management_settings" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin'))) WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "management_settings_delete" ON "management_settings" AS PERMISSIVE FOR DELETE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "repair_records_select" ON "repair_records" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "repair_records_insert" ON "repair_records" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader', 'staff')));--> statement-breakpoint
CREATE POLICY "repair_records_update" ON "repair_records" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader'))) WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader')));--> statement-breakpoint
CREATE POLICY "repair_records_delete" ON "repair_records" AS PERMISSIVE FOR DELETE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin')));--> statement-breakpoint
CREATE POLICY "notification_preferences_select" ON "notification_preferences" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "notification_preferences_insert" ON "notification_preferences" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and user_id = (select app.user_id()));--> statement-breakpoint
CREATE POLICY "notification_preferences_update" ON "notification_preferences" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (organization_id = (select app.org_id()) and user_id = (select app.user_id())) WITH CHECK (organization_id = (select app.org_id()) and user_id = (select app.user_id()));--> statement-breakpoint
CREATE POLICY "notification_preferences_delete" ON "notification_preferences" AS PERMISSIVE FOR DELETE TO "authenticated" USING (organization_id = (select app.org_id()) and user_id = (select app.user_id()));--> statement-breakpoint
CREATE POLICY "notifications_select" ON "notifications" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()) and user_id = (select app.user_id()));--> statement-breakpoint
CREATE POLICY "notifications_insert" ON "notifications" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader', 'staff')));--> statement-breakpoint
CREATE POLICY "notifications_update" ON "notifications" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (organization_id = (select app.org_id()) and user_id = (select app.user_id())) WITH CHECK (organization_id = (select app.org_id()) and user_id = (select app.user_id()));--> statement-breakpoint
CREATE POLICY "notifications_delete" ON "notifications" AS PERMISSIVE FOR DELETE TO "authenticated" USING (organization_id = (select app.org_id()) and user_id = (select app.user_id()));--> statement-breakpoint
CREATE POLICY "organization_features_select" ON "organization_features" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));