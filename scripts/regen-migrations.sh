#!/usr/bin/env bash
# Development only, before the first release: rebuilds supabase/migrations from scratch, keeping the
# hand-written custom migrations' SQL. Never use once a database outside your machine has applied them.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
cp supabase/migrations/*_roles_and_app.sql "$tmp/roles_and_app.sql"
cp supabase/migrations/*_rls_grants_audit.sql "$tmp/rls_grants_audit.sql"
rm -rf supabase/migrations
npx drizzle-kit generate --custom --name=roles_and_app >/dev/null
cp "$tmp/roles_and_app.sql" supabase/migrations/*_roles_and_app.sql
sleep 1
npx drizzle-kit generate --name=core >/dev/null
sleep 1
npx drizzle-kit generate --custom --name=rls_grants_audit >/dev/null
cp "$tmp/rls_grants_audit.sql" supabase/migrations/*_rls_grants_audit.sql
ls supabase/migrations
