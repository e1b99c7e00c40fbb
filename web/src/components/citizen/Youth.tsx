// Min side for a youth: whether guardians see the case (asked and explained before it changes), why
// a section is not shown (below the age from which one decides alone, or a youth who keeps the case
// to themself), and where a young person finds help without a referral.
import { Alert, Button, Heading, Link, Paragraph, Switch } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { Link as RouterLink } from 'react-router';
import type { PersonDetails } from '../../../../common/contracts/people.ts';
import { useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { LiveMessage, LoadError } from '../Status.tsx';
import { PageSection } from '../PageSection.tsx';

/** The switch asks first and says what follows; only a confirmed choice is sent. */
export function GuardianVisibility({ person }: { person: PersonDetails }) {
  if (!person.citizen?.setsGuardianVisibility) return null;
  return <VisibilitySwitch person={person} />;
}

function VisibilitySwitch({ person }: { person: PersonDetails }) {
  const { t } = useI18n();
  const form = useSubmit('visibility');
  const on = person.citizen?.guardiansSeeCase ?? false;
  const [asking, setAsking] = useState<boolean | null>(null);
  const [message, setMessage] = useState('');
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking !== null) panel.current?.focus();
  }, [asking]);
  const guardians = person.guardians.filter((g) => g.parentalResponsibility).map((g) => `${g.givenName} ${g.familyName}`).join(', ');
  const confirm = (value: boolean) =>
    void form.run(null, `/api/people/${person.id}/guardian-visibility`, { guardiansSeeCase: value, version: person.citizen?.version }, () => {
      setAsking(null);
      setMessage(t(value ? 'youth.visibility.doneOn' : 'youth.visibility.doneOff'));
    });
  return (
    <PageSection id="guardian-visibility" title={t('cases.ui.citizen.visibilityHeading')}>
      <Paragraph>{t('cases.ui.citizen.visibilityHelp')}</Paragraph>
      {form.error ? <LoadError error={form.error} /> : null}
      <Switch label={t('cases.ui.citizen.visibilityLabel')} checked={asking ?? on} disabled={form.busy || asking !== null}
        onChange={(e) => { setMessage(''); setAsking(e.target.checked); }} />
      {asking !== null ? (
        <Alert data-color="warning" ref={panel} tabIndex={-1} className="form-section" aria-labelledby="visibility-confirm">
          <Heading level={3} data-size="xs" id="visibility-confirm">{t(asking ? 'youth.visibility.onHeading' : 'youth.visibility.offHeading')}</Heading>
          <Paragraph>{asking ? t('youth.visibility.on', { guardians: guardians || t('youth.visibility.yourGuardians') }) : t('youth.visibility.off')}</Paragraph>
          <div className="button-row">
            <Button onClick={() => confirm(asking)} disabled={form.busy}>{t(asking ? 'youth.visibility.confirmOn' : 'youth.visibility.confirmOff')}</Button>
            <Button variant="tertiary" onClick={() => setAsking(null)} disabled={form.busy}>{t('youth.visibility.cancel')}</Button>
          </div>
        </Alert>
      ) : null}
      <LiveMessage>{message || null}</LiveMessage>
    </PageSection>
  );
}

/**
 * Said instead of the case sections a citizen may not open: to a youth under the age from which they
 * decide (who decides until then, and that child-welfare matters are theirs earlier), or to a
 * guardian of a youth who keeps the case to themself.
 */
export function CaseNotShown({ person }: { person: PersonDetails }) {
  const { t } = useI18n();
  const ages = person.citizen?.decisionAges;
  if (!ages || person.citizen?.abilities.readCase) return null;
  const self = person.citizen?.reader === 'self';
  return (
    <Alert data-color="info" className="page-section" data-testid="case-not-shown">
      {self ? (
        <>
          <Heading level={2} data-size="xs">{t('youth.below.heading', { age: ages.general })}</Heading>
          <Paragraph>{t('youth.below.text', { age: ages.general })}</Paragraph>
          <Paragraph>{t('youth.below.childWelfare', { age: ages.childWelfare })}</Paragraph>
        </>
      ) : (
        <Paragraph>{t('youth.guardian.notShared', { name: person.givenName, age: ages.general })}</Paragraph>
      )}
    </Alert>
  );
}

/** For a young person themself: the low-threshold youth page and the situation guide. */
export function HelpForYou({ person }: { person: PersonDetails }) {
  const { t } = useI18n();
  if (person.kind !== 'child' || person.citizen?.reader !== 'self') return null;
  return (
    <PageSection id="help-for-you" title={t('youth.help.heading')}>
      <Paragraph>{t('youth.help.text')}</Paragraph>
      <ul className="plain-list">
        <li><Link asChild><RouterLink to="/ung">{t('youth.help.youthPage')}</RouterLink></Link></li>
        <li><Link asChild><RouterLink to="/tjenester/veileder">{t('youth.help.guide')}</RouterLink></Link></li>
      </ul>
    </PageSection>
  );
}

type Ability = keyof NonNullable<PersonDetails['citizen']>['abilities'];

/** A section of Min side shown only when the API says the citizen may open what it loads. */
export function opens(ability: Ability, Section: ComponentType<{ person: PersonDetails }>): ComponentType<{ person: PersonDetails }> {
  return function AllowedSection({ person }) {
    return person.citizen?.abilities[ability] ? <Section person={person} /> : null;
  };
}
