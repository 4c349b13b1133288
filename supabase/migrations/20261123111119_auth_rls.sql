-- Sessions and credentials: forced RLS with no policy and no grant to members — only the privileged
-- auth path (genba_system) and the narrow security-definer lookups below touch them.
alter table sessions force row level security;
alter table user_credentials force row level security;
revoke all on sessions, user_credentials from public, anon, authenticated;
grant select, insert, update, delete on sessions, user_credentials to genba_system;

create trigger user_credentials_touch before update on user_credentials for each row execute function app.touch_updated_at();

-- The member behind a session token (by its hash) in this company, if the session is live, the
-- membership active and the company live; refreshes last_seen_at at most once a minute.
create or replace function app.session_member(hash bytea, org uuid, idle_seconds integer)
  returns table (session_id uuid, user_id uuid, role text, email text, name text, locale text, expires_at timestamptz)
  language sql volatile security definer set search_path = ''
  as $$
    with live as (
      select s.id, s.user_id, m.role, u.email, u.name, u.locale, s.expires_at, s.last_seen_at
      from public.sessions s
      join public.memberships m on m.organization_id = s.organization_id and m.user_id = s.user_id and m.is_active
      join public.organizations o on o.id = s.organization_id and o.is_active and o.suspended_at is null and o.deleted_at is null
      join public.users u on u.id = s.user_id and u.deleted_at is null
      where s.organization_id = org and s.token_hash = hash
        and s.revoked_at is null and s.expires_at > now()
        and s.last_seen_at > now() - make_interval(secs => idle_seconds)
    ), touched as (
      update public.sessions s set last_seen_at = now()
      from live where s.organization_id = org and s.id = live.id and live.last_seen_at < now() - interval '60 seconds'
    )
    select id, user_id, role, email, name, locale, expires_at from live
  $$;

revoke all on function app.session_member(bytea, uuid, integer) from public, anon;
grant execute on function app.session_member(bytea, uuid, integer) to authenticated, genba_system;

-- Deactivating a member ends every session they have in that company at once.
create or replace function app.revoke_sessions_of_inactive_member() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  begin
    update public.sessions set revoked_at = now()
      where organization_id = new.organization_id and user_id = new.user_id and revoked_at is null;
    return null;
  end
  $$;

create trigger memberships_deactivate_sessions after update of is_active on memberships
  for each row when (old.is_active and not new.is_active)
  execute function app.revoke_sessions_of_inactive_member();
