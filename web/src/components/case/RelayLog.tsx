// The relay log (stafettlogg): development areas, goals, measures with their evaluations,
// agreements and decisions, strengths (lysglimt) and the family's own notes. Every entry shows who
// wrote it and when; a correction is a new version and the history is one click away.
import { Button, Card, Field, Fieldset, Heading, Label, Link, Paragraph, Radio, Tag, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDate, formatDateTime } from '../../../../common/i18n/index.ts';
import { api, ApiError, query } from '../../api.ts';
import { toIsoDate } from '../../dates.ts';
import { useI18n } from '../../i18n.tsx';
import { DateField, SelectField, TextField } from '../Fields.tsx';
import { FormErrors } from '../FormErrors.tsx';
import { LoadError } from '../Status.tsx';
import { CONSENT_CATEGORIES } from '../../../../common/consent.ts';
import type { CaseLog, Colleague, Entry } from '../../../../common/contracts/cases.ts';
import { useSubmit } from '../../query.tsx';
import { Collapsible, PageSection } from '../PageSection.tsx';
import { GoalProgress } from '../GoalProgress.tsx';
import { childViewLabel, usePageReader } from '../citizen/reader.tsx';
import { ShowMore } from '../ShowMore.tsx';

type Change = (message: string) => void;

const SECTIONS: { kinds: string[]; heading: 'cases.ui.section.areas' | 'cases.ui.section.goals' | 'cases.ui.section.measures' | 'cases.ui.section.agreements' | 'cases.ui.section.strengths' | 'cases.ui.section.family' }[] = [
  { kinds: ['development_area'], heading: 'cases.ui.section.areas' },
  { kinds: ['goal'], heading: 'cases.ui.section.goals' },
  { kinds: ['measure'], heading: 'cases.ui.section.measures' },
  { kinds: ['agreement', 'decision'], heading: 'cases.ui.section.agreements' },
  { kinds: ['strength'], heading: 'cases.ui.section.strengths' },
  { kinds: ['family_note', 'holder_comment'], heading: 'cases.ui.section.family' },
];

