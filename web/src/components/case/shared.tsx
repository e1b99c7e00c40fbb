// Shapes of the case API and the small pieces the case components share: a submit hook that keeps
// the server's messages, and checkbox groups for categories.
import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { fieldErrors, fieldId } from '../FormErrors.tsx';

export const CATEGORIES = ['development', 'health', 'behaviour', 'social', 'family_situation', 'school_attendance', 'language', 'other'] as const;

export interface GuideStep {
  level: number;
  stepKey: string;
  title: string;
  body: string;
  links: { label: string; url: string }[];
  done: { at: string; by: string; note: string | null } | null;
}

export interface Transition {
  id: string;
  fromStage: string;
  toStage: string;
  toUnitId: string;
  toUnitName: string;
  dueOn: string;
  meetingAt: string | null;
  meetingPlace: string | null;
  status: string;
}

export interface CaseStatus {
  person: { id: string; givenName: string; familyName: string; birthDate: string; kind: string };
  stage: string;
  enrolments: { id: string; unitId: string; unitName: string; unitTypeCode: string; startsOn: string; endsOn: string | null }[];
  /** What the reader may do with the case, by the server's rules. */
  abilities: { readLog: boolean; changeStatus: boolean; refer: boolean; hold: boolean; answerHandover: boolean };
  case: null | {
    id: string;
    version: number;
    level: number;
    openedAt: string;
    closedAt: string | null;
    closeReason: string | null;
    closeNote: string | null;
    retainUntil: string | null;
    relayHolder: { id: string; name: string; title: string | null; unitName: string | null };
    levelHistory: { from: number | null; to: number; reason: string; at: string; by: string }[];
    guideVersion: number | null;
    steps: GuideStep[];
    pendingHandover: null | { id: string; to: { id: string; name: string; unitName: string | null }; requestedAt: string; message: string | null; forMe: boolean; transitionId: string | null };
    transitions: Transition[];
    plannedTransitionId: string | null;
    proposedTransition: null | { fromStage: string; toStage: string; dueOn: string; because: 'enrolment' | 'age'; enrolledUnitId: string | null; suggestedUnits: { id: string; name: string; area: string | null }[] };
  };
}

export interface Entry {
  entryKey: string;
  version: number;
  kind: string;
  category: string;
  title: string;
  body: string;
  responsible: { id: string; name: string; unitName: string | null } | null;
  startsOn: string | null;
  evaluateOn: string | null;
  measureKey: string | null;
  outcome: string | null;
  familyView: string | null;
  childView: string | null;
  author: { kind: 'staff' | 'family'; name: string; unitName: string | null };
  writtenAt: string;
  firstWrittenAt: string;
}

export interface CaseLog {
  /** What the reader may do with the log, by the server's rules. */
  abilities: { write: boolean };
  caseId: string | null;
  closed: boolean;
  purged: boolean;
  involved: { kind: string; staffId: string; name: string; title: string | null; unitName: string | null }[];
  visibleCategories: string[] | 'all';
  hiddenEntries: number;
  /** Newest first, one page; `olderCursor` fetches the next page while `hasMore`. */
  entries: Entry[];
  hasMore: boolean;
  olderCursor: string | null;
  worries: { id: string; categories: string[]; description: string; noticedOn: string; noticedBy: string }[];
}

export interface Colleague {
  id: string;
  name: string;
  title: string | null;
  unitId: string;
  unitName: string;
}

/** Sends a form (POST, or PUT for a replacement); keeps the server's field messages and a counter that refocuses the summary. */
export function useSubmit<T = unknown>(form: string) {
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const run = async (event: FormEvent | null, url: string, body: unknown, onDone: (result: T) => void, method: 'POST' | 'PUT' = 'POST') => {
    event?.preventDefault();
    setBusy(true);
    try {
      const result = method === 'PUT' ? await api.put<T>(url, body) : await api.post<T>(url, body);
      setError(null);
      onDone(result);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', ''));
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };
  return { error, attempt, busy, run, errors: fieldErrors(error), id: (field: string) => fieldId(form, field) };
}

export function CategoryChecks({ id, legend, values, onChange, error }: { id: string; legend: string; values: string[]; onChange: (values: string[]) => void; error?: string | undefined }) {
  const { tx } = useI18n();
  return (
    <Fieldset className="form-fieldset" id={id} tabIndex={-1}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <div className="check-columns">
        {CATEGORIES.map((c) => (
          <Checkbox
            key={c}
            id={`${id}-${c}`}
            label={tx(`domain.consentCategory.${c}`, c)}
            value={c}
            checked={values.includes(c)}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.checked ? [...values, c] : values.filter((v) => v !== c))}
          />
        ))}
      </div>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
