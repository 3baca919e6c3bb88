/** Task forms (form-js): the editor the modeler shows for the forms deployed with a process. */
export { FormEditorView, type FormEditorViewProps } from './FormEditorView';
