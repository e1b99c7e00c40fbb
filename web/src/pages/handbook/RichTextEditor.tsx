// The handbook's rich-text editor: TipTap (ProseMirror) with headings, lists, links and images —
// only what the server's sanitiser keeps, so what the author sees is what is published. Images are
// uploaded to the handbook's image store first and inserted by their address there. Loaded only
// with the editor page's chunk.
import { Button, Paragraph } from '@digdir/designsystemet-react';
import Image from '@tiptap/extension-image';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useState } from 'react';
import { IMAGE_TYPES } from '../../../../common/handbook.ts';
import type { ImageUploaded } from '../../../../common/contracts/handbook.ts';
import { ApiError, api } from '../../api.ts';
import { TextField } from '../../components/Fields.tsx';
import { errorText, LiveMessage } from '../../components/Status.tsx';
import { useI18n } from '../../i18n.tsx';

interface Props {
  id: string;
  labelId: string;
  value: string;
  onChange: (html: string) => void;
  invalid?: boolean;
}

function base64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('read'));
    reader.readAsDataURL(file);
  });
}

export function RichTextEditor({ id, labelId, value, onChange, invalid }: Props) {
  const { t } = useI18n();
  const [url, setUrl] = useState('');
  const [alt, setAlt] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3] }, codeBlock: false, code: false, underline: false, strike: false, link: { openOnClick: false, autolink: true } }),
      Image,
    ],
    content: value,
    // The page's Content-Security-Policy allows no inline <style>; the editor's few rules are in handbook.css.
    injectCSS: false,
    editorProps: {
      attributes: {
        id, role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': labelId, ...(invalid ? { 'aria-invalid': 'true' } : {}),
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });
  // A new version loaded from the server replaces what is shown (not while typing: the value is then the editor's own).
  // When a Suspense boundary above hides and shows the page again, TipTap may have destroyed the
  // editor this render still holds (its schema is gone) before the new one arrives.
  useEffect(() => {
    if (editor && !editor.isDestroyed && value !== editor.getHTML() && !(value === '' && editor.isEmpty)) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false, italic: e?.isActive('italic') ?? false, h2: e?.isActive('heading', { level: 2 }) ?? false,
      h3: e?.isActive('heading', { level: 3 }) ?? false, bullet: e?.isActive('bulletList') ?? false, ordered: e?.isActive('orderedList') ?? false, link: e?.isActive('link') ?? false,
    }),
  });
  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const tool = (label: string, pressed: boolean | undefined, run: () => void) => (
    <Button type="button" data-size="sm" variant={pressed ? 'primary' : 'secondary'} aria-pressed={pressed ?? false} onClick={run}>{label}</Button>
  );

  const insertImage = async () => {
    if (!file) return;
    setProblem('');
    try {
      const uploaded = await api.post<ImageUploaded>('/api/admin/handbook/images', { contentType: file.type, data: await base64(file) });
      chain().setImage({ src: uploaded.url, alt }).run();
      setMessage(t('handbook.editor.imageAdded'));
      setAlt('');
      setFile(null);
    } catch (error) {
      setProblem(error instanceof ApiError ? (error.fields[0]?.message ?? errorText(error, t)) : t('handbook.err.imageType'));
    }
  };

  return (
    <div className="rich-text">
      <div className="rich-text__toolbar" role="toolbar" aria-label={t('handbook.editor.toolbar')} aria-controls={id}>
        {tool(t('handbook.editor.h2'), active?.h2, () => chain().toggleHeading({ level: 2 }).run())}
        {tool(t('handbook.editor.h3'), active?.h3, () => chain().toggleHeading({ level: 3 }).run())}
        {tool(t('handbook.editor.paragraph'), undefined, () => chain().setParagraph().run())}
        {tool(t('handbook.editor.bold'), active?.bold, () => chain().toggleBold().run())}
        {tool(t('handbook.editor.italic'), active?.italic, () => chain().toggleItalic().run())}
        {tool(t('handbook.editor.bulletList'), active?.bullet, () => chain().toggleBulletList().run())}
        {tool(t('handbook.editor.orderedList'), active?.ordered, () => chain().toggleOrderedList().run())}
        {active?.link ? tool(t('handbook.editor.unlink'), undefined, () => chain().unsetLink().run()) : null}
      </div>
      <div className="rich-text__content"><EditorContent editor={editor} /></div>
      <div className="rich-text__insert">
        <TextField id={`${id}-link`} label={t('handbook.editor.linkUrl')} value={url} onChange={setUrl} width="medium" />
        <Button type="button" variant="secondary" disabled={!url.trim()} onClick={() => {
          chain().extendMarkRange('link').setLink({ href: url.trim() }).run();
          setUrl('');
        }}>{t('handbook.editor.linkAdd')}</Button>
      </div>
      <div className="rich-text__insert">
        <div className="form-field">
          <label htmlFor={`${id}-image`}>{t('handbook.editor.image')}</label>
          <input id={`${id}-image`} type="file" accept={IMAGE_TYPES.join(',')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <TextField id={`${id}-alt`} label={t('handbook.editor.imageAlt')} value={alt} onChange={setAlt} width="medium" />
        <Button type="button" variant="secondary" disabled={!file || !alt.trim()} onClick={() => void insertImage()}>{t('handbook.editor.imageAdd')}</Button>
      </div>
      {problem ? <Paragraph data-size="sm" role="alert">{problem}</Paragraph> : null}
      <LiveMessage>{message || null}</LiveMessage>
    </div>
  );
}