function History({ caseId, entryKey }: { caseId: string; entryKey: string }) {
  const { t } = useI18n();
  const [versions, setVersions] = useState<{ version: number; title: string; body: string; writtenAt: string; author: string }[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = async () => {
    try {
      setVersions((await api.get<{ versions: NonNullable<typeof versions> }>(`/api/cases/${caseId}/entries/${entryKey}/history`)).versions);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', ''));
    }
  };
  return (
    <details className="entry-history" onToggle={(e) => { if ((e.target as HTMLDetailsElement).open && !versions) void load(); }}>
      <summary>{t('cases.ui.showHistory')}</summary>
      {error ? <LoadError error={error} /> : null}
      <ol className="plain-list">
        {(versions ?? []).map((v) => (
          <li key={v.version}>
            <strong>{t('cases.ui.versionN', { version: v.version })}</strong> {t('cases.ui.writtenBy', { name: v.author, date: formatDateTime(v.writtenAt) })}: {v.title}{v.body ? ` – ${v.body}` : ''}
          </li>
        ))}
      </ol>
    </details>
  );
}

function Correct({ caseId, entry, onChange }: { caseId: string; entry: Entry; onChange: Change }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(entry.title);
  const [body, setBody] = useState(entry.body);
  const form = useSubmit(`correct-${entry.entryKey}`);
  const payload = {
    kind: entry.kind, category: entry.category, title, body, basedOnVersion: entry.version,
    ...(entry.kind === 'measure' ? { responsibleStaffId: entry.responsible?.id, startsOn: entry.startsOn, evaluateOn: entry.evaluateOn } : {}),
    ...(entry.kind === 'evaluation' ? { measureKey: entry.measureKey, outcome: entry.outcome, familyView: entry.familyView ?? undefined, childView: entry.childView ?? undefined } : {}),
  };
  return (
    <details className="entry-correct">
      <summary>{t('cases.ui.correct')}</summary>
      <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/cases/${caseId}/entries/${entry.entryKey}`, payload, () => onChange(t('cases.ui.corrected')))}>
        <FormErrors error={form.error} form={`correct-${entry.entryKey}`} labelFor={(f) => (f === 'title' ? t('cases.ui.title') : f === 'body' ? t('cases.ui.body') : null)} attempt={form.attempt} />
        <TextField id={form.id('title')} label={t('cases.ui.title')} value={title} onChange={setTitle} error={form.errors.title} />
        <Field className="form-field form-field--full">
          <Label htmlFor={form.id('body')}>{t('cases.ui.body')}</Label>
          <Textarea id={form.id('body')} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        </Field>
        <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('cases.ui.saveCorrection')}</Button></div>
      </form>
    </details>
  );
}

function EntryCard({ caseId, personId, citizen, entry, evaluations, canCorrect, onChange }: { caseId: string; personId: string; citizen: boolean; entry: Entry; evaluations: Entry[]; canCorrect: boolean; onChange: Change }) {
  const { t, tx } = useI18n();
  const reader = usePageReader();
  const author = entry.author.kind === 'family' ? t('cases.ui.familyAuthor', { name: entry.author.name }) : `${entry.author.name}${entry.author.unitName ? `, ${entry.author.unitName}` : ''}`;
  return (
    <Card className="entry-card" data-testid="log-entry">
      <Heading level={4} data-size="2xs">{entry.title}</Heading>
      {entry.body ? <Paragraph>{entry.body}</Paragraph> : null}
      {entry.kind === 'measure' ? (
        <Paragraph data-size="sm">{t('cases.ui.measureLine', { name: entry.responsible?.name ?? '–', unit: entry.responsible?.unitName ?? '–', start: formatDate(entry.startsOn!), evaluate: formatDate(entry.evaluateOn!) })}</Paragraph>
      ) : null}
      {evaluations.map((ev) => (
        <div key={ev.entryKey} className="evaluation">
          <Paragraph data-size="sm"><Tag data-color={ev.outcome === 'achieved' ? 'success' : ev.outcome === 'partly' ? 'warning' : 'danger'}>{t(`cases.ui.outcome.${ev.outcome ?? 'partly'}` as 'cases.ui.outcome.partly')}</Tag> {ev.title} – {t('cases.ui.writtenBy', { name: ev.author.name ?? '–', date: formatDate(ev.writtenAt) })}</Paragraph>
          {ev.familyView ? <Paragraph data-size="sm">{t('cases.ui.familyView')}: {ev.familyView}</Paragraph> : null}
          {ev.childView ? <Paragraph data-size="sm">{childViewLabel(t, reader, t('cases.ui.childView'))}: {ev.childView}</Paragraph> : null}
        </div>
      ))}
      <Paragraph data-size="xs" className="entry-meta">
        {tx(`domain.consentCategory.${entry.category}`, entry.category)} · {tx(`cases.ui.kind.${entry.kind}`, entry.kind)} · {t('cases.ui.writtenBy', { name: author, date: formatDateTime(entry.firstWrittenAt ?? entry.writtenAt) })}
        {entry.version > 1 ? ` · ${t('cases.ui.correctedOn', { version: entry.version, date: formatDateTime(entry.writtenAt) })}` : ''}
      </Paragraph>
      {entry.kind === 'goal' ? <GoalProgress personId={personId} goalKey={entry.entryKey} citizen={citizen} /> : null}
      {entry.version > 1 ? <History caseId={caseId} entryKey={entry.entryKey} /> : null}
      {canCorrect ? <Correct caseId={caseId} entry={entry} onChange={onChange} /> : null}
    </Card>
  );
}

const STAFF_KINDS = ['development_area', 'goal', 'measure', 'evaluation', 'agreement', 'decision', 'strength'] as const;
const FAMILY_KINDS = ['strength', 'family_note', 'holder_comment'] as const;

function NewEntry({ caseId, citizen, colleagues, measures, categories, onChange }: { caseId: string; citizen: boolean; colleagues: Colleague[]; measures: Entry[]; categories: string[]; onChange: Change }) {
  const { t, tx } = useI18n();
  const kinds = citizen ? FAMILY_KINDS : STAFF_KINDS;
  const [kind, setKind] = useState<string>(kinds[0]);
  const [category, setCategory] = useState(categories[0] ?? 'other');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [responsible, setResponsible] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [evaluateOn, setEvaluateOn] = useState('');
  const [measureKey, setMeasureKey] = useState('');
  const [outcome, setOutcome] = useState('');
  const [familyView, setFamilyView] = useState('');
  const [childView, setChildView] = useState('');
  const form = useSubmit('entry');
  const labels: Record<string, string> = {
    kind: t('cases.ui.entryKind'), category: t('cases.ui.category'), title: t('cases.ui.title'), body: t('cases.ui.body'), responsibleStaffId: t('cases.ui.responsible'),
    startsOn: t('cases.ui.startsOn'), evaluateOn: t('cases.ui.evaluateOn'), measureKey: t('cases.ui.measure'), outcome: t('cases.ui.outcome'),
    familyView: t('cases.ui.familyView'), childView: t('cases.ui.childView'),
  };
  const payload = {
    kind, category, title, body,
    ...(kind === 'measure' ? { responsibleStaffId: responsible || undefined, startsOn: startsOn ? toIsoDate(startsOn) : undefined, evaluateOn: evaluateOn ? toIsoDate(evaluateOn) : undefined } : {}),
    ...(kind === 'evaluation' ? { measureKey: measureKey || undefined, outcome: outcome || undefined, familyView: familyView || undefined, childView: childView || undefined } : {}),
  };
  const reset = () => {
    setTitle(''); setBody(''); setResponsible(''); setStartsOn(''); setEvaluateOn(''); setMeasureKey(''); setOutcome(''); setFamilyView(''); setChildView('');
  };
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/cases/${caseId}/entries`, payload, () => { reset(); onChange(t('cases.ui.entryAdded')); })}>
      <Heading level={3} data-size="xs">{t(citizen ? 'cases.ui.citizenNewEntry' : 'cases.ui.newEntry')}</Heading>
      <FormErrors error={form.error} form="entry" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      <SelectField id={form.id('kind')} label={t('cases.ui.entryKind')} value={kind} onChange={setKind} options={kinds.map((k) => ({ value: k, label: tx(`cases.ui.kind.${k}`, k) }))} error={form.errors.kind} />
      <SelectField id={form.id('category')} label={t('cases.ui.category')} value={category} onChange={setCategory}
        options={CONSENT_CATEGORIES.filter((c) => categories.includes(c)).map((c) => ({ value: c, label: tx(`domain.consentCategory.${c}`, c) }))} error={form.errors.category} />
      <TextField id={form.id('title')} label={t('cases.ui.title')} value={title} onChange={setTitle} error={form.errors.title} />
      <Field className="form-field form-field--full">
        <Label htmlFor={form.id('body')}>{`${t('cases.ui.body')} ${t('ui.form.optional')}`}</Label>
        <Textarea id={form.id('body')} rows={3} value={body} aria-invalid={form.errors.body ? true : undefined} onChange={(e) => setBody(e.target.value)} />
        {form.errors.body ? <ValidationMessage>{form.errors.body}</ValidationMessage> : null}
      </Field>
      {kind === 'measure' ? (
        <>
          <SelectField id={form.id('responsibleStaffId')} label={t('cases.ui.responsible')} value={responsible} onChange={setResponsible} placeholder={t('cases.ui.chooseColleague')}
            options={colleagues.map((s) => ({ value: s.id, label: `${s.name}, ${s.unitName}` }))} error={form.errors.responsibleStaffId} />
          <DateField id={form.id('startsOn')} label={t('cases.ui.startsOn')} value={startsOn} onChange={setStartsOn} error={form.errors.startsOn} />
          <DateField id={form.id('evaluateOn')} label={t('cases.ui.evaluateOn')} value={evaluateOn} onChange={setEvaluateOn} error={form.errors.evaluateOn} />
        </>
      ) : null}
      {kind === 'evaluation' ? (
        <>
          <SelectField id={form.id('measureKey')} label={t('cases.ui.measure')} value={measureKey} onChange={setMeasureKey} placeholder={t('cases.ui.chooseMeasure')}
            options={measures.map((m) => ({ value: m.entryKey, label: m.title }))} error={form.errors.measureKey} />
          <Fieldset className="form-fieldset" id={form.id('outcome')} tabIndex={-1}>
            <Fieldset.Legend>{t('cases.ui.outcome')}</Fieldset.Legend>
            {(['achieved', 'partly', 'not_achieved'] as const).map((o) => (
              <Radio key={o} id={form.id(`outcome-${o}`)} name="entry-outcome" value={o} label={t(`cases.ui.outcome.${o}`)} checked={outcome === o} onChange={() => setOutcome(o)} />
            ))}
            {form.errors.outcome ? <ValidationMessage>{form.errors.outcome}</ValidationMessage> : null}
          </Fieldset>
          <TextField id={form.id('familyView')} label={t('cases.ui.familyView')} optional value={familyView} onChange={setFamilyView} error={form.errors.familyView} />
          <TextField id={form.id('childView')} label={t('cases.ui.childView')} optional value={childView} onChange={setChildView} error={form.errors.childView} />
        </>
      ) : null}
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('cases.ui.addEntry')}</Button></div>
    </form>
  );
}

