-- The tool register: what drizzle-kit does not emit (docs/decisions/003-tool-register.md).
-- Forced RLS, grants, audit and touch triggers, tool_code allocation, plan limits, the staff whereabouts
-- guard, status sync, and the trigram / jsonb indexes used by search and custom-field filters.

create extension if not exists pg_trgm;

alter table tool_categories force row level security;
alter table tool_statuses force row level security;
alter table locations force row level security;
alter table tools force row level security;
alter table custom_field_definitions force row level security;
alter table tool_attachments force row level security;
alter table register_settings force row level security;

-- Members: what the policies then narrow to their company and role. The code counter is not theirs to set.
grant select, insert, delete on tool_categories to authenticated;
grant update (name, code_prefix, display_order, is_active, useful_life_years) on tool_categories to authenticated;
grant select, insert, update, delete on tool_statuses, locations, tools, custom_field_definitions, tool_attachments,
  register_settings to authenticated;

-- Security-definer helpers refuse to act for a member on another company's row (the RLS check comes later).
create or replace function app.assert_own_org(org uuid) returns void
  language plpgsql stable set search_path = ''
  as $$
  begin
    if current_setting('role', true) = 'authenticated' and org is distinct from app.org_id() then
      raise exception 'not your company' using errcode = '42501';
    end if;
  end
  $$;

-- The text that tool search matches: NFKC (half-width kana, full-width digits) and lower case, custom values included.
create or replace function app.tool_search_text(code text, name text, model text, maker text, serial text, fields jsonb)
  returns text
  language sql immutable parallel safe set search_path = ''
  as $$
    select lower(normalize(concat_ws(' ', code, name, model, maker, serial,
      (select string_agg(e.value, ' ') from jsonb_each_text(coalesce(fields, '{}'::jsonb)) e)), NFKC))
  $$;

grant execute on function app.tool_search_text(text, text, text, text, text, jsonb) to authenticated, genba_system;

create index tools_search_trgm_idx on tools
  using gin (app.tool_search_text(tool_code, name, model_number, manufacturer, serial_number, custom_fields) gin_trgm_ops);
create index tools_custom_fields_idx on tools using gin (custom_fields jsonb_path_ops);
create index locations_custom_fields_idx on locations using gin (custom_fields jsonb_path_ops);

-- The next free '<prefix>-<4 digits>' of a category. The category row stays locked until the transaction
-- ends, so concurrent creations queue here and never get the same number; codes typed by hand are skipped.
create or replace function app.allocate_tool_code(org uuid, category uuid) returns text
  language plpgsql security definer set search_path = ''
  as $$
  declare
    prefix text;
    n integer;
    code text;
  begin
    perform app.assert_own_org(org);
    select c.code_prefix, c.next_code_number into prefix, n
      from public.tool_categories c where c.organization_id = org and c.id = category
      for update;
    if not found then
      raise exception 'category % does not exist', category using errcode = '23503';
    end if;
    loop
      code := prefix || '-' || case when n < 10000 then lpad(n::text, 4, '0') else n::text end;
      exit when not exists (select 1 from public.tools t where t.organization_id = org and t.tool_code = code);
      n := n + 1;
    end loop;
    update public.tool_categories c set next_code_number = n + 1 where c.organization_id = org and c.id = category;
    return code;
  end
  $$;

create or replace function app.tools_assign_code() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  begin
    if new.tool_code is null or new.tool_code = '' then
      new.tool_code := app.allocate_tool_code(new.organization_id, new.category_id);
    end if;
    return new;
  end
  $$;

-- Plan limits, counted under a lock on the company row so concurrent creations cannot overshoot.
-- SQLSTATE GB001 = tool limit, GB002 = category limit; lib/db-errors.ts maps them to error codes.
create or replace function app.enforce_tool_limit() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  declare
    lim integer;
    n integer;
  begin
    if tg_op = 'UPDATE' and not (old.deleted_at is not null and new.deleted_at is null) then
      return new;
    end if;
    if new.deleted_at is not null then
      return new;
    end if;
    perform app.assert_own_org(new.organization_id);
    select o.max_tools into lim from public.organizations o where o.id = new.organization_id for no key update;
    if lim is not null then
      select count(*) into n from public.tools t where t.organization_id = new.organization_id and t.deleted_at is null;
      if n >= lim then
        raise exception 'plan limit: at most % tools', lim using errcode = 'GB001', hint = lim::text;
      end if;
    end if;
    return new;
  end
  $$;

