import { sql } from 'drizzle-orm'
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { memberships } from './core'
import { createdAt, deletedAt, id, organizationId, tenantPolicies, updatedAt, writers } from './helpers'
import { locations, tools } from './tools'

/*
 * Where tools go (seed 004 §5.2 ToolMovement, §7, §9.3). Hand-written SQL in the `movements_rls` migration
 * adds forced RLS, grants, audit triggers and the non-negative stock rules.
 */

export const movementTypes = ['checkout', 'checkin', 'transfer', 'consume'] as const
export type MovementType = (typeof movementTypes)[number]

export const toolMovements = pgTable(
  'tool_movements',
  {
    organizationId: organizationId(),
    id: id(),
    toolId: uuid('tool_id').notNull(),
    /** Who made the move (the scanning member). */
    userId: uuid('user_id').notNull(),
    /** Who holds the tool after the move (individual tools; null when back in a warehouse). */
    holderId: uuid('holder_id'),
    fromLocationId: uuid('from_location_id'),
    /** Null only when quantity was used up on site (consume). */
    toLocationId: uuid('to_location_id'),
    movementType: text('movement_type', { enum: movementTypes }).notNull(),
    quantity: integer('quantity').notNull().default(1),
    note: text('note'),
    /** When the move happened, by the device's clock (offline moves arrive later). */
    movedAt: timestamp('moved_at', { withTimezone: true }).notNull(),
    /** The client's UUID for this move (the offline queue's Idempotency-Key), if it came from a device. */
    clientId: uuid('client_id'),
    /** Moves made together in batch mode share this id. */
    batchId: uuid('batch_id'),
    source: text('source', { enum: ['scan', 'manual', 'batch', 'offline', 'import', 'seed'] }).notNull().default('scan'),
    deletedAt: deletedAt(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'tool_movements_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('tool_movements_org_client_key').on(t.organizationId, t.clientId),
    index('tool_movements_org_tool_idx').on(t.organizationId, t.toolId, t.movedAt.desc()),
    // The history's order (newest first, id breaking ties): a page reads 50 index entries, not the company's moves.
    // NULLS FIRST is what a plain ORDER BY … DESC means; an index in the other null order is not used for it.
    index('tool_movements_org_moved_idx').on(t.organizationId, t.movedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('tool_movements_org_to_idx').on(t.organizationId, t.toLocationId, t.movedAt.desc()),
    index('tool_movements_org_from_idx').on(t.organizationId, t.fromLocationId, t.movedAt.desc().nullsFirst()),
    index('tool_movements_org_user_idx').on(t.organizationId, t.userId, t.movedAt.desc()),
    foreignKey({ name: 'tool_movements_tool_fk', columns: [t.organizationId, t.toolId], foreignColumns: [tools.organizationId, tools.id] }).onDelete('cascade'),
    foreignKey({ name: 'tool_movements_user_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }),
    foreignKey({ name: 'tool_movements_holder_fk', columns: [t.organizationId, t.holderId], foreignColumns: [memberships.organizationId, memberships.userId] }),
    foreignKey({ name: 'tool_movements_from_fk', columns: [t.organizationId, t.fromLocationId], foreignColumns: [locations.organizationId, locations.id] }),
    foreignKey({ name: 'tool_movements_to_fk', columns: [t.organizationId, t.toLocationId], foreignColumns: [locations.organizationId, locations.id] }),
    check('tool_movements_type_check', sql`${t.movementType} in ('checkout', 'checkin', 'transfer', 'consume')`),
    check('tool_movements_quantity_positive', sql`${t.quantity} > 0`),
    check('tool_movements_target', sql`(${t.movementType} = 'consume') = (${t.toLocationId} is null)`),
    check('tool_movements_source_check', sql`${t.source} in ('scan', 'manual', 'batch', 'offline', 'import', 'seed')`),
    // Members who may move tools record moves; history is never edited or deleted by members.
    ...tenantPolicies('tool_movements', { roles: writers, update: false, delete: false }),
  ],
).enableRLS()

/**
 * Units of a quantity-managed tool away from its home location (on sites): tools.current_quantity counts
 * those at home, these rows the rest. Never negative.
 */
export const toolStock = pgTable(
  'tool_stock',
  {
    organizationId: organizationId(),
    id: id(),
    toolId: uuid('tool_id').notNull(),
    locationId: uuid('location_id').notNull(),
    quantity: integer('quantity').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'tool_stock_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('tool_stock_org_tool_location_key').on(t.organizationId, t.toolId, t.locationId),
    index('tool_stock_org_location_idx').on(t.organizationId, t.locationId),
    foreignKey({ name: 'tool_stock_tool_fk', columns: [t.organizationId, t.toolId], foreignColumns: [tools.organizationId, tools.id] }).onDelete('cascade'),
    foreignKey({ name: 'tool_stock_location_fk', columns: [t.organizationId, t.locationId], foreignColumns: [locations.organizationId, locations.id] }),
    check('tool_stock_not_negative', sql`${t.quantity} >= 0`),
    ...tenantPolicies('tool_stock', { roles: writers }),
  ],
).enableRLS()
