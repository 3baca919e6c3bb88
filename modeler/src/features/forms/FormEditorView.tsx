/**
 * The form-js editor (palette, canvas, properties) for one task form. The
 * editor is a large bundle, so it loads only when a form is opened.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

type Schema = Record<string, unknown>;
type Editor = { importSchema(schema: Schema): Promise<unknown>; saveSchema(): Schema; on(event: string, fn: () => void): void; destroy(): void };

export interface FormEditorViewProps {
  /** The schema to open; the editor is rebuilt when `formKey` changes. */
  schema: Schema;
  formKey: string;
  onChange(schema: Schema): void;
}

export function FormEditorView({ schema, formKey, onChange }: FormEditorViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string>();
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => {
    let editor: Editor | undefined;
    let gone = false;
    (async () => {
      const [{ FormEditor }] = await Promise.all([
        import('@bpmn-io/form-js'),
        import('@bpmn-io/form-js/dist/assets/form-js.css'),
        import('@bpmn-io/form-js/dist/assets/form-js-editor.css'),
        import('@bpmn-io/form-js/dist/assets/properties-panel.css'),
      ]);
      if (gone) return;
      editor = new FormEditor({ container: container.current! }) as unknown as Editor;
      (window as unknown as { lifelineFormEditor?: Editor }).lifelineFormEditor = editor;
      await editor.importSchema(schema);
      editor.on('changed', () => changed.current(editor!.saveSchema()));
    })().catch((error: Error) => setFailed(error.message));
    return () => {
      gone = true;
      editor?.destroy();
    };
  }, [formKey]);
  if (failed) return <div class="alert error" role="alert">The form could not be opened: {failed}</div>;
  return <div class="form-editor" ref={container} aria-label="Form editor" />;
}
