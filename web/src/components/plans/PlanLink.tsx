// On a person's page: where the individual plan stands, and the way to it — shown when a plan, a
// request or a coordinator exists, or when the reader may ask for one. A reader the plan's rules
// keep out sees nothing here.
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import type { PersonPlanResponse } from '../../../../common/contracts/plans.ts';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';

export function PlanLink({ personId }: { personId: string }) {
  const { t } = useI18n();
  const query = useApiQuery<PersonPlanResponse>(`/api/people/${personId}/individual-plan`);
  const data = query.data;
  if (!data) return null;
  const waiting = data.requests.some((r) => r.decision === null);
  const shown = data.plan || data.planHidden || data.coordinator || data.pendingAppointment || data.requests.length > 0 || data.abilities.request || data.abilities.createPlan;
  if (!shown) return null;
  const status = data.plan || data.planHidden
    ? t('plans.ui.statusPlan')
    : data.pendingAppointment?.mine ? t('plans.ui.statusAppointedYou')
      : data.coordinator ? t('plans.ui.statusCoordinator', { name: data.coordinator.name })
        : waiting ? t('plans.ui.statusWaiting') : t('plans.ui.statusNone');
  return (
    <section aria-labelledby="person-plan-link" className="page-section no-print" data-testid="plan-link">
      <Heading level={2} data-size="sm" id="person-plan-link">{t('plans.pdf.title')}</Heading>
      <Paragraph>{status}</Paragraph>
      <Paragraph><Link asChild><RouterLink to={`/barn/${personId}/plan`}>{t('plans.ui.openPlanPage')}</RouterLink></Link></Paragraph>
    </section>
  );
}
