// "Min side" for a signed-in citizen, made of sections a reader jumps between (SectionNav): the
// family's page (/min-side: what waits for an answer, themself, their children) and one person's
// page (/min-side/:id). Each section is its own component that renders nothing when it has nothing
// to say; a new part of Min side is one line in FAMILY_SECTIONS or PERSON_SECTIONS below.
// Summaries come first and long parts start closed, so a page stays a few screens on a phone.
import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { ComponentType, ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDate } from '../../../common/i18n/index.ts';
import { CaseArea } from '../components/case/CaseArea.tsx';
import { MeetingList } from '../components/case/Referral.tsx';
import { AccessLog, TeamRequest } from '../components/citizen/CitizenCase.tsx';
import { CaseNotShown, GuardianVisibility, HelpForYou, opens } from '../components/citizen/Youth.tsx';
import { FamilyReports } from '../components/citizen/FamilyReports.tsx';
import { FamilyRequests } from '../components/citizen/FamilyRequests.tsx';
import { FamilyEffort } from '../components/citizen/FamilyEffort.tsx';
import { FamilyPlan } from '../components/citizen/FamilyPlan.tsx';
import { PageReaderProvider } from '../components/citizen/reader.tsx';
import { Consents } from '../components/Consents.tsx';
import { ScreeningsSection } from '../components/questionnaires/Screenings.tsx';
import { NationalId } from '../components/NationalId.tsx';
import { Facts, GuardianCard } from '../components/PersonFacts.tsx';
import { Page } from '../components/Page.tsx';
import { Collapsible, PageSection, SectionNav, SectionNavProvider } from '../components/PageSection.tsx';
import { QueryFallback } from '../components/Status.tsx';
import { MeetingRatingsLink } from './MeetingRatings.tsx';
import { useApiQuery } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import type { People, PersonDetails } from '../../../common/contracts/people.ts';

type Listed = People['people'][number];

/** A section of the family's page: it loads what it shows. */
export type FamilySection = ComponentType;
/** A section of one person's page, given the person (with `citizen.reader`: 'self' or 'guardian'). */
export type PersonSection = ComponentType<{ person: PersonDetails }>;

function PersonCard({ person }: { person: Listed }) {
  const { t } = useI18n();
  return (
    <Card className="person-card">
      <Heading level={3} data-size="xs">
        <Link asChild>
          <RouterLink to={`/min-side/${person.id}`}>{person.givenName} {person.familyName}</RouterLink>
        </Link>
      </Heading>
      <Paragraph data-size="sm">{t('ui.myPage.born', { date: formatDate(person.birthDate) })}</Paragraph>
      {person.expectedBirthDate ? <Paragraph data-size="sm">{t('ui.myPage.expected', { date: formatDate(person.expectedBirthDate) })}</Paragraph> : null}
    </Card>
  );
}

function useFamily() {
  return useApiQuery<People>('/api/people');
}

function YouSection() {
  const { t } = useI18n();
  const self = (useFamily().data?.people ?? []).filter((p) => p.reader === 'self');
  if (self.length === 0) return null;
  return (
    <PageSection id="my-self" title={t('ui.myPage.you')}>
      <div className="card-grid">{self.map((p) => <PersonCard key={p.id} person={p} />)}</div>
    </PageSection>
  );
}

function ChildrenSection() {
  const { t } = useI18n();
  const family = useFamily();
  if (!family.data) return null;
  const children = family.data.people.filter((p) => p.reader === 'guardian');
  // A youth or a pregnant woman reads about themself; "no children" is news only to a parent.
  if (children.length === 0 && family.data.people.some((p) => p.reader === 'self' && p.kind !== 'adult')) return null;
  return (
    <PageSection id="my-children" title={t('ui.myPage.children')}>
      {children.length === 0 ? <Paragraph>{t('ui.myPage.noChildren')}</Paragraph> : null}
      <div className="card-grid">{children.map((p) => <PersonCard key={p.id} person={p} />)}</div>
    </PageSection>
  );
}

/** The family's page, section by section in the order they stand. */
const FAMILY_SECTIONS: FamilySection[] = [
  FamilyRequests,
  FamilyEffort,
  YouSection,
  ChildrenSection,
  MeetingRatingsLink,
];

