import { sql } from 'drizzle-orm'
import { check, foreignKey, index, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { memberships, organizations } from './core'
import { createdAt, id, organizationId, tenantPolicies, updatedAt } from './helpers'
import { registerEditors } from './tools'

/*
 * QR labels (seed 004 §7.1). Hand-written SQL in the `labels_rls` migration adds forced RLS, grants and the
 * audit and touch triggers. See docs/decisions/010-labels.md.
 */

/** One row per company: how its label printer is calibrated and the stock it usually prints on. Absent = defaults. */
export const labelSettings = pgTable(
  'label_settings',
  {
    organizationId: organizationId(),
    id: id(),
    /** Printer calibration: everything moves right (+) or left (−) by this many mm. */
    offsetXMm: numeric('offset_x_mm', { precision: 3, scale: 1, mode: 'number' }).notNull().default(0),
    /** … and down (+) or up (−). */
    offsetYMm: numeric('offset_y_mm', { precision: 3, scale: 1, mode: 'number' }).notNull().default(0),
    /** A layout id of lib/labels/layouts.ts. */
    layout: text('layout').notNull().default('a4-24'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'label_settings_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('label_settings_org_key').on(t.organizationId),
    foreignKey({ name: 'label_settings_org_fk', columns: [t.organizationId], foreignColumns: [organizations.id] }),
    check('label_settings_offset_range', sql`${t.offsetXMm} between -10 and 10 and ${t.offsetYMm} between -10 and 10`),
    check('label_settings_layout_format', sql`${t.layout} ~ '^(a4|tape)-[0-9]{2}$'`),
    ...tenantPolicies('label_settings', { roles: registerEditors }),
  ],
).enableRLS()

/**
 * Pre-printed labels whose QR holds a fresh UUID not yet tied to a tool (「未登録ラベル」). The row's id is that
 * UUID; a tool registered with the label takes it as its own id, which is how a label counts as used.
 * History: members add batches and never edit or remove them.
 */
export const blankLabels = pgTable(
  'blank_labels',
  {
    organizationId: organizationId(),
    id: id(),
    /** Labels printed together; a batch can be printed again (same UUIDs) after a paper jam. */
    batchId: uuid('batch_id').notNull(),
    layout: text('layout').notNull(),
    issuedBy: uuid('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'blank_labels_pkey', columns: [t.organizationId, t.id] }),
    index('blank_labels_org_batch_idx').on(t.organizationId, t.batchId),
    index('blank_labels_org_issued_idx').on(t.organizationId, t.issuedAt.desc()),
    foreignKey({ name: 'blank_labels_org_fk', columns: [t.organizationId], foreignColumns: [organizations.id] }),
    foreignKey({ name: 'blank_labels_issuer_fk', columns: [t.organizationId, t.issuedBy], foreignColumns: [memberships.organizationId, memberships.userId] }),
    check('blank_labels_layout_format', sql`${t.layout} ~ '^(a4|tape)-[0-9]{2}$'`),
    ...tenantPolicies('blank_labels', { roles: registerEditors, update: false, delete: false }),
  ],
).enableRLS()
