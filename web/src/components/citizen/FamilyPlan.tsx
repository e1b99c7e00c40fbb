// Min side: the individual plan (individuell plan) for one person. The family — guardians who decide
// for the child, and the youth from the consent age — asks for a plan or a coordinator, reads what
// was decided (a refusal with how to complain), sees the coordinator and how to reach them, reads
// the plan, writes own goals and comments in their own words, and confirms the version they read.
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { PersonDetails } from '../../../../common/contracts/people.ts';
import type { PersonPlanResponse, PlanView } from '../../../../common/contracts/plans.ts';
import { useApiQuery, useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { FormErrors } from '../FormErrors.tsx';
import { Collapsible, PageSection } from '../PageSection.tsx';
import { CommentForm, CoordinatorCard, GoalForm, PlanContent, RequestForm, RequestList } from '../plans/Plan.tsx';
import { LiveMessage } from '../Status.tsx';

function Confirm({ plan, onDone }: { plan: PlanView; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const form = useSubmit('confirmPlan');
  return (
    <Alert data-color="info" data-testid="plan-confirm">
      <Paragraph>{t('plans.ui.confirmHelp', { version: plan.version })}</Paragraph>
      <FormErrors error={form.error} form="confirmPlan" labelFor={() => null} attempt={form.attempt} />
      <Button type="button" disabled={form.busy} onClick={() => void form.run(null, `/api/individual-plans/${plan.id}/confirm`, { version: plan.version }, () => onDone(t('plans.ui.confirmed')))}>
        {t('plans.ui.confirmSubmit')}
      </Button>
    </Alert>
  );
}

export function FamilyPlan({ person }: { person: PersonDetails }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const query = useApiQuery<PersonPlanResponse>(`/api/people/${person.id}/individual-plan`);
  const data = query.data;
  if (!data) return null;
  const { plan, coordinator, abilities } = data;
  // Nothing asked, nothing to ask: the section stays away.
  if (!plan && !coordinator && data.requests.length === 0 && !abilities.request) return null;
  const summary = coordinator
    ? t('plans.ui.familySummaryCoordinator', { name: coordinator.name })
    : data.requests.some((r) => r.decision === null) ? t('plans.ui.familySummaryWaiting') : t('plans.ui.familySummary');
  return (
    <PageSection id="person-plan" title={t('plans.ui.familyHeading')} summary={<Paragraph data-size="sm">{summary}</Paragraph>} testId="family-plan">
      <LiveMessage>{message || null}</LiveMessage>
      {coordinator ? <CoordinatorCard coordinator={coordinator} family /> : null}
      <RequestList requests={data.requests} />
      {abilities.request && !plan ? (
        <Collapsible summary={t('plans.ui.familyRequestHeading')}>
          <RequestForm personId={person.id} family onSent={setMessage} />
        </Collapsible>
      ) : null}
      {plan ? (
        <>
          {abilities.familyWrite && !plan.confirmedCurrent ? <Confirm plan={plan} onDone={setMessage} /> : null}
          <PlanContent
            plan={plan}
            personId={person.id}
            family
            goalForm={abilities.familyWrite ? <GoalForm plan={plan} family onSaved={setMessage} /> : null}
            commentForm={abilities.familyWrite ? <CommentForm plan={plan} onSaved={setMessage} /> : null}
          />
        </>
      ) : null}
    </PageSection>
  );
}
