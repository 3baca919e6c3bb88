/** The shipped models in processes/, as deploy resources. */
import { readFile, readdir } from 'node:fs/promises';

const folder = new URL('../../processes/', import.meta.url);

export async function shippedResources(): Promise<{ resources: { name: string; xml: string }[]; forms: { name: string; json: string }[] }> {
  const files = (await readdir(folder)).sort();
  const read = (name: string) => readFile(new URL(name, folder), 'utf8');
  return {
    resources: await Promise.all(files.filter((f) => f.endsWith('.bpmn')).map(async (name) => ({ name, xml: await read(name) }))),
    forms: await Promise.all(files.filter((f) => f.endsWith('.form')).map(async (name) => ({ name, json: await read(name) }))),
  };
}
