CREATE TABLE "blank_labels" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"layout" text NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blank_labels_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "blank_labels_layout_format" CHECK ("blank_labels"."layout" ~ '^(a4|tape)-[0-9]{2}$')
);
--> statement-breakpoint
ALTER TABLE "blank_labels" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "label_settings" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"offset_x_mm" numeric(3, 1) DEFAULT 0 NOT NULL,
	"offset_y_mm" numeric(3, 1) DEFAULT 0 NOT NULL,
	"layout" text DEFAULT 'a4-24' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "label_settings_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "label_settings_offset_range" CHECK ("label_settings"."offset_x_mm" between -10 and 10 and "label_settings"."offset_y_mm" between -10 and 10),
	CONSTRAINT "label_settings_layout_format" CHECK ("label_settings"."layout" ~ '^(a4|tape)-[0-9]{2}$')
);
--> statement-breakpoint
ALTER TABLE "label_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "blank_labels" ADD CONSTRAINT "blank_labels_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blank_labels" ADD CONSTRAINT "blank_labels_issuer_fk" FOREIGN KEY ("organization_id","issued_by") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_settings" ADD CONSTRAINT "label_settings_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blank_labels_org_batch_idx" ON "blank_labels" USING btree ("organization_id","batch_id");--> statement-breakpoint
CREATE INDEX "blank_labels_org_issued_idx" ON "blank_labels" USING btree ("organization_id","issued_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "label_settings_org_key" ON "label_settings" USING btree ("organization_id");--> statement-breakpoint
CREATE POLICY "blank_labels_select" ON "blank_labels" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "blank_labels_insert" ON "blank_labels" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader')));--> statement-breakpoint
CREATE POLICY "label_settings_select" ON "label_settings" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id = (select app.org_id()));--> statement-breakpoint
CREATE POLICY "label_settings_insert" ON "label_settings" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader')));--> statement-breakpoint
CREATE POLICY "label_settings_update" ON "label_settings" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader'))) WITH CHECK (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader')));--> statement-breakpoint
CREATE POLICY "label_settings_delete" ON "label_settings" AS PERMISSIVE FOR DELETE TO "authenticated" USING (organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin', 'leader')));