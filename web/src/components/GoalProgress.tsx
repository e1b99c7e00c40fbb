// Goal progress (måloppnåelse): one goal's ratings 0–10 over time, beside the goal in the relay log
// (and in a plan, by its source and key). The curve is drawn small; the table under it says the same
// in words, so a screen reader gets every point. The family rates on Min side; a professional writes
// down the rating the family or the child gave in a meeting. Whether the form shows is the API's
// `abilities.rate`; the occasion (start, then evaluation) is the API's `nextOccasion`.
import { Button, Fieldset, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDate } from '../../../common/i18n/index.ts';
import type { GoalRatingsResponse } from '../../../common/contracts/questionnaires.ts';
import { useApiQuery, useSubmit } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import { SelectField } from './Fields.tsx';
import { FormErrors } from './FormErrors.tsx';
import { Collapsible } from './PageSection.tsx';
import { TableScroll } from './TableScroll.tsx';
import { usePageReader } from './citizen/reader.tsx';

type Goal = GoalRatingsResponse['goals'][number];
const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
const W = 300;
const H = 120;
const PAD = 16;

/** The curve: one point per rating in the order given, 0 at the bottom and 10 at the top. */
function Curve({ goal, labelId }: { goal: Goal; labelId: string }) {
  const n = goal.ratings.length;
  const x = (i: number) => (n === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (n - 1));
  const y = (score: number) => H - PAD - (score * (H - 2 * PAD)) / 10;
  const points = goal.ratings.map((r, i) => `${x(i)},${y(r.score)}`).join(' ');
  return (
    <svg className="goal-curve" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={labelId} data-testid="goal-curve">
      <line className="goal-curve__axis" x1={PAD} y1={y(0)} x2={W - PAD} y2={y(0)} />
      <line className="goal-curve__grid" x1={PAD} y1={y(10)} x2={W - PAD} y2={y(10)} />
      <text className="goal-curve__label" x={2} y={y(0) + 4}>0</text>
      <text className="goal-curve__label" x={2} y={y(10) + 4}>10</text>
      {n > 1 ? <polyline className="goal-curve__line" points={points} /> : null}
      {goal.ratings.map((r, i) => <circle key={i} className="goal-curve__point" cx={x(i)} cy={y(r.score)} r={5} data-testid="goal-point" />)}
    </svg>
  );
}

function RateForm({ personId, goal, citizen }: { personId: string; goal: Goal; citizen: boolean }) {
  const { t } = useI18n();
  const reader = usePageReader();
  const formName = `rate-${goal.goalKey}`;
  const [score, setScore] = useState<number | undefined>();
  const [rater, setRater] = useState('family');
  const form = useSubmit(formName);
  const labels: Record<string, string> = { score: t('questionnaires.goal.scoreLegend'), rater: t('questionnaires.goal.rater') };
  const body = { source: goal.source, goalKey: goal.goalKey, score, occasion: goal.nextOccasion, ...(citizen ? {} : { rater }) };
  return (
    <form className="form form--compact" noValidate data-testid="rate-goal"
      onSubmit={(e) => void form.run(e, `/api/people/${personId}/goal-ratings`, body, () => setScore(undefined))}>
      <FormErrors error={form.error} form={formName} labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      {citizen ? null : (
        <SelectField id={form.id('rater')} label={labels.rater!} value={rater} onChange={setRater} error={form.errors.rater}
          options={[{ value: 'family', label: t('questionnaires.goal.raterFamily') }, { value: 'child', label: t('questionnaires.goal.raterChild') }]} />
      )}
      <Fieldset className="form-fieldset" id={form.id('score')} tabIndex={-1}>
        <Fieldset.Legend>{reader && !reader.self ? t('questionnaires.goal.scoreLegendNamed', { goal: goal.title, name: reader.name }) : t(citizen ? 'questionnaires.goal.scoreLegendCitizen' : 'questionnaires.goal.scoreLegend', { goal: goal.title })}</Fieldset.Legend>
        <Fieldset.Description>{t('questionnaires.goal.scoreHint')}</Fieldset.Description>
        <div className="rating-scale rating-scale--eleven">
          {SCORES.map((n) => (
            <Radio key={n} id={`${form.id('score')}-${n}`} name={`${formName}-score`} value={String(n)} label={String(n)}
              checked={score === n} aria-invalid={form.errors.score ? true : undefined} onChange={() => setScore(n)} />
          ))}
        </div>
        {form.errors.score ? <ValidationMessage>{form.errors.score}</ValidationMessage> : null}
      </Fieldset>
      <div className="button-row"><Button type="submit" variant="secondary" data-size="sm" disabled={form.busy}>{t('questionnaires.goal.send')}</Button></div>
    </form>
  );
}

/** The progress of one goal; nothing when the reader may not see the ratings. */
export function GoalProgress({ personId, goalKey, citizen }: { personId: string; goalKey: string; citizen: boolean }) {
  const { t } = useI18n();
  const ratings = useApiQuery<GoalRatingsResponse>(`/api/people/${encodeURIComponent(personId)}/goal-ratings`);
  const goal = ratings.data?.goals.find((g) => g.goalKey === goalKey);
  if (!goal) return null;
  const labelId = `goal-progress-${goalKey}`;
  const occasion = (o: string) => t(o === 'start' ? 'questionnaires.goal.start' : o === 'end' ? 'questionnaires.goal.end' : 'questionnaires.goal.evaluation');
  return (
    <div className="goal-progress" data-testid="goal-progress">
      <p className="goal-progress__title" id={labelId}>{t('questionnaires.goal.heading')}</p>
      {goal.ratings.length === 0 ? <p className="goal-progress__empty">{t('questionnaires.goal.none')}</p> : (
        <>
          <Curve goal={goal} labelId={labelId} />
          <TableScroll label={t('questionnaires.goal.tableCaption', { goal: goal.title })}>
            <table className="data-table goal-progress__table">
              <caption className="sr-only">{t('questionnaires.goal.tableCaption', { goal: goal.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('questionnaires.goal.date')}</th><th scope="col">{t('questionnaires.goal.occasion')}</th>
                  {citizen ? null : <th scope="col">{t('questionnaires.goal.rater')}</th>}
                  <th scope="col">{t('questionnaires.goal.score')}</th>
                </tr>
              </thead>
              <tbody>
                {goal.ratings.map((r, i) => (
                  <tr key={i}>
                    <td>{formatDate(r.ratedOn)}</td><td>{occasion(r.occasion)}</td>
                    {citizen ? null : <td>{t(r.rater === 'child' ? 'questionnaires.goal.raterChild' : 'questionnaires.goal.raterFamily')}</td>}
                    <td>{r.score}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      {ratings.data!.abilities.rate ? (
        <Collapsible summary={t(citizen ? 'questionnaires.goal.rateCitizen' : 'questionnaires.goal.rateStaff')} testId="rate-goal-open">
          <RateForm personId={personId} goal={goal} citizen={citizen} />
        </Collapsible>
      ) : null}
    </div>
  );
}
