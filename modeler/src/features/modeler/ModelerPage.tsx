/**
 * The designer's workbench at /modeler: one diagram and its forms, drawn
 * with bpmn-js and the Zeebe properties panel, linted while drawing and
 * checked by the engine, opened from the deployed versions or a file,
 * exported, deployed. Unsaved work lives in local storage (workspace.ts).
 * Deep links: /modeler/definitions/<id> opens a version, /modeler/forms/<formId> a form.
 */
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { PageProps } from '../../app/PageDefinition';
import { navigate } from '../../app/router';
import { ApiError, type ModelProblem } from '../../api';
import { FormEditorView } from '../forms';
import { createModeler } from './createModeler';
import { emptyDiagram } from './emptyDiagram';
import { deployWorkspace, fetchDefinition, fetchForms, validateModel } from './deployment';
import { download, readBpmnFile } from './fileTransfer';
import { elementLabel, linkedFormIds, processOf } from './modelerQueries';
import { discardDraft, lastDefinition, loadDraft, newFormSchema, rememberDefinition, saveDraft, setDraftOwner, type Workspace } from './workspace';
import { ProblemsPanel, type LintIssue } from './ProblemsPanel';
import { DefinitionsDialog } from './DefinitionsDialog';
import { NewFormDialog } from './NewFormDialog';
import { Toolbar } from './Toolbar';
import { RehearsalView, type RehearsalViewProps } from '../rehearsal';
import './modeler.css';

type Modeler = ReturnType<typeof createModeler>;
type Status = { kind: 'success' | 'error' | 'info' | 'warning'; text: string };

const DISCARD_QUESTION = 'Discard your unsaved changes to this diagram?';

