// Min side: the reports to child welfare the family may see — by which service and when, never
// their content. A report kept from the family for the child's sake is not shown at all.
import { Paragraph } from '@digdir/designsystemet-react';
import { formatDate } from '../../../../common/i18n/index.ts';
import type { FamilyReportsResponse } from '../../../../common/contracts/child-welfare.ts';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { PageSection } from '../PageSection.tsx';

export function FamilyReports({ personId }: { personId: string }) {
  const { t } = useI18n();
  const reports = useApiQuery<FamilyReportsResponse>(`/api/people/${encodeURIComponent(personId)}/child-welfare-reports`);
  const list = reports.data?.reports ?? [];
  if (list.length === 0) return null;
  return (
    <PageSection id="family-reports" title={t('reports.family.title')}>
      {list.map((r) => (
        <Paragraph key={r.id}>{t('reports.family.line', { unitName: r.unitName ?? t('reports.family.unknownUnit'), date: formatDate(r.sentAt) })}</Paragraph>
      ))}
    </PageSection>
  );
}
