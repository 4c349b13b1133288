-- Dashboard, maintenance and notifications (docs/decisions/012-dashboard-maintenance-reports.md): forced RLS, grants, audit and
-- touch triggers for the tables of the `dashboard` migration, and the indexes the morning alerts read.

alter table management_settings force row level security;
alter table repair_records force row level security;
alter table inspection_schedules force row level security;
alter table inspection_records force row level security;
alter table notifications force row level security;
alter table notification_preferences force row level security;
alter table organization_features force row level security;

-- Members: what the policies then narrow to their company, role and (notifications) themselves.
grant select, insert, update, delete on management_settings, repair_records, inspection_schedules, inspection_records,
  notification_preferences to authenticated;
grant select, insert, delete on notifications to authenticated;
grant update (read_at) on notifications to authenticated;
-- Plan features are the operator's and billing's to set (privileged path); members only read them.
grant select on organization_features to authenticated;

create trigger management_settings_touch before update on management_settings for each row execute function app.touch_updated_at();
create trigger repair_records_touch before update on repair_records for each row execute function app.touch_updated_at();
create trigger inspection_schedules_touch before update on inspection_schedules for each row execute function app.touch_updated_at();
create trigger notification_preferences_touch before update on notification_preferences for each row execute function app.touch_updated_at();
create trigger organization_features_touch before update on organization_features for each row execute function app.touch_updated_at();

create trigger management_settings_audit after insert or update or delete on management_settings for each row execute function app.audit_row();
create trigger repair_records_audit after insert or update or delete on repair_records for each row execute function app.audit_row();
create trigger inspection_schedules_audit after insert or update or delete on inspection_schedules for each row execute function app.audit_row();
create trigger inspection_records_audit after insert or update or delete on inspection_records for each row execute function app.audit_row();
create trigger notification_preferences_audit after insert or update or delete on notification_preferences for each row execute function app.audit_row();
create trigger organization_features_audit after insert or update or delete on organization_features for each row execute function app.audit_row();
-- Marking a notification read is not a change of company data: only its creation and removal are audited.
create trigger notifications_audit after insert or delete on notifications for each row execute function app.audit_row();

-- Long unreturned: individual tools by place and last move (the dashboard, the list filter, the digest).
create index tools_org_location_moved_idx on tools (organization_id, current_location_id, last_moved_at)
  where deleted_at is null and management_type = 'individual';

-- The five latest moves use tool_movements_org_moved_idx (organization_id, moved_at desc, id desc), from the
-- movement_history_indexes migration.

-- When a tool is next due under a schedule: its latest passed inspection plus the interval (with colour tags, from
-- the start of that month, so a tag holds to the end of its month), or the schedule's first due date. One
-- definition for the alerts, the tool list's filter and the schedule pages (inlined by the planner).
create or replace function app.next_due(uses_color boolean, interval_months integer, last_passed date, starts_on date) returns date
  language sql immutable parallel safe set search_path = ''
  as $$
    select coalesce(case when uses_color
      then (date_trunc('month', last_passed::timestamp) + make_interval(months => interval_months))::date
      else (last_passed::timestamp + make_interval(months => interval_months))::date end, starts_on)
  $$;
grant execute on function app.next_due(boolean, integer, date, date) to authenticated, genba_system;
