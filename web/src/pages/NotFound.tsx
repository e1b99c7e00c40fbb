import { Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { Page } from '../components/Page.tsx';
import { useI18n } from '../i18n.tsx';
import { startPath } from '../navigation.ts';
import { useSession } from '../session.tsx';

function HomeLink() {
  const { t } = useI18n();
  const { me } = useSession();
  const principal = me?.principal;
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to={me && principal ? startPath(me) : '/'}>{t(principal ? 'ui.notFound.toStart' : 'ui.notFound.toSignIn')}</RouterLink>
      </Link>
    </Paragraph>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('ui.notFound.title')}>
      <Paragraph>{t('ui.notFound.text')}</Paragraph>
      <HomeLink />
    </Page>
  );
}

export function NoAccessPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const principal = me?.principal;
  const role = principal?.kind === 'staff' ? t(`domain.role.${principal.activeRole}`) : t('domain.role.citizen');
  return (
    <Page title={t('ui.noAccess.title')}>
      <Paragraph>{t('ui.noAccess.text', { role })}</Paragraph>
      <HomeLink />
    </Page>
  );
}
