import type postgres from 'postgres'
import { defaultInspectionColors } from '../../lib/maintenance/settings'

/*
 * A large, realistic dataset made with set-based SQL on the admin (superuser) connection: one big company and many
 * small ones, each with members, categories, warehouses and sites, tools and two years of moves.
 *
 * Loaded with session_replication_role = replica, which switches off every trigger for the load: audit rows (a
 * bulk load is not an event anyone did), tool_code allocation (codes are given), plan limits, the staff guard and
 * the foreign-key triggers. Consistency is therefore built in and then checked (checkConsistency): each tool's
 * place and holder are those of its latest move, home stock is what consumption and stock on sites leave, and
 * nothing is negative.
 */

export interface CompanySpec {
  subdomain: string
  name: string
  members: number
  warehouses: number
  sites: number
  tools: number
  /** Round trips per individual tool over the two years (each 2–3 moves). */
  trips: number
}

export interface LoadedCompany {
  id: string
  subdomain: string
  /** Active members who move tools (leaders and staff), for sessions. */
  movers: string[]
  /** The owner, for the manager's pages (the dashboard). */
  owner: string
}

const categories = [
  ['電動工具', 'A'], ['手工具', 'B'], ['測定器', 'C'], ['安全用具', 'D'], ['消耗品', 'E'], ['発電機・溶接機', 'F'],
  ['足場・脚立', 'G'], ['配管工具', 'H'], ['電気工事工具', 'J'], ['塗装機器', 'K'], ['重機アタッチメント', 'L'], ['レンタル品', 'M'],
] as const

const toolNames = [
  ['充電式インパクトドライバ', 'マキタ', 'TD173D'], ['充電式ドライバドリル', 'マキタ', 'DF484D'], ['充電式マルノコ', 'マキタ', 'HS631D'],
  ['ディスクグラインダ', 'HiKOKI', 'G13SH6'], ['ハンマドリル', 'HiKOKI', 'DH28PBY2'], ['レーザー墨出し器', 'タジマ', 'ZEROBL-KJC'],
  ['オートレベル', 'ニコン・トリンブル', 'AE-7'], ['デジタルテスター', '日置電機', 'DT4282'], ['絶縁抵抗計', '共立電気計器', 'KEW3552BT'],
  ['クランプメータ', '日置電機', 'CM4375'], ['エンジン発電機', 'ホンダ', 'EU18i'], ['溶接機', 'ダイヘン', 'SSC-161'],
  ['脚立 6尺', 'ハセガワ', 'RZ-18'], ['パイプレンチ', 'レッキス', 'PW-450'], ['ラチェットレンチセット', 'KTC', 'TB313X'],
  ['エアレススプレーガン', 'ワグナー', 'SF-7'], ['安全帯（フルハーネス）', '藤井電工', 'TH-505'], ['コンベックス 5.5m', 'タジマ', 'GL25-55'],
] as const

const sqlList = (rows: readonly (readonly string[])[]) => rows.map((r) => `(${r.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`).join(', ')

