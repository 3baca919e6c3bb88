/** Files in and out of the browser: downloads for export, reading a picked or dropped .bpmn file. */

export { download } from '../../app/download';

/** The first file of a drop or file picker that looks like BPMN, as text. */
export async function readBpmnFile(files: FileList | null | undefined): Promise<{ name: string; xml: string } | undefined> {
  const file = [...(files ?? [])].find((f) => /\.(bpmn|xml)$/i.test(f.name)) ?? files?.[0];
  if (!file) return undefined;
  return { name: file.name, xml: await file.text() };
}
