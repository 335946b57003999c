import { getTranslations } from 'next-intl/server';

/** Finds an account's activity by its email: a plain GET form, so the address names what is shown. */
export async function AccountActivityForm({ email = '' }: { email?: string }) {
  const t = await getTranslations('AdminActivity');
  return (
    <form className="card stack" method="get" action="/admin/activity" aria-labelledby="account-activity-heading">
      <h2 id="account-activity-heading">{t('find')}</h2>
      <p className="muted">{t('explain')}</p>
      <label>
        {t('email')}
        <input type="email" name="email" required defaultValue={email} autoComplete="off" />
      </label>
      <button type="submit" className="align-start">
        {t('show')}
      </button>
    </form>
  );
}
