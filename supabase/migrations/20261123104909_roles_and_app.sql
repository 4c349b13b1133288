-- Roles, the app schema and the claim helpers every RLS policy calls (the tenant contract in DESIGN.md).
-- Written before the tables, so function bodies are not checked against them yet.
set local check_function_bodies = off;

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  -- The named privileged paths (withSystem) switch to this role; the app's login role holds no BYPASSRLS itself.
  if not exists (select 1 from pg_roles where rolname = 'genba_system') then
    create role genba_system nologin noinherit bypassrls;
  end if;
end
$$;

create schema if not exists app;
revoke all on schema app from public;
grant usage on schema app to authenticated, genba_system;

-- New functions are not executable by everyone unless granted.
alter default privileges revoke execute on functions from public;
alter default privileges in schema app revoke execute on functions from public;

create or replace function app.claims() returns jsonb
  language sql stable set search_path = ''
  as $$ select nullif(current_setting('request.jwt.claims', true), '')::jsonb $$;

create or replace function app.user_id() returns uuid
  language sql stable set search_path = ''
  as $$ select nullif(app.claims() ->> 'sub', '')::uuid $$;

-- The claimed company, but only while the user really has an active membership in a live company.
create or replace function app.org_id() returns uuid
  language sql stable security definer set search_path = ''
  as $$
    select m.organization_id
    from public.memberships m
    join public.organizations o on o.id = m.organization_id
    where m.organization_id = nullif(app.claims() ->> 'org_id', '')::uuid
      and m.user_id = app.user_id()
      and m.is_active
      and o.is_active and o.suspended_at is null and o.deleted_at is null
  $$;

-- The role comes from the membership row, never from the claim.
create or replace function app.org_role() returns text
  language sql stable security definer set search_path = ''
  as $$
    select m.role
    from public.memberships m
    join public.organizations o on o.id = m.organization_id
    where m.organization_id = nullif(app.claims() ->> 'org_id', '')::uuid
      and m.user_id = app.user_id()
      and m.is_active
      and o.is_active and o.suspended_at is null and o.deleted_at is null
  $$;

create or replace function app.has_role(variadic allowed text[]) returns boolean
  language sql stable set search_path = ''
  as $$ select coalesce(app.org_role() = any (allowed), false) $$;

-- Subdomains that can never be a company's (kept in step with lib/tenancy/subdomain.ts).
create or replace function app.is_reserved_subdomain(sub text) returns boolean
  language sql immutable set search_path = ''
  as $$
    select sub = any (array[
      'admin', 'administrator', 'api', 'app', 'apps', 'assets', 'auth', 'billing', 'blog', 'cdn', 'dashboard',
      'demo-admin', 'dev', 'docs', 'email', 'files', 'ftp', 'help', 'imap', 'internal', 'localhost', 'login',
      'mail', 'media', 'mx', 'ns', 'ns1', 'ns2', 'operator', 'pop', 'pop3', 'portal', 'root', 'security',
      'signup', 'smtp', 'static', 'staging', 'status', 'stripe', 'support', 'system', 'test', 'webhook',
      'webhooks', 'webmail', 'www', 'genba'
    ])
  $$;

grant execute on function app.claims(), app.user_id(), app.org_id(), app.org_role(), app.has_role(text[]),
  app.is_reserved_subdomain(text) to authenticated, genba_system;