function Involve({ caseId, colleagues, involvedIds, onChange }: { caseId: string; colleagues: Colleague[]; involvedIds: Set<string>; onChange: Change }) {
  const { t } = useI18n();
  const [staffUserId, setStaffUserId] = useState('');
  const form = useSubmit('involve');
  const options = colleagues.filter((c) => !involvedIds.has(c.id));
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/cases/${caseId}/involved`, { staffUserId: staffUserId || undefined }, () => { setStaffUserId(''); onChange(t('cases.ui.involvedAdded')); })}>
      <Heading level={3} data-size="xs">{t('cases.ui.involveHeading')}</Heading>
      <FormErrors error={form.error} form="involve" labelFor={() => t('cases.ui.colleague')} attempt={form.attempt} />
      <SelectField id={form.id('staffUserId')} label={t('cases.ui.colleague')} value={staffUserId} onChange={setStaffUserId} placeholder={t('cases.ui.chooseColleague')}
        options={options.map((s) => ({ value: s.id, label: `${s.name}, ${s.unitName}` }))} error={form.errors.staffUserId} />
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('cases.ui.involveSubmit')}</Button></div>
    </form>
  );
}

/** Older pages of the relay log, loaded on request; they belong to the first page they were loaded after. */
function useOlderEntries(personId: string, log: CaseLog) {
  const [older, setOlder] = useState<{ after: CaseLog; entries: Entry[]; cursor: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // A reloaded first page starts over.
  const current = older?.after === log ? older : null;
  const cursor = current ? current.cursor : log.olderCursor;
  const loadOlder = async () => {
    if (!cursor) return;
    setBusy(true);
    setError(null);
    try {
      const page = await api.get<CaseLog>(`/api/people/${encodeURIComponent(personId)}/case${query({ before: cursor })}`);
      setOlder({ after: log, entries: [...(current?.entries ?? []), ...page.entries], cursor: page.olderCursor });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', ''));
    } finally {
      setBusy(false);
    }
  };
  return { entries: [...log.entries, ...(current?.entries ?? [])], hasOlder: cursor !== null, busy, error, loadOlder };
}

/** Later pages of the case's worries (oldest first), loaded on request like the log's older pages. */
function useMoreWorries(personId: string, log: CaseLog) {
  const [later, setLater] = useState<{ after: CaseLog; worries: CaseLog['worries']; cursor: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const current = later?.after === log ? later : null;
  const cursor = current ? current.cursor : log.worriesCursor;
  const loadMore = async () => {
    if (!cursor) return;
    setBusy(true);
    setError(null);
    try {
      const page = await api.get<CaseLog>(`/api/people/${encodeURIComponent(personId)}/case${query({ worriesAfter: cursor })}`);
      setLater({ after: log, worries: [...(current?.worries ?? []), ...page.worries], cursor: page.worriesCursor });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', ''));
    } finally {
      setBusy(false);
    }
  };
  return { worries: [...log.worries, ...(current?.worries ?? [])], more: { hasMore: cursor !== null, busy, error, loadMore } };
}

export function RelayLogSection({ personId, log, citizen, colleagues, onChange }: { personId: string; log: CaseLog; citizen: boolean; colleagues: Colleague[]; onChange: Change }) {
  const { t, tx } = useI18n();
  const reader = usePageReader();
  const caseId = log.caseId;
  const writable = log.abilities.write && caseId !== null && !log.closed;
  const older = useOlderEntries(personId, log);
  const worries = useMoreWorries(personId, log);
  const evaluationsOf = (key: string) => older.entries.filter((e) => e.kind === 'evaluation' && e.measureKey === key);
  const measures = older.entries.filter((e) => e.kind === 'measure');
  const categories = log.visibleCategories === 'all' ? [...CONSENT_CATEGORIES] : log.visibleCategories;
  const mine = (e: Entry) => (citizen ? e.author.kind === 'family' : e.author.kind === 'staff');
  return (
    <PageSection id="relay-log" title={t('cases.ui.logHeading')}>
      <Paragraph>{t(citizen ? 'cases.ui.citizenLogIntro' : 'cases.ui.logIntro')}</Paragraph>
      {log.purged ? <Paragraph>{t('cases.ui.purged')}</Paragraph> : null}
      {caseId && !log.purged ? <Paragraph data-size="sm" className="no-print"><Link href={`/api/people/${personId}/relay-log.pdf`} download>{t('cases.ui.downloadLog')}</Link></Paragraph> : null}
      {log.visibleCategories !== 'all' ? (
        <Paragraph data-size="sm" data-testid="visible-categories">
          {t('cases.ui.visibleCategories', { categories: log.visibleCategories.map((c) => tx(`domain.consentCategory.${c}`, c)).join(', ') })}
          {log.hiddenEntries > 0 ? ` ${t('cases.ui.hiddenEntries', { count: log.hiddenEntries })}` : ''}
        </Paragraph>
      ) : null}
      {worries.worries.length ? (
        <section aria-labelledby="log-worries">
          <Heading level={3} data-size="xs" id="log-worries">{t('cases.ui.worries')}</Heading>
          <ul className="plain-list">
            {worries.worries.map((w) => (
              <li key={w.id}>{formatDate(w.noticedOn)} – {w.noticedBy}: {w.description} ({w.categories.map((c) => tx(`domain.consentCategory.${c}`, c)).join(', ')})</li>
            ))}
          </ul>
          <ShowMore more={worries.more} />
        </section>
      ) : null}
      {SECTIONS.map((section) => {
        const entries = older.entries.filter((e) => section.kinds.includes(e.kind));
        // The family sees the parts that have something in them; staff see every heading to write under.
        if (citizen && entries.length === 0) return null;
        return (
          <section key={section.heading} aria-labelledby={section.heading} className="log-section">
            <Heading level={3} data-size="xs" id={section.heading}>{t(section.heading)}</Heading>
            {entries.length === 0 ? <Paragraph data-size="sm">{t('cases.ui.nothingYet')}</Paragraph> : null}
            {entries.map((e) => (
              <EntryCard key={e.entryKey} caseId={caseId!} personId={personId} citizen={citizen} entry={e} evaluations={e.kind === 'measure' ? evaluationsOf(e.entryKey) : []} canCorrect={writable && mine(e)} onChange={onChange} />
            ))}
          </section>
        );
      })}
      {older.error ? <LoadError error={older.error} /> : null}
      {older.hasOlder ? (
        <div className="button-row">
          <Button type="button" variant="secondary" onClick={() => void older.loadOlder()} disabled={older.busy} aria-busy={older.busy}>
            {older.busy ? t('cases.ui.loadingOlder') : t('cases.ui.showOlder')}
          </Button>
        </div>
      ) : null}
      <section aria-labelledby="log-involved" className="log-section">
        <Heading level={3} data-size="xs" id="log-involved">{t('cases.ui.involved')}</Heading>
        <ul className="plain-list">
          {[...new Set(log.involved.map((i) => i.staffId))].map((staffId) => {
            const kinds = log.involved.filter((i) => i.staffId === staffId);
            const first = kinds[0]!;
            // "registrerte barnet" is the staff's word; the family reads "deg" or the child's name.
            const kind = (k: string) => (reader && k === 'registrant' ? (reader.self ? t('cases.ui.involvement.registrantSelf') : t('cases.ui.involvement.registrantNamed', { name: reader.name })) : tx(`cases.ui.involvement.${k}`, k));
            return (
              <li key={staffId}>{`${first.name}${first.unitName ? `, ${first.unitName}` : ''}`} ({kinds.map((i) => kind(i.kind)).join(', ')})</li>
            );
          })}
        </ul>
      </section>
      {writable && citizen ? (
        <Collapsible summary={t('cases.ui.citizenNewEntry')}>
          <NewEntry caseId={caseId} citizen={citizen} colleagues={colleagues} measures={measures} categories={categories} onChange={onChange} />
        </Collapsible>
      ) : null}
      {writable && !citizen ? <NewEntry caseId={caseId} citizen={citizen} colleagues={colleagues} measures={measures} categories={categories} onChange={onChange} /> : null}
      {writable && !citizen ? <Involve caseId={caseId} colleagues={colleagues} involvedIds={new Set(log.involved.map((i) => i.staffId))} onChange={onChange} /> : null}
    </PageSection>
  );
}
