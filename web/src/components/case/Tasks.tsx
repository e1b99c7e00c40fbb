// The professional's tasks: batons offered to them, measures they must evaluate (overdue first
// flagged) and the collaboration survey's open rounds, each linking to where it is done.
import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { formatDate } from '../../../../common/i18n/index.ts';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { LoadError } from '../Status.tsx';
import type { MyTasksResponse } from '../../../../common/contracts/cases.ts';

type Tasks = MyTasksResponse;

export function TaskList() {
  const { t } = useI18n();
  const tasks = useApiQuery<Tasks>('/api/tasks');
  if (!tasks.data) return tasks.error ? <LoadError error={tasks.error} /> : null;
  const { handovers, measures, actionItems, surveys } = tasks.data;
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
    </section>
  );
}
