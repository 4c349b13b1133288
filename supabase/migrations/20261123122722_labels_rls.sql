-- QR labels: forced RLS, grants (issued blank labels are insert-only history for members), audit and touch
-- triggers (docs/decisions/010-labels.md).
alter table label_settings force row level security;
alter table blank_labels force row level security;

grant select, insert, update, delete on label_settings to authenticated;
grant select, insert on blank_labels to authenticated;

create trigger label_settings_touch before update on label_settings for each row execute function app.touch_updated_at();
create trigger label_settings_audit after insert or update or delete on label_settings
  for each row execute function app.audit_row();
create trigger blank_labels_audit after insert or update or delete on blank_labels
  for each row execute function app.audit_row();
