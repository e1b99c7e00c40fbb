// The one way a page imports a CSV file from an administrative system (absence, enrolments): the
// all-or-nothing rule said up front, the file's columns with an example, a file field, and the
// server's refusal listed by line number with the focus on it. Each import keeps its texts under its
// own prefix with the same keys, so a page names the prefix and the columns, not the words.
import { Alert, Button, Details, Field, Heading, Label, List, Paragraph, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSubmit } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import { LiveMessage, errorText } from './Status.tsx';
import { TableScroll } from './TableScroll.tsx';

/** The namespaces that hold an import's texts (rule, formatHeading, file, submit, errorsHeading, col.<column> …). */
export type CsvTextPrefix = 'notifications.absence.import' | 'enrolments.import';

interface Props<R> {
  /** Names the form (error summary, field ids): `<name>-import`, `<name>-file`. */
  name: string;
  texts: CsvTextPrefix;
  url: string;
  columns: readonly string[];
  /** An example file, header first, as the system would export it. */
  example: string;
  /** What to announce when the file is stored. */
  done: (result: R) => string;
}

function FileFormat({ texts, columns, example }: Pick<Props<unknown>, 'texts' | 'columns' | 'example'>) {
  const { t, tx } = useI18n();
  return (
    <Details>
      <Details.Summary>{t(`${texts}.formatHeading`)}</Details.Summary>
      <Details.Content>
        <Paragraph>{t(`${texts}.formatIntro`)}</Paragraph>
        <TableScroll label={t(`${texts}.formatHeading`)}>
          <Table className="data-table" data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t(`${texts}.column`)}</Table.HeaderCell>
                <Table.HeaderCell>{t(`${texts}.meaning`)}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {columns.map((c) => (
                <Table.Row key={c}>
                  <Table.Cell><code>{c}</code></Table.Cell>
                  <Table.Cell>{tx(`${texts}.col.${c}`, c)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
        <Paragraph>{t(`${texts}.lineNumbers`)}</Paragraph>
        <Heading level={3} data-size="2xs">{t(`${texts}.example`)}</Heading>
        <pre className="csv-example" lang="nb">{example}</pre>
      </Details.Content>
    </Details>
  );
}

export function CsvImportForm<R>({ name, texts, url, columns, example, done: doneText }: Props<R>) {
  const { t } = useI18n();
  const fileId = `${name}-file`;
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [missingFile, setMissingFile] = useState(false);
  const { busy, error, attempt, send } = useSubmit(`${name}-import`);
  const [done, setDone] = useState('');
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error, attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    if (!file) {
      setMissingFile(true);
      document.getElementById(fileId)?.focus();
      return;
    }
    setMissingFile(false);
    await send<R>({
      url,
      body: { fileName: file.name, csv: await file.text() },
      onDone: (result) => {
        setDone(doneText(result));
        setFile(null);
        // A new input element: a file input cannot be emptied from script.
        setFileKey((k) => k + 1);
      },
    });
  };

  return (
    <>
      <Alert data-color="warning"><Paragraph>{t(`${texts}.rule`)}</Paragraph></Alert>
      <FileFormat texts={texts} columns={columns} example={example} />
      <form onSubmit={(e) => void submit(e)} noValidate className="absence-import">
        <Field>
          <Label htmlFor={fileId}>{t(`${texts}.file`)}</Label>
          <input key={fileKey} id={fileId} type="file" accept=".csv,text/csv,text/plain"
            aria-invalid={missingFile ? true : undefined} aria-describedby={missingFile ? `${fileId}-error` : undefined}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setMissingFile(false); }} />
          {missingFile ? <ValidationMessage id={`${fileId}-error`}>{t(`${texts}.fileRequired`)}</ValidationMessage> : null}
        </Field>
        <div className="button-row">
          <Button type="submit" disabled={busy} aria-busy={busy || undefined}>{t(`${texts}.submit`)}</Button>
        </div>
        {error ? (
          <Alert data-color="danger" key={attempt} ref={errorRef} tabIndex={-1} className="import-errors">
            <Heading level={3} data-size="xs">{errorText(error, t)}</Heading>
            {error.fields.length > 0 ? (
              <>
                <Paragraph>{t(`${texts}.errorsHeading`)}:</Paragraph>
                <List.Unordered>{error.fields.map((f, i) => <List.Item key={`${f.field}-${i}`}>{f.message}</List.Item>)}</List.Unordered>
              </>
            ) : null}
          </Alert>
        ) : null}
        <LiveMessage>{done}</LiveMessage>
      </form>
    </>
  );
}
