import { sql } from 'drizzle-orm'
import { boolean, check, foreignKey, jsonb, pgPolicy, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { authenticatedRole } from 'drizzle-orm/supabase'
import { organizations } from './core'
import { createdAt, id, organizationId, updatedAt } from './helpers'

const inOrg = sql`organization_id = (select app.org_id())`

/** Plan features (seed 004 §5.1 OrganizationFeatures): a row overrides what the company's plan gives. Set by the operator. */
export const organizationFeatures = pgTable(
  'organization_features',
  {
    organizationId: organizationId(),
    id: id(),
    featureKey: text('feature_key').notNull(),
    isEnabled: boolean('is_enabled').notNull(),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'organization_features_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('organization_features_org_key_key').on(t.organizationId, t.featureKey),
    foreignKey({ name: 'organization_features_org_fk', columns: [t.organizationId], foreignColumns: [organizations.id] }),
    check('organization_features_key_format', sql`${t.featureKey} ~ '^[a-z][a-z0-9_]{0,39}$'`),
    check('organization_features_config_object', sql`jsonb_typeof(${t.config}) = 'object'`),
    // Members read them; only the privileged path (operator console, billing) writes: no write grant to members.
    pgPolicy('organization_features_select', { for: 'select', to: authenticatedRole, using: inOrg }),
  ],
).enableRLS()
