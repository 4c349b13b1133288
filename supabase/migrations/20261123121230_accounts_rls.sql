-- Accounts: forced RLS and grants for the new tables, the membership rules (role ceilings, last owner,
-- seat limit under a row lock), and the narrow security-definer functions members and visitors call.

alter table invitations force row level security;
alter table password_resets force row level security;
alter table auth_tokens force row level security;
alter table recovery_codes force row level security;
alter table rate_limits force row level security;
alter table mail_outbox force row level security;

-- Tokens, secrets, counters and mail: privileged path only.
revoke all on password_resets, auth_tokens, recovery_codes, rate_limits, mail_outbox from public, anon, authenticated;
grant select, insert, update, delete on invitations, password_resets, auth_tokens, recovery_codes, rate_limits, mail_outbox to genba_system;

-- Owners and admins see invitations without their token hash, create them and revoke them (policies narrow further).
revoke all on invitations from public, anon, authenticated;
grant select (organization_id, id, email, role, invited_by, expires_at, accepted_at, accepted_by, revoked_at, created_at)
  on invitations to authenticated;
grant insert (organization_id, id, email, role, token_hash, invited_by, expires_at) on invitations to authenticated;
grant update (revoked_at) on invitations to authenticated;

create trigger invitations_audit after insert or update on invitations for each row execute function app.audit_row();

create or replace function app.role_rank(role text) returns integer
  language sql immutable set search_path = ''
  as $$ select array_position(array['viewer', 'staff', 'leader', 'admin', 'owner'], role) $$;

-- Membership rules that hold for every writer: a member never acts above their own role (owners are made
-- only by an owner, by transfer), a company always keeps an active owner, and the plan's user limit is
-- checked under a lock on the company row, so concurrent joins cannot overshoot it.
create or replace function app.guard_membership() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  declare
    actor text := app.org_role();
    seats integer;
    used integer;
  begin
    if actor is not null then
      if tg_op = 'INSERT' and (new.role = 'owner' or app.role_rank(new.role) > app.role_rank(actor)) then
        raise exception 'role above your own' using errcode = '42501';
      end if;
      if tg_op in ('UPDATE', 'DELETE') and app.role_rank(old.role) > app.role_rank(actor) then
        raise exception 'member above your own role' using errcode = '42501';
      end if;
      if tg_op = 'UPDATE' and new.role is distinct from old.role
        and (app.role_rank(new.role) > app.role_rank(actor) or (new.role = 'owner' and actor <> 'owner')) then
        raise exception 'role above your own' using errcode = '42501';
      end if;
    end if;
    if tg_op in ('UPDATE', 'DELETE') and old.role = 'owner' and old.is_active
      and (tg_op = 'DELETE' or new.role <> 'owner' or not new.is_active)
      and not exists (select 1 from public.memberships m where m.organization_id = old.organization_id
        and m.id <> old.id and m.role = 'owner' and m.is_active) then
      raise exception 'a company keeps at least one owner' using errcode = 'GB002';
    end if;
    if tg_op = 'INSERT' and new.is_active or tg_op = 'UPDATE' and new.is_active and not old.is_active then
      select o.max_users into seats from public.organizations o where o.id = new.organization_id for update;
      if seats is not null then
        select count(*) into used from public.memberships m
          where m.organization_id = new.organization_id and m.is_active and m.id <> new.id;
        if used >= seats then
          raise exception 'the plan''s user limit is reached' using errcode = 'GB001';
        end if;
      end if;
    end if;
    return coalesce(new, old);
  end
  $$;

create trigger memberships_guard before insert or update or delete on memberships
  for each row execute function app.guard_membership();

-- What /join shows about a live invitation of this company (never the token hash); nothing otherwise.
create or replace function app.invitation_preview(org uuid, hash bytea)
  returns table (id uuid, email text, role text, expires_at timestamptz, has_account boolean)
  language sql stable security definer set search_path = ''
  as $$
    select i.id, i.email, i.role, i.expires_at,
      exists (select 1 from public.users u where lower(u.email) = lower(i.email) and u.deleted_at is null)
    from public.invitations i
    join public.organizations o on o.id = i.organization_id and o.is_active and o.suspended_at is null and o.deleted_at is null
    where i.organization_id = org and i.token_hash = hash
      and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()
  $$;

-- Whether a password-reset link is still good (for the page that asks for the new password).
create or replace function app.password_reset_valid(org uuid, hash bytea) returns boolean
  language sql stable security definer set search_path = ''
  as $$
    select exists (select 1 from public.password_resets r
      where r.organization_id = org and r.token_hash = hash and r.used_at is null and r.expires_at > now())
  $$;