/** Loads one company in one transaction. Numbers go into the SQL text; they come from code, never from input. */
async function loadCompany(tx: postgres.TransactionSql, spec: CompanySpec): Promise<LoadedCompany> {
  const int = (n: number) => String(Math.trunc(n))
  const [org] = await tx<{ id: string }[]>`
    insert into organizations (name, subdomain, kind, plan) values (${spec.name}, ${spec.subdomain}, 'tenant', 'enterprise') returning id`
  const orgId = org!.id
  const p = [orgId]
  await tx.unsafe(
    `create temp table bm_users on commit drop as
       select g as n, gen_random_uuid() as id,
         case when g = 1 then 'owner' when g <= 1 + greatest(1, ${int(spec.members)} / 20) then 'admin'
              when g % 5 = 0 then 'leader' when g > ${int(spec.members)} - greatest(1, ${int(spec.members)} / 20) then 'viewer' else 'staff' end as role
       from generate_series(1, ${int(spec.members)}) g`,
  )
  await tx.unsafe(
    `insert into users (id, email, name, locale)
       select id, format('m%s@%s.bench.genba.test', n, '${spec.subdomain}'),
         (array['佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤'])[1 + n % 10] || ' ' ||
         (array['太郎','花子','一郎','美咲','健','由美','翔','愛','大輔','次郎','拓也','真由'])[1 + (n / 10) % 12], 'ja'
       from bm_users`,
  )
  await tx.unsafe(`insert into memberships (organization_id, user_id, role) select $1, id, role from bm_users`, p)
  await tx.unsafe(
    `create temp table bm_movers on commit drop as
       select row_number() over (order by n) as k, id from bm_users where role in ('leader', 'staff')`,
  )
  await tx.unsafe(
    `create temp table bm_cat on commit drop as
       select row_number() over () as n, gen_random_uuid() as id, c.name, c.prefix from (values ${sqlList(categories)}) as c(name, prefix)`,
  )
  await tx.unsafe(
    `insert into tool_categories (organization_id, id, name, code_prefix, display_order, useful_life_years)
       select $1, id, name, prefix, n, case when prefix in ('F', 'L') then 6 else 3 end from bm_cat`,
    p,
  )
  const w = int(spec.warehouses)
  await tx.unsafe(
    `create temp table bm_loc on commit drop as
       select g as n, gen_random_uuid() as id, case when g <= ${w} then 'warehouse' else 'site' end as type,
         g <= ${w} or g % 3 <> 0 as active
       from generate_series(1, ${w} + ${int(spec.sites)}) g`,
  )
  await tx.unsafe(
    `insert into locations (organization_id, id, type, name, address, is_active, closed_at, starts_on)
       select $1, id, type,
         case when type = 'warehouse' then format('第%s倉庫', n) else format('現場%s %s', n - ${w},
           (array['ビル改修工事','マンション新築','物流センター新築','学校耐震補強','病院設備更新','工場照明更新','駅前再開発'])[1 + n % 7]) end,
         format('東京都江東区新木場%s-%s', 1 + n % 4, n), active, case when active then null else now() - make_interval(days => n % 300) end,
         case when type = 'site' then (current_date - 800 + n % 700) end
       from bm_loc`,
    p,
  )
  await tx.unsafe(`create index on bm_loc (n)`)
  await tx.unsafe(`create index on bm_movers (k)`)
  await tx.unsafe(
    `create temp table bm_active_site on commit drop as
       select row_number() over (order by n) as k, id from bm_loc where type = 'site' and active`,
  )
  // Tools: one in twenty counted by quantity (consumables), a few under repair, broken, disposed or in the trash.
  await tx.unsafe(
    `create temp table bm_tool on commit drop as
       select g as n, gen_random_uuid() as id, c.id as category_id, c.prefix,
         row_number() over (partition by c.id order by g) as seq,
         case when g % 20 = 0 then 'quantity' else 'individual' end as kind,
         (select l.id from bm_loc l where l.n = 1 + g % ${w}) as home,
         case when g % 97 = 0 then 'disposed' when g % 53 = 0 then 'repair' when g % 89 = 0 then 'broken' else 'normal' end as status,
         g % 211 = 0 as deleted
       from generate_series(1, ${int(spec.tools)}) g
       join bm_cat c on c.n = 1 + g % ${categories.length}`,
  )
  await tx.unsafe(
    `insert into tools (organization_id, id, tool_code, category_id, name, manufacturer, model_number, serial_number, purchase_date,
        purchase_price, status, disposed_on, disposal_reason, current_location_id, management_type, current_quantity, unit, min_stock_alert,
        deleted_at, created_at)
       select $1, t.id, t.prefix || '-' || lpad(t.seq::text, 4, '0'), t.category_id,
         case when t.kind = 'quantity' then (array['養生テープ','結束バンド','ビス 3.8×32','耐水ペーパー','軍手'])[1 + t.n % 5] else nm.name end,
         nm.maker, nm.model, case when t.kind = 'individual' then format('SN%s', 100000 + t.n) end,
         current_date - 800 - t.n % 1500, 5000 + (t.n * 7919) % 120000, t.status,
         case when t.status = 'disposed' then current_date - 5 end, case when t.status = 'disposed' then '破損により修理不能' end,
         t.home, t.kind, case when t.kind = 'quantity' then 1000 end, case when t.kind = 'quantity' then '個' end,
         case when t.kind = 'quantity' then 50 end, case when t.deleted then now() - interval '10 days' end, now() - interval '800 days'
       from bm_tool t
       join (select row_number() over () - 1 as k, v.* from (values ${sqlList(toolNames)}) as v(name, maker, model)) nm on nm.k = t.n % ${toolNames.length}`,
    p,
  )
  await tx.unsafe(
    `update tool_categories c set next_code_number = x.n + 1 from (select category_id, count(*) as n from bm_tool group by category_id) x
       where c.organization_id = $1 and c.id = x.category_id`,
    p,
  )

  // Individual tools: round trips over two years (checkout → sometimes a transfer → checkin); two in five are out now.
  const s = int(spec.sites)
  await tx.unsafe(
    `create temp table bm_trip on commit drop as
       select t.id as tool_id, t.n, t.home, j, tr.trips,
         now() - interval '730 days' + (j - 1) * (interval '700 days' / tr.trips) as start,
         interval '700 days' / tr.trips as span,
         (select l.id from bm_loc l where l.n = ${w} + 1 + (t.n * 7 + j * 13) % ${s}) as site,
         (select l.id from bm_loc l where l.n = ${w} + 1 + (t.n * 11 + j * 17) % ${s}) as site2,
         (select m.id from bm_movers m where m.k = 1 + (t.n * 3 + j) % (select count(*) from bm_movers)) as mover,
         (t.n + j) % 6 = 0 as transfer
       from bm_tool t
       cross join lateral (select greatest(2, ${int(spec.trips)} + t.n % 7 - 3) as trips) tr
       cross join lateral generate_series(1, tr.trips) j
       where t.kind = 'individual'`,
  )
  await tx.unsafe(
    `insert into tool_movements (organization_id, tool_id, user_id, holder_id, from_location_id, to_location_id, movement_type, quantity, moved_at, source, created_at)
       select $1, tool_id, mover, holder, from_id, to_id, kind, 1, at, 'scan', at from (
         select tool_id, mover, mover as holder, home as from_id, site as to_id, 'checkout' as kind, start + span * 0.05 + (n % 60) * interval '1 minute' as at from bm_trip
         union all
         select tool_id, mover, mover, site, site2, 'transfer', start + span * 0.4 from bm_trip where transfer and site2 <> site
         union all
         select tool_id, mover, null, case when transfer and site2 <> site then site2 else site end, home, 'checkin', start + span * 0.8 from bm_trip
       ) m`,
    p,
  )
  // Out now: a checkout to an open site in the last month, after the last trip came back.
  await tx.unsafe(
    `insert into tool_movements (organization_id, tool_id, user_id, holder_id, from_location_id, to_location_id, movement_type, quantity, moved_at, source, created_at)
       select $1, t.id, mv.id, mv.id, t.home, s.id, 'checkout', 1, now() - make_interval(days => 1 + t.n % 28, mins => t.n % 600), 'scan', now()
       from bm_tool t
       join bm_active_site s on s.k = 1 + t.n % (select count(*) from bm_active_site)
       join bm_movers mv on mv.k = 1 + t.n % (select count(*) from bm_movers)
       where t.kind = 'individual' and t.n % 5 < 2 and t.status <> 'disposed' and not t.deleted`,
    p,
  )
  // Consumables: deliveries to sites, returned or used up there; every other one has some on a site now.
  await tx.unsafe(
    `create temp table bm_qtrip on commit drop as
       select t.id as tool_id, t.n, t.home, j, 1 + (t.n + j) % 10 as qty,
         now() - interval '730 days' + (j - 1) * interval '35 days' as start,
         (select l.id from bm_loc l where l.n = ${w} + 1 + (t.n * 5 + j * 3) % ${s}) as site,
         (select m.id from bm_movers m where m.k = 1 + (t.n + j * 7) % (select count(*) from bm_movers)) as mover,
         (t.n + j) % 3 = 0 as used_up
       from bm_tool t cross join generate_series(1, 20) j
       where t.kind = 'quantity'`,
  )
  await tx.unsafe(
    `insert into tool_movements (organization_id, tool_id, user_id, holder_id, from_location_id, to_location_id, movement_type, quantity, moved_at, source, created_at)
       select $1, tool_id, mover, holder, from_id, to_id, kind, qty, at, 'scan', at from (
         select tool_id, mover, mover as holder, home as from_id, site as to_id, 'checkout' as kind, qty, start + interval '1 day' as at from bm_qtrip
         union all
         select tool_id, mover, null, site, case when used_up then null else home end, case when used_up then 'consume' else 'checkin' end, qty, start + interval '20 days'
         from bm_qtrip
       ) m`,
    p,
  )
  await tx.unsafe(
    `create temp table bm_away on commit drop as
       select t.id as tool_id, s.id as site, 1 + t.n % 10 as qty, mv.id as mover
       from bm_tool t
       join bm_active_site s on s.k = 1 + t.n % (select count(*) from bm_active_site)
       join bm_movers mv on mv.k = 1 + t.n % (select count(*) from bm_movers)
       where t.kind = 'quantity' and t.n % 40 = 0`,
  )
  await tx.unsafe(
    `insert into tool_movements (organization_id, tool_id, user_id, holder_id, from_location_id, to_location_id, movement_type, quantity, moved_at, source, created_at)
       select $1, a.tool_id, a.mover, a.mover, t.home, a.site, 'checkout', a.qty, now() - interval '3 days', 'scan', now()
       from bm_away a join bm_tool t on t.id = a.tool_id`,
    p,
  )
  await tx.unsafe(`insert into tool_stock (organization_id, tool_id, location_id, quantity) select $1, tool_id, site, qty from bm_away`, p)

  // Where each tool is now follows from its moves: the latest one's place and holder (individual tools), home
  // stock less what was used up and what is on sites (quantity tools).
  await tx.unsafe(
    `update tools t set current_location_id = m.to_location_id, current_holder_id = m.holder_id, last_moved_at = m.moved_at
       from (select distinct on (tool_id) tool_id, to_location_id, holder_id, moved_at from tool_movements
             where organization_id = $1 order by tool_id, moved_at desc, id desc) m
       where t.organization_id = $1 and t.id = m.tool_id and t.management_type = 'individual'`,
    p,
  )
  await tx.unsafe(
    `update tools t set last_moved_at = m.last,
         current_quantity = 1000 - m.used - coalesce((select sum(s.quantity) from tool_stock s where s.organization_id = $1 and s.tool_id = t.id), 0)
       from (select tool_id, max(moved_at) as last, coalesce(sum(quantity) filter (where movement_type = 'consume'), 0) as used
             from tool_movements where organization_id = $1 group by tool_id) m
       where t.organization_id = $1 and t.id = m.tool_id and t.management_type = 'quantity'`,
    p,
  )
  // Maintenance, so the dashboard's alerts have real work: the monthly colour-tag inspection of the power tools
  // (A) and a yearly calibration of the measuring instruments (C), each tool's records over the last two years
  // (one in seven missed the latest round: overdue), and repairs for the tools under repair or broken, with
  // finished repairs and their costs spread over the two years.
  await tx.unsafe(`insert into management_settings (organization_id, inspection_colors) values ($1, $2::text::jsonb)`, [orgId, JSON.stringify(defaultInspectionColors)])
  await tx.unsafe(
    `insert into inspection_schedules (organization_id, name, kind, category_id, interval_months, starts_on, uses_color)
       select $1::uuid, '月例点検（電動工具）', 'inspection', id, 1, date_trunc('month', current_date - 730)::date, true from bm_cat where prefix = 'A'
       union all
       select $1::uuid, '測定器 年次校正', 'calibration', id, 12, current_date - 730, false from bm_cat where prefix = 'C'`,
    p,
  )
  const inspector = `(select id from bm_users where role = 'leader' order by n limit 1)`
  await tx.unsafe(
    `insert into inspection_records (organization_id, tool_id, schedule_id, performed_on, result, inspector_id, color)
       select $1::uuid, t.id, s.id, m.month::date, case when (t.n + m.k) % 50 = 0 then 'fail' else 'pass' end, ${inspector},
         ($2::text::jsonb -> ((extract(year from m.month)::int * 12 + extract(month from m.month)::int - 1) % 4) ->> 'name')
       from bm_tool t
       join inspection_schedules s on s.organization_id = $1 and s.category_id = t.category_id and s.uses_color
       cross join lateral (select k, date_trunc('month', current_date) - make_interval(months => k) as month from generate_series(0, 23) k) m
       where t.kind = 'individual' and t.status <> 'disposed' and not t.deleted and not (m.k = 0 and t.n % 7 = 3)`,
    [orgId, JSON.stringify(defaultInspectionColors)],
  )
  await tx.unsafe(
    `insert into inspection_records (organization_id, tool_id, schedule_id, performed_on, result, inspector_id)
       select $1::uuid, t.id, s.id, current_date - 365 * y - t.n % 300 - case when t.n % 7 = 3 then 90 else 0 end, 'pass', ${inspector}
       from bm_tool t
       join inspection_schedules s on s.organization_id = $1 and s.category_id = t.category_id and s.kind = 'calibration'
       cross join generate_series(0, 1) y
       where t.kind = 'individual' and t.status <> 'disposed' and not t.deleted`,
    p,
  )
  await tx.unsafe(
    `insert into repair_records (organization_id, tool_id, status, reported_by, reported_at, problem, vendor, cost, sent_on, completed_on)
       select $1::uuid, t.id, case when t.status = 'repair' then 'in_repair' else 'reported' end, ${inspector}, now() - make_interval(days => 3 + t.n % 20),
         'スイッチが入らない', case when t.status = 'repair' then 'マキタ 東京サービスセンター' end, null,
         case when t.status = 'repair' then current_date - t.n % 10 end, null
       from bm_tool t where t.status in ('repair', 'broken') and not t.deleted
       union all
       select $1::uuid, t.id, 'done', ${inspector}, now() - make_interval(days => 30 + t.n % 690), '異音がして回転が不安定', 'HiKOKI 修理センター',
         3000 + (t.n * 37) % 40000, current_date - 28 - t.n % 690, current_date - 20 - t.n % 690
       from bm_tool t where t.kind = 'individual' and t.n % 11 = 0 and not t.deleted`,
    p,
  )
  const [owner] = await tx<{ id: string }[]>`select id from bm_users where role = 'owner'`
  const movers = await tx<{ id: string }[]>`select u.id from bm_users u where u.role in ('leader', 'staff') order by u.n`
  return { id: orgId, subdomain: spec.subdomain, movers: movers.map((m) => m.id), owner: owner!.id }
}

