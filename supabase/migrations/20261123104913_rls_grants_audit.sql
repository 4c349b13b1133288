-- What drizzle-kit does not emit: forced RLS, grants, the audit trail and its hash chain.

alter table organizations force row level security;
alter table users force row level security;
alter table memberships force row level security;
alter table audit_logs force row level security;
alter table idempotency_keys force row level security;

-- Privileged paths (withSystem) get table rights on everything in public; new tables inherit them.
grant usage on schema public to genba_system, authenticated;
grant select, insert, update, delete on all tables in schema public to genba_system;
alter default privileges in schema public grant select, insert, update, delete on tables to genba_system;
alter default privileges in schema public grant usage, select on sequences to genba_system;

-- Members: what the policies then narrow to their company and role.
grant select on organizations to authenticated;
grant update (name, settings) on organizations to authenticated;
grant select on users to authenticated;
grant update (name, locale) on users to authenticated;
grant select, insert, update, delete on memberships to authenticated;
grant select on audit_logs to authenticated;
grant select, insert, update, delete on idempotency_keys to authenticated;

create or replace function app.touch_updated_at() returns trigger
  language plpgsql set search_path = ''
  as $$ begin new.updated_at := now(); return new; end $$;

create trigger organizations_touch before update on organizations for each row execute function app.touch_updated_at();
create trigger users_touch before update on users for each row execute function app.touch_updated_at();
create trigger memberships_touch before update on memberships for each row execute function app.touch_updated_at();

-- Request context (ip, user agent, request id, reason) set by withTenant/withSystem for the audit rows.
create or replace function app.request_context() returns jsonb
  language sql stable set search_path = ''
  as $$ select coalesce(nullif(current_setting('app.request', true), '')::jsonb, '{}'::jsonb) $$;

-- The canonical text an audit row's hash covers (timestamps as epoch microseconds, independent of TimeZone).
create or replace function app.audit_payload(r public.audit_logs) returns bytea
  language sql immutable set search_path = ''
  as $$
    select convert_to(jsonb_build_object(
      'organization_id', r.organization_id, 'id', r.id, 'seq', r.seq, 'user_id', r.user_id,
      'action', r.action, 'table_name', r.table_name, 'record_id', r.record_id,
      'old_value', r.old_value, 'new_value', r.new_value, 'ip_address', host(r.ip_address),
      'user_agent', r.user_agent, 'request_id', r.request_id, 'reason', r.reason,
      'created_at', (extract(epoch from r.created_at) * 1000000)::bigint
    )::text, 'UTF8')
  $$;

-- Each company's log is a chain: hash = sha256(prev_hash || row). One writer per company at a time.
create or replace function app.audit_chain() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  declare
    last record;
  begin
    perform pg_advisory_xact_lock(hashtextextended('audit:' || new.organization_id::text, 0));
    select a.seq, a.hash into last from public.audit_logs a
      where a.organization_id = new.organization_id order by a.seq desc limit 1;
    new.seq := coalesce(last.seq, 0) + 1;
    new.prev_hash := last.hash;
    new.created_at := coalesce(new.created_at, now());
    new.hash := sha256(coalesce(last.hash, ''::bytea) || app.audit_payload(new));
    return new;
  end
  $$;

create trigger audit_logs_chain before insert on audit_logs for each row execute function app.audit_chain();

create or replace function app.audit_immutable() returns trigger
  language plpgsql set search_path = ''
  as $$ begin raise exception 'audit_logs is append-only' using errcode = '42501'; end $$;

create trigger audit_logs_no_update before update or delete on audit_logs for each row execute function app.audit_immutable();
create trigger audit_logs_no_truncate before truncate on audit_logs for each statement execute function app.audit_immutable();
revoke update, delete, truncate on audit_logs from public, authenticated, anon, genba_system;