/** What the municipality has registered: the person and the guardians, closed until asked for. */
function RegisteredSection({ person: p }: { person: PersonDetails }) {
  const { t } = useI18n();
  const name = `${p.givenName} ${p.familyName}`;
  const items: [string, ReactNode][] = [
    [t('ui.person.nationalId'), <NationalId value={p.nationalId} personName={name} />],
    [t('ui.person.birthDate'), formatDate(p.birthDate)],
  ];
  if (p.expectedBirthDate) items.push([t('ui.person.expectedBirthDate'), formatDate(p.expectedBirthDate)]);
  items.push([t('ui.person.address'), p.address ?? '–']);
  if (p.phone) items.push([t('ui.person.phone'), p.phone]);
  if (p.email) items.push([t('ui.person.email'), p.email]);
  return (
    <PageSection id="person-facts" title={t('ui.person.citizenFactsHeading')} summary={<Paragraph data-size="sm">{t('ui.person.citizenIntro')}</Paragraph>}>
      <Collapsible summary={t('ui.myPage.showRegistered')}>
        <Facts items={items} />
        {p.guardians.length > 0 ? (
          <>
            <Heading level={3} data-size="xs">{t('ui.person.citizenGuardiansHeading')}</Heading>
            <div className="card-grid">{p.guardians.map((g) => <GuardianCard key={g.id} guardian={g} citizen />)}</div>
          </>
        ) : null}
      </Collapsible>
    </PageSection>
  );
}

const notAdult = (section: PersonSection): PersonSection => function ChildOrPregnancySection({ person }) {
  const Section = section;
  return person.kind === 'adult' ? null : <Section person={person} />;
};

/** One person's page, section by section: what is happening first, the records last. */
const PERSON_SECTIONS: PersonSection[] = [
  CaseNotShown,
  // Screenings are the answering person's own data: only on their own page.
  ({ person }) => (person.citizen?.reader === 'self' ? <ScreeningsSection personId={person.id} citizen /> : null),
  opens('readCase', ({ person }) => <CaseArea personId={person.id} citizen onlyWithCase={person.kind === 'adult'} />),
  notAdult(opens('readCase', ({ person }) => <MeetingList personId={person.id} citizen />)),
  opens('readPlan', FamilyPlan),
  opens('readConsents', ({ person }) => <Consents person={person} citizen />),
  notAdult(opens('askTeam', TeamRequest)),
  GuardianVisibility,
  notAdult(opens('readReports', ({ person }) => <FamilyReports personId={person.id} />)),
  HelpForYou,
  RegisteredSection,
  opens('readAccessLog', AccessLog),
];

export function MyPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const family = useFamily();
  const name = me?.principal?.displayName ?? '';
  return (
    <Page title={t('ui.myPage.title')}>
      <SectionNavProvider>
        <Paragraph data-size="lg" className="lead">{t('ui.myPage.greeting', { name: name.split(' ')[0] ?? name })}</Paragraph>
        {family.data ? <Paragraph>{t(family.data.people.some((p) => p.reader === 'guardian') ? 'ui.myPage.intro' : 'ui.myPage.introSelf')}</Paragraph> : null}
        <SectionNav label={t('ui.myPage.sectionNav')} />
        <QueryFallback query={family} />
        {FAMILY_SECTIONS.map((Section, i) => <Section key={i} />)}
      </SectionNavProvider>
    </Page>
  );
}

export function MyPersonPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const person = useApiQuery<PersonDetails>(id ? `/api/people/${encodeURIComponent(id)}` : null);
  const back = <p className="back-link"><Link asChild><RouterLink to="/min-side">{t('ui.person.backToMyPage')}</RouterLink></Link></p>;
  if (!person.data) {
    return (
      <Page title={t('ui.myPage.title')}>
        {back}
        <QueryFallback query={person} />
      </Page>
    );
  }
  const p = person.data;
  return (
    <Page title={`${p.givenName} ${p.familyName}`}>
      <PageReaderProvider value={{ self: p.citizen?.reader === 'self', name: p.givenName }}>
        <SectionNavProvider>
          {back}
          <SectionNav label={t('ui.myPage.sectionNav')} />
          {PERSON_SECTIONS.map((Section, i) => <Section key={i} person={p} />)}
        </SectionNavProvider>
      </PageReaderProvider>
    </Page>
  );
}