export default function ModelerPage({ subpath, user }: PageProps) {
  setDraftOwner(user.id);
  const canvasRef = useRef<HTMLDivElement>(null);
  const propertiesRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<Modeler>();
  const ws = useRef<Workspace>({ xml: '', forms: [], dirty: false, savedAt: '' });
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [status, setStatus] = useState<Status>();
  const [engine, setEngine] = useState<{ problems: ModelProblem[]; unplaced: ModelProblem[]; warnings: ModelProblem[] }>({ problems: [], unplaced: [], warnings: [] });
  const [lint, setLint] = useState<LintIssue[]>([]);
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState<'deploy' | 'validate'>();
  const [dialog, setDialog] = useState<'open' | 'new-form'>();
  const [dropping, setDropping] = useState(false);
  const [rehearsing, setRehearsing] = useState<Omit<RehearsalViewProps, 'user' | 'onClose'>>();
  const timers = useRef<{ save?: number; check?: number }>({});
  const checkRun = useRef(0);
  /** Aborts background checks when the page closes. */
  const closing = useRef(new AbortController());
  const tab = subpath.startsWith('forms/') ? decodeURIComponent(subpath.slice('forms/'.length)) : 'diagram';
  const modeler = () => modelerRef.current!;

  const showProblems = (problems: ModelProblem[], warnings: ModelProblem[] = []) => {
    const unplaced = modeler().get<any>('problemMarkers').show(problems);
    setEngine({ problems, unplaced, warnings });
  };

  /** Asks the engine what it thinks of the current diagram (latest request wins). */
  const check = async () => {
    const run = ++checkRun.current;
    setChecking(true);
    try {
      const { xml } = await modeler().saveXML();
      const { problems, warnings } = await validateModel(xml!, closing.current.signal);
      if (run === checkRun.current) showProblems(problems, warnings);
      return problems;
    } finally {
      if (run === checkRun.current) setChecking(false);
    }
  };

  const persist = () => {
    clearTimeout(timers.current.save);
    timers.current.save = window.setTimeout(async () => {
      ws.current.xml = (await modeler().saveXML({ format: true })).xml!;
      saveDraft(ws.current);
    }, 250);
  };

  const changed = () => {
    ws.current.dirty = true;
    rerender(0);
    persist();
    clearTimeout(timers.current.check);
    timers.current.check = window.setTimeout(() => void check().catch(() => {}), 700);
  };

  /** Shows a diagram (and its forms) as the workspace. */
  const load = async (xml: string, next: Omit<Workspace, 'xml' | 'savedAt'>): Promise<boolean> => {
    try {
      const { warnings } = await modeler().importXML(xml);
      if (warnings.length) setStatus({ kind: 'warning', text: `Opened with ${warnings.length} import warning(s): ${warnings.map((w: unknown) => (w as Error).message ?? String(w)).join('; ')}` });
    } catch (error) {
      setStatus({ kind: 'error', text: `This file is not a BPMN diagram the modeler can open: ${(error as Error).message}` });
      return false;
    }
    ws.current = { ...next, xml, savedAt: '' };
    modeler().get<any>('canvas').zoom('fit-viewport', 'auto');
    saveDraft(ws.current);
    rerender(0);
    showProblems([]);
    void check().catch(() => {});
    return true;
  };

  const confirmDiscard = () => !ws.current.dirty || window.confirm(DISCARD_QUESTION);

  const openVersion = async (id: string) => {
    try {
      const { xml, origin } = await fetchDefinition(id);
      if (!(await load(xml, { forms: [], origin, dirty: false }))) return;
      const { forms, missing } = await fetchForms(linkedFormIds(modeler()));
      ws.current.forms = forms;
      rememberDefinition(id);
      rerender(0);
      setStatus(missing.length
        ? { kind: 'warning', text: `Opened ${origin.key} version ${origin.version}. Linked form(s) not deployed yet: ${missing.join(', ')}.` }
        : { kind: 'info', text: `Opened ${origin.key} version ${origin.version}.` });
    } catch (error) {
      setStatus({ kind: 'error', text: `Could not open that version: ${(error as Error).message}` });
    }
  };

  const newDiagram = async () => {
    rememberDefinition(undefined);
    await load(emptyDiagram(), { forms: [], dirty: false });
    setStatus(undefined);
  };

  // Create the modeler once, then decide what to show: a deep-linked version, the kept draft, the last version, or a new diagram.
  useEffect(() => {
    const instance = createModeler(canvasRef.current!, propertiesRef.current!);
    modelerRef.current = instance;
    (window as unknown as { lifelineModeler: Modeler }).lifelineModeler = instance;
    instance.on('commandStack.changed', (event: { trigger?: string }) => {
      if (event.trigger !== 'clear') changed();
    });
    instance.on('linting.completed', ({ issues }: { issues: Record<string, { message: string; category: string }[]> }) => {
      setLint(Object.entries(issues).flatMap(([elementId, list]) => list.map((issue) => ({ elementId, message: issue.message, category: issue.category }))));
    });
    const draft = loadDraft();
    const deepLink = /^definitions\/([^/]+)$/.exec(subpath)?.[1];
    (async () => {
      if (deepLink && (!draft || window.confirm(DISCARD_QUESTION))) {
        discardDraft();
        await openVersion(deepLink);
        navigate('/modeler', { replace: true, force: true });
      } else if (draft && (await load(draft.xml, { forms: draft.forms, origin: draft.origin, dirty: true }))) {
        setStatus({ kind: 'info', text: `Restored your unsaved work from ${new Date(draft.savedAt).toLocaleString()}. Deploy it, or discard it to start over.` });
      } else if (lastDefinition()) await openVersion(lastDefinition()!);
      else await newDiagram();
    })();
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!ws.current.dirty) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      clearTimeout(timers.current.check);
      closing.current.abort();
      instance.destroy();
    };
  }, []);

  const deploy = async () => {
    setBusy('deploy');
    setStatus(undefined);
    try {
      // An unchanged version goes back byte for byte, so the engine answers "nothing changed".
      const xml = ws.current.dirty || !ws.current.origin ? (await modeler().saveXML({ format: true })).xml! : ws.current.xml;
      // Ask first: a model with problems is shown, not sent to fail (the deployment would refuse it whole anyway).
      const { problems } = await validateModel(xml);
      if (problems.length) throw new ApiError(422, 'BPMN_INVALID', 'the model has problems', problems);
      const outcome = await deployWorkspace(xml, processOf(modeler()).id, ws.current.forms);
      ws.current = { ...ws.current, xml, origin: outcome.origin, dirty: false, forms: ws.current.forms.map((form) => ({ ...form, deployed: true })) };
      discardDraft();
      rememberDefinition(outcome.origin.definitionId);
      showProblems([]);
      setStatus({ kind: 'success', text: outcome.message });
    } catch (error) {
      if (error instanceof ApiError && error.problems.length) {
        showProblems(error.problems);
        setStatus({ kind: 'error', text: `Not deployed: the engine found ${error.problems.length} problem(s), marked on the diagram and listed below.` });
      } else setStatus({ kind: 'error', text: `Not deployed: ${(error as Error).message}` });
    } finally {
      setBusy(undefined);
    }
  };

  const validate = async () => {
    setBusy('validate');
    try {
      const problems = await check();
      setStatus(problems.length ? { kind: 'error', text: `The engine found ${problems.length} problem(s), marked on the diagram and listed below.` } : { kind: 'success', text: 'Valid: the engine can run this model as drawn.' });
    } catch (error) {
      setStatus({ kind: 'error', text: `Could not validate: ${(error as Error).message}` });
    } finally {
      setBusy(undefined);
    }
  };

  const importFiles = async (files: FileList | null | undefined) => {
    const file = await readBpmnFile(files);
    if (!file || !confirmDiscard()) return;
    rememberDefinition(undefined);
    if (await load(file.xml, { forms: [], dirty: true })) setStatus({ kind: 'info', text: `Imported ${file.name}. Deploy it to make it a version.` });
  };

  const exportAs = async (kind: 'bpmn' | 'svg') => {
    const name = processOf(modeler()).id;
    if (kind === 'bpmn') download(`${name}.bpmn`, (await modeler().saveXML({ format: true })).xml!, 'application/xml');
    else download(`${name}.svg`, (await modeler().saveSVG()).svg, 'image/svg+xml');
  };

  const discard = async () => {
    if (!window.confirm(DISCARD_QUESTION)) return;
    const origin = ws.current.origin;
    discardDraft();
    ws.current.dirty = false;
    if (origin) await openVersion(origin.definitionId);
    else await newDiagram();
    setStatus({ kind: 'info', text: 'Your unsaved changes were discarded.' });
  };

  /** Rehearse mode: the deployed version when the diagram is it, else the drawing with its forms. */
  const rehearse = async () => {
    const xml = (await modeler().saveXML({ format: true })).xml!;
    const process = processOf(modeler());
    const origin = ws.current.origin;
    const deployed = origin && !ws.current.dirty && origin.key === process.id ? origin : undefined;
    setRehearsing({
      xml,
      processKey: process.id,
      source: deployed
        ? { definitionId: deployed.definitionId }
        : { resources: [{ name: `${process.id}.bpmn`, xml }], forms: ws.current.forms.map((f) => ({ name: `${f.id}.form`, json: f.schema })), processKey: process.id },
      sourceLabel: deployed ? `${deployed.key} version ${deployed.version}` : 'your drawing (not deployed)',
    });
  };

  const stopRehearsing = () => {
    setRehearsing(undefined);
    requestAnimationFrame(() => modeler().get<any>('canvas').resized());
  };

  const selectElement = (id: string) => {
    if (tab !== 'diagram') navigate('/modeler');
    const element = modeler().get<any>('elementRegistry').get(id);
    if (!element) return;
    modeler().get<any>('selection').select(element);
    modeler().get<any>('canvas').scrollToElement(element);
  };

  const updateForm = (id: string, schema: Record<string, unknown>) => {
    const newId = typeof schema.id === 'string' && schema.id ? schema.id : id;
    ws.current.forms = ws.current.forms.map((form) => (form.id === id ? { id: newId, schema, deployed: false } : form));
    changed();
    if (newId !== id) navigate(`/modeler/forms/${encodeURIComponent(newId)}`, { replace: true });
  };

  const removeForm = (id: string) => {
    if (!window.confirm(`Remove the form "${id}" from this workspace? Deployed versions of it stay.`)) return;
    ws.current.forms = ws.current.forms.filter((form) => form.id !== id);
    changed();
    navigate('/modeler');
  };

  const form = ws.current.forms.find((f) => f.id === tab);
  const process = modelerRef.current ? processOf(modeler()) : undefined;
  const origin = ws.current.origin;
  return (
    <div class="modeler-page">
      {rehearsing && <RehearsalView {...rehearsing} user={user} onClose={stopRehearsing} />}
      <div class={`modeler-editing${rehearsing ? ' hidden' : ''}`}>
      <Toolbar
        title={process?.name ?? 'Modeler'}
        subtitle={origin ? `${origin.key} · version ${origin.version}` : 'Not deployed yet'}
        dirty={ws.current.dirty}
        busy={busy}
        onNew={async () => confirmDiscard() && (discardDraft(), await newDiagram())}
        onOpen={() => setDialog('open')}
        onImport={importFiles}
        onExport={exportAs}
        onDiscard={discard}
        onValidate={validate}
        onDeploy={deploy}
        onRehearse={() => void rehearse()}
      />
      {status && <div class={`alert ${status.kind} modeler-status`} role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</div>}
      <div class="tabs" role="tablist" aria-label="Diagram and forms">
        <button type="button" role="tab" aria-selected={tab === 'diagram'} onClick={() => navigate('/modeler')}>Diagram</button>
        {ws.current.forms.map((f) => (
          <button key={f.id} type="button" role="tab" aria-selected={tab === f.id} onClick={() => navigate(`/modeler/forms/${encodeURIComponent(f.id)}`)}>Form: {f.id}</button>
        ))}
        <button type="button" class="new-form" onClick={() => setDialog('new-form')}>+ New form</button>
      </div>
      <div class="workbench">
        <div
          class={`canvas-area${tab === 'diagram' ? '' : ' hidden'}${dropping ? ' dropping' : ''}`}
          onDragOver={(e) => { e.preventDefault(); setDropping(true); }}
          onDragLeave={() => setDropping(false)}
          onDrop={(e) => { e.preventDefault(); setDropping(false); void importFiles(e.dataTransfer?.files); }}
        >
          <div class="canvas" ref={canvasRef} aria-label="BPMN diagram" />
          <aside class="properties" ref={propertiesRef} aria-label="Properties" />
          {dropping && <div class="drop-hint">Drop a .bpmn file to open it</div>}
        </div>
        {tab !== 'diagram' && (form ? (
          <div class="form-area">
            <div class="form-bar">
              <span>Deployed with this process. Link it from a user task: Form › Type “Camunda Form”, Form ID <code>{form.id}</code>.</span>
              <button type="button" class="button danger" onClick={() => removeForm(form.id)}>Remove form</button>
            </div>
            <FormEditorView formKey={form.id} schema={form.schema} onChange={(schema) => updateForm(form.id, schema)} />
          </div>
        ) : (
          <div class="page-message"><h1>No form “{tab}” here</h1><p>This workspace has no form with that id.</p></div>
        ))}
      </div>
      <ProblemsPanel engine={engine.problems} engineWarnings={engine.warnings} unplaced={engine.unplaced} lint={lint} checking={checking} label={(id) => (modelerRef.current ? elementLabel(modeler(), id) : id)} onSelect={selectElement} />
      </div>
      {dialog === 'open' && <DefinitionsDialog onClose={() => setDialog(undefined)} onOpen={(id) => { if (confirmDiscard()) { discardDraft(); void openVersion(id); } }} />}
      {dialog === 'new-form' && (
        <NewFormDialog
          taken={ws.current.forms.map((f) => f.id)}
          onClose={() => setDialog(undefined)}
          onCreate={(id) => {
            ws.current.forms = [...ws.current.forms, { id, schema: newFormSchema(id) }];
            changed();
            navigate(`/modeler/forms/${encodeURIComponent(id)}`);
          }}
        />
      )}
    </div>
  );
}
