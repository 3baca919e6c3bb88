/** Files in and out of the browser: downloads for export, reading a picked or dropped .bpmn file. */

/** Offers `content` as a download named `name`. */
export function download(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The first file of a drop or file picker that looks like BPMN, as text. */
export async function readBpmnFile(files: FileList | null | undefined): Promise<{ name: string; xml: string } | undefined> {
  const file = [...(files ?? [])].find((f) => /\.(bpmn|xml)$/i.test(f.name)) ?? files?.[0];
  if (!file) return undefined;
  return { name: file.name, xml: await file.text() };
}