create or replace function app.enforce_category_limit() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  declare
    lim integer;
    n integer;
  begin
    perform app.assert_own_org(new.organization_id);
    select o.max_categories into lim from public.organizations o where o.id = new.organization_id for no key update;
    if lim is not null then
      select count(*) into n from public.tool_categories c where c.organization_id = new.organization_id;
      if n >= lim then
        raise exception 'plan limit: at most % categories', lim using errcode = 'GB002', hint = lim::text;
      end if;
    end if;
    return new;
  end
  $$;

-- Staff may move tools (location, holder, quantity, status) and nothing else; only owners and admins
-- take a tool out of the trash.
create or replace function app.tools_guard() returns trigger
  language plpgsql set search_path = ''
  as $$
  declare
    whereabouts text[] := array['current_location_id', 'current_holder_id', 'current_quantity', 'status', 'status_id', 'updated_at'];
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

-- A company status stands in for its base status; picking a built-in status clears the company one.
create or replace function app.tools_status_sync() returns trigger
  language plpgsql set search_path = ''
  as $$
  begin
    if tg_op = 'UPDATE' and new.status is distinct from old.status and new.status_id is not distinct from old.status_id then
      new.status_id := null;
    end if;
    if new.status = 'disposed' then
      new.status_id := null;
    elsif new.status_id is not null then
      select s.base_status into new.status from public.tool_statuses s
        where s.organization_id = new.organization_id and s.id = new.status_id;
    end if;
    return new;
  end
  $$;

-- Triggers on one event fire in name order: limit, then code, then status, then the guard.
create trigger tools_a_limit before insert or update of deleted_at on tools for each row execute function app.enforce_tool_limit();
create trigger tools_b_code before insert on tools for each row execute function app.tools_assign_code();
create trigger tools_c_status before insert or update on tools for each row execute function app.tools_status_sync();
create trigger tools_d_guard before update on tools for each row execute function app.tools_guard();
create trigger tool_categories_limit before insert on tool_categories for each row execute function app.enforce_category_limit();

create trigger tools_touch before update on tools for each row execute function app.touch_updated_at();
create trigger locations_touch before update on locations for each row execute function app.touch_updated_at();
create trigger tool_statuses_touch before update on tool_statuses for each row execute function app.touch_updated_at();
create trigger custom_field_definitions_touch before update on custom_field_definitions for each row execute function app.touch_updated_at();
create trigger register_settings_touch before update on register_settings for each row execute function app.touch_updated_at();
-- Handing out a code moves only the counter: not an edit of the category.
create trigger tool_categories_touch before update on tool_categories for each row
  when ((to_jsonb(old) - 'next_code_number') is distinct from (to_jsonb(new) - 'next_code_number'))
  execute function app.touch_updated_at();

create trigger tools_audit after insert or update or delete on tools for each row execute function app.audit_row();
create trigger locations_audit after insert or update or delete on locations for each row execute function app.audit_row();
create trigger tool_statuses_audit after insert or update or delete on tool_statuses for each row execute function app.audit_row();
create trigger custom_field_definitions_audit after insert or update or delete on custom_field_definitions
  for each row execute function app.audit_row();
create trigger tool_attachments_audit after insert or update or delete on tool_attachments for each row execute function app.audit_row();
create trigger register_settings_audit after insert or update or delete on register_settings for each row execute function app.audit_row();
create trigger tool_categories_audit after insert or delete on tool_categories for each row execute function app.audit_row();
create trigger tool_categories_audit_update after update on tool_categories for each row
  when ((to_jsonb(old) - array['next_code_number', 'updated_at']) is distinct from (to_jsonb(new) - array['next_code_number', 'updated_at']))
  execute function app.audit_row();
