import { sql, type SQL } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { authenticatedRole } from 'drizzle-orm/supabase'
import { memberships, organizations } from './core'
import { createdAt, deletedAt, id, managers, organizationId, tenantPolicies, updatedAt, writers, type Role } from './helpers'

/*
 * The tool register (seed 004 §5, §8). Hand-written SQL in the `tools_rls` migration adds what drizzle-kit
 * cannot express: forced RLS, grants, audit/touch triggers, tool_code allocation, plan limits, the staff
 * whereabouts guard and the trigram/jsonb indexes. See docs/decisions/004-tool-register.md.
 */

/** Who may create and edit tools and locations. */
export const registerEditors = ['owner', 'admin', 'leader'] as const satisfies readonly Role[]

const inOrg = sql`organization_id = (select app.org_id())`
const hasRole = (allowed: readonly Role[]): SQL => sql`(select app.has_role(${sql.raw(allowed.map((r) => `'${r}'`).join(', '))}))`

export const toolCategories = pgTable(
  'tool_categories',
  {
    organizationId: organizationId(),
    id: id(),
    name: text('name').notNull(),
    codePrefix: text('code_prefix').notNull(),
    displayOrder: integer('display_order').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    /** Default useful life (years) for tools of this category; DOMAIN-JP.md: 3 for tools, 6 for machinery. */
    usefulLifeYears: integer('useful_life_years'),
    /** The next number app.allocate_tool_code() hands out, under this row's lock. */
    nextCodeNumber: integer('next_code_number').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'tool_categories_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('tool_categories_org_prefix_key').on(t.organizationId, t.codePrefix),
    uniqueIndex('tool_categories_org_name_key').on(t.organizationId, t.name),
    foreignKey({ name: 'tool_categories_org_fk', columns: [t.organizationId], foreignColumns: [organizations.id] }),
    check('tool_categories_prefix_format', sql`${t.codePrefix} ~ '^[A-Z]{1,3}$'`),
    check('tool_categories_name_not_blank', sql`btrim(${t.name}) <> ''`),
    check('tool_categories_useful_life_range', sql`${t.usefulLifeYears} is null or ${t.usefulLifeYears} between 1 and 50`),
    check('tool_categories_next_code_positive', sql`${t.nextCodeNumber} > 0`),
    ...tenantPolicies('tool_categories', { roles: managers }),
  ],
).enableRLS()

/** Company-defined statuses (校正済み, レンタル中…). The four built-in ones are fixed values of tools.status. */
export const toolStatuses = pgTable(
  'tool_statuses',
  {
    organizationId: organizationId(),
    id: id(),
    label: text('label').notNull(),
    /** '#rrggbb' */
    color: text('color').notNull(),
    /** The built-in status this one counts as for everything that reasons about state (availability, reports). */
    baseStatus: text('base_status', { enum: ['normal', 'repair', 'broken'] }).notNull().default('normal'),
    displayOrder: integer('display_order').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'tool_statuses_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('tool_statuses_org_label_key').on(t.organizationId, t.label),
    foreignKey({ name: 'tool_statuses_org_fk', columns: [t.organizationId], foreignColumns: [organizations.id] }),
    check('tool_statuses_color_format', sql`${t.color} ~ '^#[0-9a-f]{6}$'`),
    check('tool_statuses_base_check', sql`${t.baseStatus} in ('normal', 'repair', 'broken')`),
    check('tool_statuses_label_not_blank', sql`btrim(${t.label}) <> ''`),
    ...tenantPolicies('tool_statuses', { roles: managers }),
  ],
).enableRLS()

export const locations = pgTable(
  'locations',
  {
    organizationId: organizationId(),
    id: id(),
    type: text('type', { enum: ['warehouse', 'site'] }).notNull(),
    name: text('name').notNull(),
    address: text('address'),
    managerName: text('manager_name'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    isActive: boolean('is_active').notNull().default(true),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
    notes: text('notes'),
    deletedAt: deletedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'locations_pkey', columns: [t.organizationId, t.id] }),
    index('locations_org_type_idx').on(t.organizationId, t.type, t.isActive),
    foreignKey({ name: 'locations_org_fk', columns: [t.organizationId], foreignColumns: [organizations.id] }),
    check('locations_type_check', sql`${t.type} in ('warehouse', 'site')`),
    check('locations_name_not_blank', sql`btrim(${t.name}) <> ''`),
    check('locations_dates_ordered', sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check('locations_custom_fields_object', sql`jsonb_typeof(${t.customFields}) = 'object'`),
    ...tenantPolicies('locations', { roles: registerEditors }),
  ],
).enableRLS()

