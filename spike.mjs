import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
let t=Date.now()
const db = new PGlite({ extensions: { pg_trgm } })
await db.waitReady
console.log('open', Date.now()-t)
console.log((await db.query("select version(), current_user, encode(sha256('abc'::bytea),'hex') h")).rows)
await db.exec("create extension if not exists pg_trgm; create role genba_system nologin bypassrls; create role authenticated nologin; create table t(id int, org int); alter table t enable row level security; alter table t force row level security; create policy p on t to authenticated using (org = 1); insert into t values (1,1),(2,2); grant select on t to authenticated;")
await db.exec("begin; set local role authenticated;")
console.log((await db.query("select * from t")).rows)
await db.exec("rollback; begin; set local role genba_system;")
try { console.log((await db.query("select * from t")).rows) } catch(e) { console.log('err', e.message) }
await db.exec("rollback")
t=Date.now(); const dump = await db.dumpDataDir('gzip'); console.log('dump', Date.now()-t, dump.size)
t=Date.now(); const db2 = new PGlite({ loadDataDir: dump, extensions: { pg_trgm } }); await db2.waitReady; console.log('load', Date.now()-t, (await db2.query('select count(*) from t')).rows)
