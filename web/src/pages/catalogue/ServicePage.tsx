// One service as citizens see it: what it helps with, who can use it, how to get in touch, cost,
// opening hours and where. Only the published version is ever shown here.
import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDate } from '../../../../common/i18n/index.ts';
import { Page } from '../../components/Page.tsx';
import { QueryFallback } from '../../components/Status.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { useAgeText, useSituationName } from './parts.tsx';
import type { ServiceDetails } from '../../../../common/contracts/catalogue.ts';

function Fact({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Heading level={2} data-size="xs" id={id}>{title}</Heading>
      {children}
    </section>
  );
}

export function ServicePage() {
  const { t } = useI18n();
  const { slug = '' } = useParams();
  const ageText = useAgeText();
  const situationName = useSituationName();
  const loaded = useApiQuery<{ service: ServiceDetails }>(`/api/catalogue/services/${encodeURIComponent(slug)}`);
  const back = (
    <Paragraph className="back-link">
      <Link asChild><RouterLink to="/tjenester">{t('catalogue.service.back')}</RouterLink></Link>
    </Paragraph>
  );
  if (loaded.error?.status === 404) {
    return (
      <Page title={t('catalogue.list.title')}>
        <Paragraph>{t('catalogue.service.notFound')}</Paragraph>
        {back}
      </Page>
    );
  }
  const s = loaded.data?.service;
  if (!s) {
    return (
      <>
        {back}
        <QueryFallback query={loaded} />
      </>
    );
  }
  const phoneHref = s.phone ? `tel:${s.phone.replace(/\s/g, '')}` : null;
  return (
    <>
      {back}
      <Page title={s.name} lead={<Paragraph data-size="lg" className="lead prose">{s.summary}</Paragraph>}>
        <div className="button-row">
          <Tag data-color="neutral">{`${t('catalogue.service.age')}: ${ageText(s.ageFrom, s.ageTo)}`}</Tag>
          {s.lowThreshold ? <Tag data-color="success">{t('catalogue.service.lowThreshold')}</Tag> : null}
        </div>
        <div className="service-facts">
          {s.audienceText ? <Fact id="service-who" title={t('catalogue.service.who')}><Paragraph className="prose">{s.audienceText}</Paragraph></Fact> : null}
          {s.howTo ? <Fact id="service-how" title={t('catalogue.service.how')}><Paragraph className="prose">{s.howTo}</Paragraph></Fact> : null}
          {s.cost ? <Fact id="service-cost" title={t('catalogue.service.cost')}><Paragraph>{s.cost}</Paragraph></Fact> : null}
          {s.openingHours ? <Fact id="service-hours" title={t('catalogue.service.hours')}><Paragraph>{s.openingHours}</Paragraph></Fact> : null}
          {s.location ? <Fact id="service-where" title={t('catalogue.service.where')}><Paragraph>{s.location}</Paragraph></Fact> : null}
          {s.phone || s.email || s.url || s.address ? (
            <Fact id="service-contact" title={t('catalogue.service.contact')}>
              <dl className="contact-list">
                {s.phone && phoneHref ? (
                  <div><dt>{t('catalogue.service.phone')}</dt><dd><Link href={phoneHref}>{s.phone}</Link></dd></div>
                ) : null}
                {s.email ? (
                  <div><dt>{t('catalogue.service.email')}</dt><dd><Link href={`mailto:${s.email}`}>{s.email}</Link></dd></div>
                ) : null}
                {s.url ? (
                  <div><dt>{t('catalogue.service.web')}</dt><dd><Link href={s.url}>{s.url.replace(/^https?:\/\//, '')}</Link></dd></div>
                ) : null}
                {s.address ? (
                  <div><dt>{t('catalogue.service.address')}</dt><dd>{s.address}</dd></div>
                ) : null}
              </dl>
            </Fact>
          ) : null}
        </div>
        {s.situations.length ? (
          <section className="page-section" aria-labelledby="service-situations">
            <Heading level={2} data-size="xs" id="service-situations">{t('catalogue.service.situations')}</Heading>
            <ul className="choice-links">
              {s.situations.map((x) => (
                <li key={x}>
                  <RouterLink className="choice-link" to={`/tjenester?situation=${x}`}>{situationName(x)}</RouterLink>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {s.publishedAt ? <Paragraph data-size="sm">{t('catalogue.service.updated', { date: formatDate(s.publishedAt) })}</Paragraph> : null}
      </Page>
    </>
  );
}