export const tools = pgTable(
  'tools',
  {
    organizationId: organizationId(),
    /** The identity, printed in the QR label (seed 004 §4.1). */
    id: id(),
    /** The human id '<prefix>-<4 digits>'; inserted as '' (the default), the database assigns the next one. */
    toolCode: text('tool_code').notNull().default(''),
    categoryId: uuid('category_id').notNull(),
    name: text('name').notNull(),
    modelNumber: text('model_number'),
    manufacturer: text('manufacturer'),
    serialNumber: text('serial_number'),
    purchaseDate: date('purchase_date'),
    /** Integer yen. */
    purchasePrice: bigint('purchase_price', { mode: 'number' }),
    usefulLifeYears: integer('useful_life_years'),
    status: text('status', { enum: ['normal', 'repair', 'broken', 'disposed'] }).notNull().default('normal'),
    /** A company-defined status shown instead of `status`, which then holds its base status. */
    statusId: uuid('status_id'),
    disposedOn: date('disposed_on'),
    disposalReason: text('disposal_reason'),
    currentLocationId: uuid('current_location_id'),
    currentHolderId: uuid('current_holder_id'),
    managementType: text('management_type', { enum: ['individual', 'quantity'] }).notNull().default('individual'),
    /** Quantity tools: units at the home location (current_location_id); units away are in tool_stock. */
    currentQuantity: integer('current_quantity'),
    /** The device time of the latest move applied (offline moves older than this no longer apply). */
    lastMovedAt: timestamp('last_moved_at', { withTimezone: true }),
    unit: text('unit'),
    /** Low-stock threshold for quantity-managed tools (seed 004 §5.2 min_stock_alert). */
    minStockAlert: integer('min_stock_alert'),
    customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
    manualUrl: text('manual_url'),
    notes: text('notes'),
    deletedAt: deletedAt(),
    deletedBy: uuid('deleted_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'tools_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('tools_org_code_key').on(t.organizationId, t.toolCode),
    index('tools_org_category_idx').on(t.organizationId, t.categoryId),
    index('tools_org_location_idx').on(t.organizationId, t.currentLocationId),
    index('tools_org_holder_idx').on(t.organizationId, t.currentHolderId),
    index('tools_org_updated_idx').on(t.organizationId, t.updatedAt, t.id),
    index('tools_org_deleted_idx').on(t.organizationId, t.deletedAt),
    foreignKey({ name: 'tools_org_fk', columns: [t.organizationId], foreignColumns: [organizations.id] }),
    foreignKey({ name: 'tools_category_fk', columns: [t.organizationId, t.categoryId], foreignColumns: [toolCategories.organizationId, toolCategories.id] }),
    foreignKey({ name: 'tools_status_fk', columns: [t.organizationId, t.statusId], foreignColumns: [toolStatuses.organizationId, toolStatuses.id] }),
    foreignKey({ name: 'tools_location_fk', columns: [t.organizationId, t.currentLocationId], foreignColumns: [locations.organizationId, locations.id] }),
    foreignKey({
      name: 'tools_holder_fk',
      columns: [t.organizationId, t.currentHolderId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }),
    foreignKey({ name: 'tools_deleted_by_fk', columns: [t.organizationId, t.deletedBy], foreignColumns: [memberships.organizationId, memberships.userId] }),
    check('tools_code_format', sql`${t.toolCode} ~ '^[A-Z]{1,3}-[0-9]{4,6}$'`),
    check('tools_name_not_blank', sql`btrim(${t.name}) <> ''`),
    check('tools_status_check', sql`${t.status} in ('normal', 'repair', 'broken', 'disposed')`),
    check('tools_disposal_recorded', sql`${t.status} <> 'disposed' or (${t.disposedOn} is not null and ${t.disposalReason} is not null)`),
    check('tools_management_type_check', sql`${t.managementType} in ('individual', 'quantity')`),
    check('tools_quantity_not_negative', sql`${t.currentQuantity} >= 0`),
    check('tools_quantity_when_counted', sql`${t.managementType} = 'individual' or ${t.currentQuantity} is not null`),
    check('tools_min_stock_not_negative', sql`${t.minStockAlert} >= 0`),
    check('tools_price_not_negative', sql`${t.purchasePrice} >= 0`),
    check('tools_useful_life_range', sql`${t.usefulLifeYears} is null or ${t.usefulLifeYears} between 1 and 50`),
    check('tools_custom_fields_object', sql`jsonb_typeof(${t.customFields}) = 'object'`),
    pgPolicy('tools_select', { for: 'select', to: authenticatedRole, using: inOrg }),
    pgPolicy('tools_insert', { for: 'insert', to: authenticatedRole, withCheck: sql`${inOrg} and ${hasRole(registerEditors)}` }),
    // Staff may update too (moving tools); the tools_guard trigger keeps them to the whereabouts columns.
    pgPolicy('tools_update', {
      for: 'update',
      to: authenticatedRole,
      using: sql`${inOrg} and ${hasRole(writers)}`,
      withCheck: sql`${inOrg} and ${hasRole(writers)}`,
    }),
    // Only tools already in the trash are ever removed for good.
    pgPolicy('tools_delete', { for: 'delete', to: authenticatedRole, using: sql`${inOrg} and ${hasRole(managers)} and deleted_at is not null` }),
  ],
).enableRLS()

export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    organizationId: organizationId(),
    id: id(),
    entityType: text('entity_type', { enum: ['tool', 'location'] }).notNull(),
    fieldKey: text('field_key').notNull(),
    label: text('label').notNull(),
    fieldType: text('field_type', { enum: ['text', 'number', 'date', 'select'] }).notNull(),
    /** { choices?: {value,label}[], min?, max?, maxLength? } (seed 004 §5.2 field_options) */
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    isRequired: boolean('is_required').notNull().default(false),
    displayOrder: integer('display_order').notNull().default(0),
    /** A date that something is due by (next calibration, rental return): alerts read these. */
    isDueDate: boolean('is_due_date').notNull().default(false),
    /** Tool fields only: limits the field to one category (calibration dates for 測定器). */
    categoryId: uuid('category_id'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'custom_field_definitions_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('custom_field_definitions_org_key').on(t.organizationId, t.entityType, t.fieldKey),
    foreignKey({ name: 'custom_field_definitions_org_fk', columns: [t.organizationId], foreignColumns: [organizations.id] }),
    foreignKey({
      name: 'custom_field_definitions_category_fk',
      columns: [t.organizationId, t.categoryId],
      foreignColumns: [toolCategories.organizationId, toolCategories.id],
    }),
    check('custom_field_definitions_entity_check', sql`${t.entityType} in ('tool', 'location')`),
    check('custom_field_definitions_type_check', sql`${t.fieldType} in ('text', 'number', 'date', 'select')`),
    check('custom_field_definitions_key_format', sql`${t.fieldKey} ~ '^[a-z][a-z0-9_]{0,39}$'`),
    check('custom_field_definitions_label_not_blank', sql`btrim(${t.label}) <> ''`),
    check('custom_field_definitions_due_is_date', sql`not ${t.isDueDate} or ${t.fieldType} = 'date'`),
    check('custom_field_definitions_category_for_tools', sql`${t.categoryId} is null or ${t.entityType} = 'tool'`),
    check('custom_field_definitions_options_object', sql`jsonb_typeof(${t.options}) = 'object'`),
    ...tenantPolicies('custom_field_definitions', { roles: managers }),
  ],
).enableRLS()

export const toolAttachments = pgTable(
  'tool_attachments',
  {
    organizationId: organizationId(),
    id: id(),
    toolId: uuid('tool_id').notNull(),
    kind: text('kind', { enum: ['photo', 'manual', 'certificate', 'other'] }).notNull(),
    /** '<organization id>/tools/<tool id>/<attachment id>'; the storage backend's key. */
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    originalName: text('original_name').notNull(),
    thumbnailKey: text('thumbnail_key'),
    thumbnailSizeBytes: bigint('thumbnail_size_bytes', { mode: 'number' }),
    width: integer('width'),
    height: integer('height'),
    displayOrder: integer('display_order').notNull().default(0),
    uploadedBy: uuid('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'tool_attachments_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('tool_attachments_org_key_key').on(t.organizationId, t.storageKey),
    index('tool_attachments_org_tool_idx').on(t.organizationId, t.toolId, t.displayOrder),
    foreignKey({ name: 'tool_attachments_tool_fk', columns: [t.organizationId, t.toolId], foreignColumns: [tools.organizationId, tools.id] }).onDelete(
      'cascade',
    ),
    foreignKey({
      name: 'tool_attachments_uploader_fk',
      columns: [t.organizationId, t.uploadedBy],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }),
    check('tool_attachments_kind_check', sql`${t.kind} in ('photo', 'manual', 'certificate', 'other')`),
    check('tool_attachments_key_in_org', sql`starts_with(${t.storageKey}, ${t.organizationId}::text || '/')`),
    check('tool_attachments_thumb_in_org', sql`${t.thumbnailKey} is null or starts_with(${t.thumbnailKey}, ${t.organizationId}::text || '/')`),
    check('tool_attachments_size_positive', sql`${t.sizeBytes} > 0`),
    ...tenantPolicies('tool_attachments', { roles: registerEditors }),
  ],
).enableRLS()

/** One row per company: settings of the register. Absent = the defaults. */
export const registerSettings = pgTable(
  'register_settings',
  {
    organizationId: organizationId(),
    id: id(),
    /** How long deleted tools stay in the trash before the purge job removes them (seed 004 §4.3: 3 years). */
    trashRetentionMonths: integer('trash_retention_months').notNull().default(36),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'register_settings_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('register_settings_org_key').on(t.organizationId),
    foreignKey({ name: 'register_settings_org_fk', columns: [t.organizationId], foreignColumns: [organizations.id] }),
    check('register_settings_retention_range', sql`${t.trashRetentionMonths} between 1 and 120`),
    ...tenantPolicies('register_settings', { roles: managers }),
  ],
).enableRLS()