-- rate-limiter-flexible's store operations over rate_limits (the counters are never readable as a table).
create or replace function app.rate_limit_upsert(k text, pts integer, duration_ms bigint, force boolean)
  returns table (points integer, expire timestamptz)
  language sql volatile security definer set search_path = ''
  as $$
    insert into public.rate_limits as r (key, points, expire)
    values (k, pts, case when duration_ms > 0 then now() + make_interval(secs => duration_ms / 1000.0::double precision) end)
    on conflict (key) do update set
      points = case when force or r.expire <= now() then excluded.points else r.points + excluded.points end,
      expire = case when force or r.expire <= now() then excluded.expire else r.expire end
    returning r.points, r.expire
  $$;

create or replace function app.rate_limit_get(k text) returns table (points integer, expire timestamptz)
  language sql stable security definer set search_path = ''
  as $$ select r.points, r.expire from public.rate_limits r where r.key = k and (r.expire is null or r.expire > now()) $$;

create or replace function app.rate_limit_delete(k text) returns boolean
  language plpgsql volatile security definer set search_path = ''
  as $$
  begin
    delete from public.rate_limits r where r.key = k;
    -- Expired counters go a few at a time, so the table never grows without bound.
    delete from public.rate_limits r where r.key in (select x.key from public.rate_limits x where x.expire < now() - interval '1 hour' limit 100);
    return found;
  end
  $$;

-- The companies the signed-in person may switch to: their active memberships in live tenant companies.
create or replace function app.my_companies()
  returns table (id uuid, name text, subdomain text, role text)
  language sql stable security definer set search_path = ''
  as $$
    select o.id, o.name, o.subdomain, m.role from public.memberships m
    join public.organizations o on o.id = m.organization_id
    where m.user_id = app.user_id() and m.is_active and o.kind = 'tenant'
      and o.is_active and o.suspended_at is null and o.deleted_at is null
    order by o.name
  $$;

-- The signed-in person's live sessions in the current company (never the token hash).
create or replace function app.my_sessions()
  returns table (id uuid, created_at timestamptz, last_seen_at timestamptz, expires_at timestamptz, ip_address text, user_agent text)
  language sql stable security definer set search_path = ''
  as $$
    select s.id, s.created_at, s.last_seen_at, s.expires_at, host(s.ip_address), s.user_agent from public.sessions s
    where s.organization_id = app.org_id() and s.user_id = app.user_id() and s.revoked_at is null and s.expires_at > now()
    order by s.last_seen_at desc
  $$;

-- Ends one of the signed-in person's own sessions in the current company; audited.
create or replace function app.end_my_session(session uuid) returns boolean
  language plpgsql volatile security definer set search_path = ''
  as $$
  begin
    update public.sessions s set revoked_at = now()
      where s.organization_id = app.org_id() and s.user_id = app.user_id() and s.id = session and s.revoked_at is null;
    if not found then
      return false;
    end if;
    perform app.log_event('auth.session_ended', 'sessions', session::text, null);
    return true;
  end
  $$;

-- Two-factor state of the signed-in person here: enabled, and whether this company requires it of their role.
create or replace function app.two_factor_state() returns table (enabled boolean, required boolean)
  language sql stable security definer set search_path = ''
  as $$
    select coalesce((select c.totp_enabled_at is not null from public.user_credentials c where c.user_id = app.user_id()), false),
      coalesce((select (o.settings ->> 'requireTwoFactor')::boolean from public.organizations o where o.id = app.org_id()), false)
        and app.org_role() in ('owner', 'admin')
  $$;

-- Whether a subdomain is already a company's (sign-up checks as you type); says nothing more than that.
create or replace function app.subdomain_taken(sub text) returns boolean
  language sql stable security definer set search_path = ''
  as $$ select exists (select 1 from public.organizations o where o.subdomain = lower(sub)) $$;

revoke all on function app.subdomain_taken(text), app.role_rank(text), app.guard_membership(), app.invitation_preview(uuid, bytea),
  app.password_reset_valid(uuid, bytea), app.rate_limit_upsert(text, integer, bigint, boolean), app.rate_limit_get(text),
  app.rate_limit_delete(text), app.my_companies(), app.my_sessions(), app.end_my_session(uuid), app.two_factor_state()
  from public, anon;
grant execute on function app.subdomain_taken(text), app.role_rank(text), app.invitation_preview(uuid, bytea), app.password_reset_valid(uuid, bytea),
  app.rate_limit_upsert(text, integer, bigint, boolean), app.rate_limit_get(text), app.rate_limit_delete(text),
  app.my_companies(), app.my_sessions(), app.end_my_session(uuid), app.two_factor_state()
  to authenticated, genba_system;
