/** The modeler's header: what is open, and New, Open, Import, Export, Discard, Rehearse, Validate, Deploy. */
import { useRef } from 'preact/hooks';

interface Props {
  title: string;
  subtitle: string;
  dirty: boolean;
  busy?: 'deploy' | 'validate';
  onNew(): void;
  onOpen(): void;
  onImport(files: FileList | null): void;
  onExport(kind: 'bpmn' | 'svg'): void;
  onDiscard(): void;
  onValidate(): void;
  onDeploy(): void;
  /** Rehearse mode: run the diagram on the engine with a virtual clock. */
  onRehearse?(): void;
}

export function Toolbar(props: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div class="modeler-toolbar">
      <div class="doc-info">
        <h1>{props.title}</h1>
        <span class="muted">{props.subtitle}</span>
        {props.dirty && <span class="badge unsaved">Unsaved changes</span>}
        {props.dirty && <button type="button" class="link-button" onClick={props.onDiscard}>Discard</button>}
      </div>
      <div class="actions" role="toolbar" aria-label="Diagram">
        <button type="button" class="button" onClick={props.onNew}>New</button>
        <button type="button" class="button" onClick={props.onOpen}>Open…</button>
        <button type="button" class="button" onClick={() => fileInput.current?.click()}>Import…</button>
        <input ref={fileInput} type="file" accept=".bpmn,.xml" class="visually-hidden" tabIndex={-1} aria-label="Import a BPMN file" onChange={(e) => { props.onImport(e.currentTarget.files); e.currentTarget.value = ''; }} />
        <button type="button" class="button" onClick={() => props.onExport('bpmn')}>Export BPMN</button>
        <button type="button" class="button" onClick={() => props.onExport('svg')}>Export SVG</button>
        <span class="separator" aria-hidden="true" />
        {props.onRehearse && <button type="button" class="button" onClick={props.onRehearse} disabled={!!props.busy}>Rehearse</button>}
        <button type="button" class="button" onClick={props.onValidate} disabled={!!props.busy}>{props.busy === 'validate' ? 'Validating…' : 'Validate'}</button>
        <button type="button" class="button primary" onClick={props.onDeploy} disabled={!!props.busy} aria-label="Deploy">{props.busy === 'deploy' ? 'Deploying…' : 'Deploy'}</button>
      </div>
    </div>
  );
}
