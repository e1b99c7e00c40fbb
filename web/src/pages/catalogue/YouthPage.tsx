// "For ungdom": a low-threshold page for 13–23-year-olds. Headings about life (leisure, school and
// work, health), not about problems; what needs no referral comes first.
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { QueryFallback } from '../../components/Status.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { ServiceList } from './parts.tsx';
import type { ServiceSummary } from '../../../../common/contracts/catalogue.ts';

type GroupKey = 'leisure' | 'schoolWork' | 'health';

export function YouthPage() {
  const { t } = useI18n();
  const loaded = useApiQuery<{ groups: { key: GroupKey; services: ServiceSummary[] }[] }>('/api/catalogue/youth');
  const groups = (loaded.data?.groups ?? []).filter((g) => g.services.length > 0);
  return (
    <Page title={t('catalogue.youth.title')}>
      <div className="youth-hero">
        <Paragraph data-size="lg">{t('catalogue.youth.lead')}</Paragraph>
        <Paragraph>{t('catalogue.youth.confidential')}</Paragraph>
        <Paragraph>
          <Link asChild><RouterLink to="/tjenester/veileder">{t('catalogue.youth.guideLink')}</RouterLink></Link>
        </Paragraph>
      </div>
      <Paragraph>{t('catalogue.youth.urgent')}</Paragraph>
      <QueryFallback query={loaded} />
      {loaded.data && groups.length === 0 ? <Paragraph>{t('catalogue.youth.empty')}</Paragraph> : null}
      {groups.map((g) => (
        <section key={g.key} className="page-section" aria-labelledby={`youth-${g.key}`}>
          <Heading level={2} data-size="sm" id={`youth-${g.key}`}>{t(`catalogue.youth.group.${g.key}`)}</Heading>
          <ServiceList services={g.services} label={t(`catalogue.youth.group.${g.key}`)} />
        </section>
      ))}
    </Page>
  );
}
