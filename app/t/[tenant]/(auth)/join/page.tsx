import { getTranslations } from 'next-intl/server'
import { previewInvitation } from '@/lib/accounts/invitations'
import { withAnonymous } from '@/lib/db'
import { requireTenant } from '@/lib/tenancy/current'
import { JoinForm } from './join-form'

export async function generateMetadata() {
  const t = await getTranslations('join')
  return { title: t('title') }
}

export default async function JoinPage({ params, searchParams }: PageProps<'/t/[tenant]/join'>) {
  const tenant = await requireTenant(params)
  const raw = (await searchParams).token
  const token = typeof raw === 'string' && raw.length <= 100 ? raw : ''
  const [t, tr] = await Promise.all([getTranslations('join'), getTranslations('roles')])
  const invitation = token ? await withAnonymous((tx) => previewInvitation(tx, tenant.id, token)) : null
  if (!invitation)
    return (
      <section className="card w-full max-w-md">
        <h1 className="text-2xl font-bold">{t('invalidTitle')}</h1>
        <p className="mt-2 text-gray-700">{t('invalid')}</p>
      </section>
    )
  return (
    <section className="card w-full max-w-md">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-lg text-gray-800">{t('lead', { company: tenant.name, role: tr(invitation.role) })}</p>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg bg-gray-100 p-3">
        <dt className="font-bold">{t('company')}</dt>
        <dd>{tenant.name}</dd>
        <dt className="font-bold">{t('role')}</dt>
        <dd>{tr(invitation.role)}</dd>
        <dt className="font-bold">{t('email')}</dt>
        <dd className="break-all">{invitation.email}</dd>
      </dl>
      <p className="mt-4 text-gray-700">{invitation.hasAccount ? t('existingLead') : t('newLead')}</p>
      <JoinForm token={token} email={invitation.email} mode={invitation.hasAccount ? 'existing' : 'new'} />
    </section>
  )
}
