// Facts about a person as a definition list, and a guardian's card: shared by the staff's person
// page and the family's Min side (which names parental responsibility in plainer words).
import { Card, Heading } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import { NationalId } from './NationalId.tsx';
import { usePageReader } from './citizen/reader.tsx';
import type { Guardian } from '../../../common/contracts/people.ts';

export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([term, value]) => (
        <div key={term} className="facts__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function GuardianCard({ guardian, citizen }: { guardian: Guardian; citizen: boolean }) {
  const { t, tx } = useI18n();
  const reader = usePageReader();
  const name = `${guardian.givenName} ${guardian.familyName}`;
  const livesWith = reader ? (reader.self ? t('ui.person.livesWithYou') : t('ui.person.livesWithNamed', { name: reader.name })) : t('ui.person.livesWithChild');
  const yesNo = (value: boolean) => t(value ? 'ui.common.yes' : 'ui.common.no');
  const items: [string, ReactNode][] = [
    [t('ui.person.relation'), tx(`domain.relation.${guardian.relation}`, guardian.relation)],
    [t(citizen ? 'ui.person.citizenParentalResponsibility' : 'ui.person.parentalResponsibility'), yesNo(guardian.parentalResponsibility)],
    [livesWith, yesNo(guardian.livesWithChild)],
    [t('ui.person.nationalId'), <NationalId value={guardian.nationalId} personName={name} />],
  ];
  if (guardian.phone) items.push([t('ui.person.phone'), guardian.phone]);
  if (guardian.email) items.push([t('ui.person.email'), guardian.email]);
  return (
    <Card className="guardian-card">
      <Heading level={3} data-size="xs" className="card-title">{name}</Heading>
      <Facts items={items} />
    </Card>
  );
}
