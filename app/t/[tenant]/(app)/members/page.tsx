import { getFormatter, getTranslations } from 'next-intl/server'
import { ActionForm } from '@/components/action-form'
import { listOpenInvitations } from '@/lib/accounts/invitations'
import { companySecurity, listMembers } from '@/lib/accounts/members'
import { requireMember } from '@/lib/auth/member'
import { assignableRoles, atLeast } from '@/lib/auth/roles'
import { withTenant } from '@/lib/db'
import { deactivate, reactivate, revokeInvite, transfer, updateRole, updateSecurity } from './actions'
import { InviteForm } from './invite-form'

export async function generateMetadata() {
  const t = await getTranslations('members')
  return { title: t('title') }
}

export default async function MembersPage() {
  const me = await requireMember()
  const manager = atLeast(me.role, 'admin')
  const [members, invitations, security] = await withTenant(me.ctx, async (tx) => [
    await listMembers(tx),
    manager ? await listOpenInvitations(tx) : [],
    manager ? await companySecurity(tx, me.tenant.id) : null,
  ])
  const [t, tr, format] = await Promise.all([getTranslations('members'), getTranslations('roles'), getFormatter()])
  const roles = assignableRoles(me.role)
  return (
    <main className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {manager ? (
        <section className="card" aria-labelledby="invite-title">
          <h2 id="invite-title" className="text-xl font-bold">
            {t('inviteTitle')}
          </h2>
          <p className="mt-1 text-gray-700">{t('inviteLead')}</p>
          <InviteForm roles={roles.map((r) => ({ value: r, label: tr(r) }))} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title" className="text-xl font-bold">
          {t('listTitle', { count: members.filter((m) => m.isActive).length })}
        </h2>
        <ul className="mt-3 divide-y divide-gray-200">
          {members.map((m) => {
            const self = m.userId === me.session.userId
            const canManage = manager && atLeast(me.role, m.role)
            return (
              <li key={m.userId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="member-row">
                <div className="min-w-0">
                  <p className="font-bold">
                    {m.name} {self ? <span className="text-sm font-normal text-gray-600">{t('you')}</span> : null}
                  </p>
                  <p className="break-all text-sm text-gray-700">{m.email}</p>
                  <p className="text-sm">
                    <span className="rounded bg-gray-200 px-2 py-0.5 font-bold">{tr(m.role)}</span>{' '}
                    {!m.isActive ? <span className="rounded bg-red-100 px-2 py-0.5 font-bold text-red-800">{t('inactive')}</span> : null}
                  </p>
                </div>
                {canManage && m.role !== 'owner' && m.isActive ? (
                  <div className="flex flex-wrap items-center gap-2">
                    <ActionForm action={updateRole} hidden={{ userId: m.userId }} className="flex flex-wrap items-center gap-2">
                      <label className="sr-only" htmlFor={`role-${m.userId}`}>
                        {t('role')}
                      </label>
                      <select id={`role-${m.userId}`} name="role" defaultValue={m.role} className="field w-auto">
                        {roles.map((r) => (
                          <option key={r} value={r}>
                            {tr(r)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="btn btn-secondary">
                        {t('changeRole')}
                      </button>
                    </ActionForm>
                    {!self ? (
                      <ActionForm action={deactivate} hidden={{ userId: m.userId }} confirm={t('deactivateConfirm', { name: m.name })}>
                        <button type="submit" className="btn btn-secondary text-red-800">
                          {t('deactivate')}
                        </button>
                      </ActionForm>
                    ) : null}
                    {me.role === 'owner' && !self ? (
                      <ActionForm action={transfer} hidden={{ userId: m.userId }} confirm={t('transferConfirm', { name: m.name })}>
                        <button type="submit" className="btn btn-secondary">
                          {t('transfer')}
                        </button>
                      </ActionForm>
                    ) : null}
                  </div>
                ) : null}
                {canManage && !m.isActive ? (
                  <ActionForm action={reactivate} hidden={{ userId: m.userId }}>
                    <button type="submit" className="btn btn-secondary">
                      {t('reactivate')}
                    </button>
                  </ActionForm>
                ) : null}
              </li>
            )
          })}
        </ul>
      </section>
      {manager ? (
        <section className="card" aria-labelledby="invitations-title">
          <h2 id="invitations-title" className="text-xl font-bold">
            {t('openInvitations')}
          </h2>
          {invitations.length === 0 ? <p className="mt-2 text-gray-700">{t('noInvitations')}</p> : null}
          <ul className="mt-3 divide-y divide-gray-200">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="break-all font-bold">{i.email}</p>
                  <p className="text-sm text-gray-700">
                    {tr(i.role)} · {t('expires', { date: format.dateTime(i.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                  </p>
                </div>
                <ActionForm action={revokeInvite} hidden={{ id: i.id }}>
                  <button type="submit" className="btn btn-secondary">
                    {t('revoke')}
                  </button>
                </ActionForm>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {security ? (
        <section className="card" aria-labelledby="security-title">
          <h2 id="security-title" className="text-xl font-bold">
            {t('companySecurity')}
          </h2>
          <ActionForm action={updateSecurity} className="mt-3 flex flex-wrap items-center gap-3">
            <label className="flex min-h-12 items-center gap-3 font-bold">
              <input type="checkbox" name="requireTwoFactor" defaultChecked={security.requireTwoFactor} className="size-6" />
              {t('requireTwoFactor')}
            </label>
            <button type="submit" className="btn btn-secondary">
              {t('save')}
            </button>
          </ActionForm>
        </section>
      ) : null}
    </main>
  )
}
