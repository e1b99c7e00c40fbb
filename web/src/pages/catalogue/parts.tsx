// Pieces the catalogue pages share: a service as a card in a list, its age range in words, and the
// list of life situations in the visitor's language.
import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { SITUATIONS, type Situation } from '../../../../common/catalogue.ts';
import { useI18n } from '../../i18n.tsx';
import type { ServiceSummary } from '../../../../common/contracts/catalogue.ts';
import './catalogue.css';

export function useAgeText() {
  const { t } = useI18n();
  return (from: number | null, to: number | null): string => {
    if (from !== null && to !== null) return t('catalogue.card.age', { from, to });
    if (from !== null) return t('catalogue.card.ageFrom', { from });
    if (to !== null) return t('catalogue.card.ageTo', { to });
    return t('catalogue.card.allAges');
  };
}

export function useSituationName() {
  const { tx } = useI18n();
  return (situation: Situation | string) => tx(`catalogue.situation.${situation}`, situation);
}

export { SITUATIONS };

export function ServiceCard({ service, level = 3 }: { service: ServiceSummary; level?: 2 | 3 }) {
  const { t } = useI18n();
  const ageText = useAgeText();
  return (
    <Card className="service-card" data-color="neutral">
      <Heading level={level} data-size="xs">
        <Link asChild>
          <RouterLink to={`/tjenester/${service.slug}`}>{service.name}</RouterLink>
        </Link>
      </Heading>
      <Paragraph data-size="sm">{service.summary}</Paragraph>
      <div className="service-card__tags">
        <Tag data-color="neutral" data-size="sm">{ageText(service.ageFrom, service.ageTo)}</Tag>
        {service.lowThreshold ? <Tag data-color="success" data-size="sm">{t('catalogue.card.lowThreshold')}</Tag> : null}
      </div>
    </Card>
  );
}

export function ServiceList({ services, label, level = 3 }: { services: ServiceSummary[]; label?: string; level?: 2 | 3 }) {
  return (
    <ul className="service-list" aria-label={label}>
      {services.map((s) => (
        <li key={s.id}>
          <ServiceCard service={s} level={level} />
        </li>
      ))}
    </ul>
  );
}