/** The load's promises, checked: throws naming the first broken rule. */
export async function checkConsistency(sql: postgres.Sql, orgIds: string[]) {
  const [bad] = await sql<{ misplaced: number; negative: number; stock: number; orphans: number }[]>`
    select
      (select count(*)::int from tools t
         join lateral (select m.to_location_id, m.holder_id, m.moved_at from tool_movements m
                       where m.organization_id = t.organization_id and m.tool_id = t.id order by m.moved_at desc, m.id desc limit 1) last on true
       where t.organization_id = any(${orgIds}::uuid[]) and t.management_type = 'individual'
         and (t.current_location_id is distinct from last.to_location_id or t.current_holder_id is distinct from last.holder_id
              or t.last_moved_at is distinct from last.moved_at)) as misplaced,
      (select count(*)::int from tools where organization_id = any(${orgIds}::uuid[]) and current_quantity < 0) as negative,
      (select count(*)::int from tool_stock where organization_id = any(${orgIds}::uuid[]) and quantity < 0) as stock,
      (select count(*)::int from tool_movements m where m.organization_id = any(${orgIds}::uuid[]) and not exists
         (select 1 from memberships x where x.organization_id = m.organization_id and x.user_id = m.user_id)) as orphans`
  if (bad!.misplaced || bad!.negative || bad!.stock || bad!.orphans) throw new Error(`inconsistent benchmark data: ${JSON.stringify(bad)}`)
}

/** Loads every company (each in its own transaction, triggers off), then analyses the tables as autovacuum would. */
export async function loadBigData(sql: postgres.Sql, specs: CompanySpec[]): Promise<LoadedCompany[]> {
  const loaded: LoadedCompany[] = []
  for (const spec of specs) {
    loaded.push(
      await sql.begin(async (tx) => {
        await tx.unsafe(`set local session_replication_role = replica`)
        return loadCompany(tx, spec)
      }),
    )
  }
  await checkConsistency(
    sql,
    loaded.map((l) => l.id),
  )
  await sql.unsafe(`analyze`)
  return loaded
}

/** One big company and `small` small ones. */
export function benchCompanies(small = 50): CompanySpec[] {
  return [
    { subdomain: 'bench-big', name: '大和総合建設株式会社', members: 80, warehouses: 4, sites: 150, tools: 5000, trips: 21 },
    ...Array.from({ length: small }, (_, i) => ({
      subdomain: `bench-small-${String(i + 1).padStart(2, '0')}`,
      name: `小規模工務店${i + 1}号株式会社`,
      members: 15,
      warehouses: 2,
      sites: 8,
      tools: 150,
      trips: 6,
    })),
  ]
}
