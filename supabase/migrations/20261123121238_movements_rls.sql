-- Moves and stock away from home: forced RLS, grants (history is insert-only for members), audit and touch
-- triggers; and staff may now also set last_moved_at, which every move updates.
alter table tool_movements force row level security;
alter table tool_stock force row level security;

grant select, insert on tool_movements to authenticated;
grant select, insert, update, delete on tool_stock to authenticated;

create trigger tool_movements_audit after insert or update or delete on tool_movements
  for each row execute function app.audit_row();
create trigger tool_stock_audit after insert or update or delete on tool_stock
  for each row execute function app.audit_row();
create trigger tool_stock_touch before update on tool_stock for each row execute function app.touch_updated_at();

-- Same guard as in tools_rls, with last_moved_at among the whereabouts a staff member's move changes.
create or replace function app.tools_guard() returns trigger
  language plpgsql set search_path = ''
  as $$
  declare
    whereabouts text[] := array['current_location_id', 'current_holder_id', 'current_quantity', 'last_moved_at', 'status', 'status_id', 'updated_at'];
  begin
    if app.has_role('staff') then
      if (to_jsonb(new) - whereabouts) is distinct from (to_jsonb(old) - whereabouts) then
        raise exception 'staff may change only where a tool is, its quantity and its status' using errcode = '42501';
      end if;
      if new.status = 'disposed' and old.status <> 'disposed' then
        raise exception 'staff may not dispose of tools' using errcode = '42501';
      end if;
    end if;
    if old.deleted_at is not null and new.deleted_at is null
      and current_setting('role', true) = 'authenticated' and not app.has_role('owner', 'admin') then
      raise exception 'only owners and admins restore tools from the trash' using errcode = '42501';
    end if;
    return new;
  end
  $$;