-- The first seq whose hash does not match its row and predecessor, or null when the chain is whole.
create or replace function app.verify_audit_chain(org uuid) returns bigint
  language plpgsql stable security definer set search_path = ''
  as $$
  declare
    r public.audit_logs;
    prev bytea := null;
    expected_seq bigint := 1;
  begin
    for r in select * from public.audit_logs where organization_id = org order by seq loop
      if r.seq <> expected_seq
        or r.prev_hash is distinct from prev
        or r.hash <> sha256(coalesce(prev, ''::bytea) || app.audit_payload(r)) then
        return r.seq;
      end if;
      prev := r.hash;
      expected_seq := expected_seq + 1;
    end loop;
    return null;
  end
  $$;

-- Explicit audit events written by privileged paths (sign-in, system access); any company.
create or replace function app.write_audit(
  org uuid, actor uuid, action text, table_name text, record_id text,
  old_value jsonb default null, new_value jsonb default null, reason text default null
) returns void
  language plpgsql security definer set search_path = ''
  as $$
  declare
    ctx jsonb := app.request_context();
  begin
    insert into public.audit_logs (organization_id, user_id, action, table_name, record_id, old_value, new_value,
      ip_address, user_agent, request_id, reason, seq, hash)
    values (org, actor, action, table_name, record_id, old_value, new_value,
      nullif(ctx ->> 'ip', '')::inet, ctx ->> 'user_agent', ctx ->> 'request_id', coalesce(reason, ctx ->> 'reason'), 0, ''::bytea);
  end
  $$;

-- Explicit audit events written by a member: always their own company and themselves.
create or replace function app.log_event(action text, table_name text, record_id text, details jsonb default null)
  returns void
  language plpgsql security definer set search_path = ''
  as $$
  declare
    org uuid := app.org_id();
  begin
    if org is null then
      raise exception 'no active membership' using errcode = '42501';
    end if;
    perform app.write_audit(org, app.user_id(), action, table_name, record_id, null, details, null);
  end
  $$;

-- The generic row trigger any tenant table attaches: argument = the column holding the company id.
create or replace function app.audit_row() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  declare
    org_column text := coalesce(tg_argv[0], 'organization_id');
    old_json jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
    new_json jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
    row_json jsonb := coalesce(new_json, old_json);
    changed_old jsonb := '{}'::jsonb;
    changed_new jsonb := '{}'::jsonb;
    k text;
  begin
    if tg_op = 'UPDATE' then
      for k in select jsonb_object_keys(new_json) loop
        if k <> 'updated_at' and (old_json -> k) is distinct from (new_json -> k) then
          changed_old := changed_old || jsonb_build_object(k, old_json -> k);
          changed_new := changed_new || jsonb_build_object(k, new_json -> k);
        end if;
      end loop;
      if changed_new = '{}'::jsonb then
        return null;
      end if;
      old_json := changed_old;
      new_json := changed_new;
    end if;
    perform app.write_audit((row_json ->> org_column)::uuid, app.user_id(), lower(tg_op), tg_table_name,
      row_json ->> 'id', old_json, new_json, null);
    return null;
  end
  $$;

create trigger organizations_audit after insert or update or delete on organizations
  for each row execute function app.audit_row('id');
create trigger memberships_audit after insert or update or delete on memberships
  for each row execute function app.audit_row();

-- Public facts about a live company, for its sign-in page; nothing about unknown or suspended ones.
create or replace function app.tenant_by_subdomain(sub text)
  returns table (id uuid, name text, subdomain text, plan text)
  language sql stable security definer set search_path = ''
  as $$
    select o.id, o.name, o.subdomain, o.plan from public.organizations o
    where o.subdomain = lower(sub) and o.kind = 'tenant'
      and o.is_active and o.suspended_at is null and o.deleted_at is null
  $$;

grant execute on function app.request_context(), app.log_event(text, text, text, jsonb),
  app.tenant_by_subdomain(text) to authenticated, genba_system;
grant execute on function app.write_audit(uuid, uuid, text, text, text, jsonb, jsonb, text),
  app.verify_audit_chain(uuid), app.audit_payload(public.audit_logs) to genba_system;

-- The migrator's bookkeeping table (absent under `supabase db push`): readable for health checks.
do $$
begin
  if to_regclass('public.schema_migrations') is not null then
    grant select on public.schema_migrations to authenticated, genba_system;
  end if;
end
$$;
