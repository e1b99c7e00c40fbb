// The professional's tasks: batons offered to them, measures they must evaluate (overdue first
// flagged), action items and the collaboration survey's open rounds, each linking to where it is
// done. The first three come a page at a time; one "Vis flere" loads the next page of each that has more.
import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { formatDate } from '../../../../common/i18n/index.ts';
import { useApiPages, useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { ShowMore } from '../ShowMore.tsx';
import { LoadError } from '../Status.tsx';
import type { MyActionItemsResponse, MyHandoversResponse, MyMeasuresResponse, MyTasksResponse } from '../../../../common/contracts/cases.ts';

export function TaskList() {
  const { t } = useI18n();
  const tasks = useApiQuery<MyTasksResponse>('/api/tasks');
  const handoverPages = useApiPages('/api/tasks/handovers', (page: MyHandoversResponse) => page.handovers);
  const measurePages = useApiPages('/api/tasks/measures', (page: MyMeasuresResponse) => page.measures);
  const itemPages = useApiPages('/api/tasks/action-items', (page: MyActionItemsResponse) => page.actionItems);
  const sections = [handoverPages, measurePages, itemPages];
  const error = tasks.error ?? sections.find((s) => s.error)?.error;
  if (!tasks.data || sections.some((s) => !s.first)) return error ? <LoadError error={error} /> : null;
  const surveys = tasks.data.surveys;
  const [handovers, measures, actionItems] = [handoverPages.items, measurePages.items, itemPages.items];
  const withMore = sections.filter((s) => s.more.hasMore);
  const more = {
    hasMore: withMore.length > 0,
    busy: sections.some((s) => s.more.busy),
    error: sections.find((s) => s.more.error)?.more.error ?? null,
    loadMore: async () => {
      await Promise.all(withMore.map((s) => s.more.loadMore()));
    },
  };
  return (
    <section aria-labelledby="my-tasks" className="page-section">
      <Heading level={2} data-size="sm" id="my-tasks">{t('cases.ui.tasks.heading')}</Heading>
      {handovers.length + measures.length + actionItems.length + surveys.length === 0 ? <Paragraph>{t('cases.ui.tasks.none')}</Paragraph> : null}
      <ul className="plain-list task-list">
        {handovers.map((h) => (
          <li key={h.id}>
            <Link asChild><RouterLink to={`/barn/${h.person.id}`}>{t('cases.ui.tasks.handover', { from: h.fromName, child: h.person.name })}</RouterLink></Link>
          </li>
        ))}
        {measures.map((m) => (
          <li key={m.entryKey}>
            {m.overdue ? <><Tag data-color="danger">{t('cases.ui.tasks.overdue')}</Tag>{' '}</> : null}
            <Link asChild><RouterLink to={`/barn/${m.person.id}`}>{t('cases.ui.tasks.measure', { title: m.title, child: m.person.name, date: m.evaluateOn ? formatDate(m.evaluateOn) : '–' })}</RouterLink></Link>
          </li>
        ))}
        {actionItems.map((a) => (
          <li key={a.id} data-testid="task-action-item">
            {a.overdue ? <><Tag data-color="danger">{t('cases.ui.tasks.overdue')}</Tag>{' '}</> : null}
            <Link asChild><RouterLink to={`/moter/${a.meetingId}`}>{t('meetings.ui.taskItem', { what: a.what, child: a.person?.name ?? a.teamName, date: formatDate(a.dueOn) })}</RouterLink></Link>
          </li>
        ))}
        {surveys.map((s) => (
          <li key={s.id} data-testid="task-survey">
            <Link asChild><RouterLink to={`/samhandling/${s.id}`}>{t('questionnaires.survey.task', { title: s.title, date: formatDate(s.closesOn) })}</RouterLink></Link>
          </li>
        ))}
      </ul>
      <ShowMore more={more} />
    </section>
  );
}
