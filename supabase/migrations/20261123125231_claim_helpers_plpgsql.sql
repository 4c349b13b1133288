-- The claim helpers every RLS policy and trigger calls, unchanged in meaning, rewritten in PL/pgSQL for speed
-- (docs/decisions/011-claim-helpers-plpgsql-and-one-transaction-sync.md). A SQL function with SET search_path (or SECURITY DEFINER) is
-- never inlined, and Postgres before 18 plans its body again at every call: about 0.3 ms per call on our
-- 2-core machines, and a move made ~15 calls. PL/pgSQL keeps its plans for the session: about 0.04 ms per call.
-- Same queries, same SECURITY DEFINER and empty search_path; the claims are read straight from the setting.

create or replace function app.claims() returns jsonb
  language plpgsql stable set search_path = ''
  as $$ begin return nullif(current_setting('request.jwt.claims', true), '')::jsonb; end $$;

create or replace function app.user_id() returns uuid
  language plpgsql stable set search_path = ''
  as $$ begin return nullif(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub', '')::uuid; end $$;

-- The claimed company, but only while the user really has an active membership in a live company.
create or replace function app.org_id() returns uuid
  language plpgsql stable security definer set search_path = ''
  as $$
  declare
    c jsonb := nullif(current_setting('request.jwt.claims', true), '')::jsonb;
    found_org uuid;
  begin
    select m.organization_id into found_org
      from public.memberships m
      join public.organizations o on o.id = m.organization_id
      where m.organization_id = nullif(c ->> 'org_id', '')::uuid
        and m.user_id = nullif(c ->> 'sub', '')::uuid
        and m.is_active
        and o.is_active and o.suspended_at is null and o.deleted_at is null;
    return found_org;
  end
  $$;

-- The role comes from the membership row, never from the claim.
create or replace function app.org_role() returns text
  language plpgsql stable security definer set search_path = ''
  as $$
  declare
    c jsonb := nullif(current_setting('request.jwt.claims', true), '')::jsonb;
    found_role text;
  begin
    select m.role into found_role
      from public.memberships m
      join public.organizations o on o.id = m.organization_id
      where m.organization_id = nullif(c ->> 'org_id', '')::uuid
        and m.user_id = nullif(c ->> 'sub', '')::uuid
        and m.is_active
        and o.is_active and o.suspended_at is null and o.deleted_at is null;
    return found_role;
  end
  $$;

create or replace function app.has_role(variadic allowed text[]) returns boolean
  language plpgsql stable set search_path = ''
  as $$ begin return coalesce(app.org_role() = any (allowed), false); end $$;
