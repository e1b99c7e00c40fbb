// One person with their guardians, as staff see it at /barn/:id (the family's own view is Min side,
// MyPage.tsx). The national identity number stays masked until the user asks to see it.
import { Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDate } from '../../../common/i18n/index.ts';
import { CaseArea } from '../components/case/CaseArea.tsx';
import { MeetingList } from '../components/case/Referral.tsx';
import { Consents } from '../components/Consents.tsx';
import { ScreeningsSection } from '../components/questionnaires/Screenings.tsx';
import { NationalId } from '../components/NationalId.tsx';
import { PlanLink } from '../components/plans/PlanLink.tsx';
import { Facts, GuardianCard } from '../components/PersonFacts.tsx';
import { Page } from '../components/Page.tsx';
import { QueryFallback } from '../components/Status.tsx';
import { useApiQuery } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import type { PersonDetails, UnconfirmedRelation } from '../../../common/contracts/people.ts';

/** Guardians the professional entered: what they typed, marked as waiting; they open nothing yet. */
function UnconfirmedRelations({ relations }: { relations: UnconfirmedRelation[] }) {
  const { t, tx } = useI18n();
  const yesNo = (value: boolean) => t(value ? 'ui.common.yes' : 'ui.common.no');
  return (
    <section aria-labelledby="person-unconfirmed" className="page-section">
      <Heading level={2} data-size="sm" id="person-unconfirmed">{t('ui.person.unconfirmedHeading')}</Heading>
      <Paragraph>{t('ui.person.unconfirmedHelp')}</Paragraph>
      <div className="card-grid">
        {relations.map((r) => {
          const items: [string, ReactNode][] = [
            [t('ui.person.relation'), tx(`domain.relation.${r.relation}`, r.relation)],
            [t('ui.person.parentalResponsibility'), yesNo(r.parentalResponsibility)],
            [t('ui.person.birthDate'), formatDate(r.birthDate)],
          ];
          if (r.phone) items.push([t('ui.person.phone'), r.phone]);
          if (r.email) items.push([t('ui.person.email'), r.email]);
          return (
            <Card key={r.id} className="guardian-card" data-testid="unconfirmed-relation">
              <Heading level={3} data-size="xs" className="card-title">{r.givenName} {r.familyName}</Heading>
              <p><Tag data-color={r.status === 'rejected' ? 'danger' : 'warning'}>{t(r.status === 'rejected' ? 'ui.person.relationRejected' : 'ui.person.relationUnconfirmed')}</Tag></p>
              <Facts items={items} />
            </Card>
          );
        })}
      </div>
    </section>
  );
}

export function PersonPage() {
  const { t, tx } = useI18n();
  const { id } = useParams();
  const person = useApiQuery<PersonDetails>(id ? `/api/people/${encodeURIComponent(id)}` : null);
  const back = <Link asChild><RouterLink to="/barn">{t('ui.person.backToPeople')}</RouterLink></Link>;

  if (!person.data) {
    return (
      <Page title={t('ui.person.title')}>
        <p className="back-link">{back}</p>
        <QueryFallback query={person} />
      </Page>
    );
  }
  const p = person.data;
  const name = `${p.givenName} ${p.familyName}`;
  const items: [string, ReactNode][] = [
    [t('ui.person.nationalId'), <NationalId value={p.nationalId} personName={name} />],
    [t('ui.person.birthDate'), formatDate(p.birthDate)],
    [t('ui.person.kind'), tx(`domain.personKind.${p.kind}`, p.kind)],
  ];
  if (p.expectedBirthDate) items.push([t('ui.person.expectedBirthDate'), formatDate(p.expectedBirthDate)]);
  items.push([t('ui.person.area'), p.area ?? '–']);
  items.push([t('ui.person.address'), p.address ?? '–']);
  if (p.phone) items.push([t('ui.person.phone'), p.phone]);
  if (p.email) items.push([t('ui.person.email'), p.email]);

  return (
    <Page title={name}>
      <p className="back-link">{back}</p>
      <section aria-labelledby="person-facts" className="page-section">
        <Heading level={2} data-size="sm" id="person-facts">{t('ui.person.factsHeading')}</Heading>
        <Facts items={items} />
      </section>
      {p.kind === 'child' || p.guardians.length > 0 ? (
        <section aria-labelledby="person-guardians" className="page-section">
          <Heading level={2} data-size="sm" id="person-guardians">{t('ui.person.guardiansHeading')}</Heading>
          {p.guardians.length === 0 ? <Paragraph>{t('ui.person.noGuardians')}</Paragraph> : null}
          <div className="card-grid">
            {p.guardians.map((g) => (
              <GuardianCard key={g.id} guardian={g} citizen={false} />
            ))}
          </div>
        </section>
      ) : null}
      {p.unconfirmedRelations?.length ? <UnconfirmedRelations relations={p.unconfirmedRelations} /> : null}
      {p.kind !== 'adult' ? <PlanLink personId={p.id} /> : null}
      <CaseArea personId={p.id} citizen={false} onlyWithCase={p.kind === 'adult'} />
      <ScreeningsSection personId={p.id} citizen={false} />
      {p.kind !== 'adult' ? <MeetingList personId={p.id} citizen={false} /> : null}
      <Consents person={p} citizen={false} />
      {p.kind !== 'adult' ? (
        <section aria-labelledby="person-report" className="page-section">
          <Heading level={2} data-size="sm" id="person-report">{t('reports.form.title')}</Heading>
          <Paragraph>{t('reports.form.dutyText')}</Paragraph>
          <Button asChild variant="secondary"><RouterLink to={`/barn/${p.id}/bekymringsmelding`}>{t('reports.form.open')}</RouterLink></Button>
        </section>
      ) : null}
    </Page>
  );
}
