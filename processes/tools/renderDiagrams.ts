/**
 * `npm run diagrams`: renders every model in processes/ to SVG pictures in
 * processes/diagrams/ (one per diagram: the process, and each subprocess
 * opened by drill-down) with bpmn-js (the viewer the modeler is built on) in
 * headless Chromium through playwright-core, the way a modeler shows it.
 * Fails naming the model when a flow node has no shape or a flow no edge.
 */
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const folder = new URL('../', import.meta.url);
const out = new URL('../diagrams/', import.meta.url);
const viewer = createRequire(import.meta.url).resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const css = ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn-embedded.css'].map((f) => createRequire(import.meta.url).resolve(`bpmn-js/dist/assets/${f}`));

/** What runs in the page, as source text (a bundler's helpers must not leak into it): import, check the DI, export SVG. */
const IN_PAGE = `async (diagram) => {
  const container = document.getElementById('canvas');
  container.innerHTML = '';
  const bpmn = new window.BpmnJS({ container });
  const { warnings } = await bpmn.importXML(diagram);
  const registry = bpmn.get('elementRegistry');
  const missing = [];
  const walk = (element) => {
    for (const child of element.flowElements || []) {
      if (!registry.get(child.id)) missing.push(child.id);
      walk(child);
    }
  };
  for (const root of bpmn.getDefinitions().rootElements) if (root.$type === 'bpmn:Process') walk(root);
  const pictures = [];
  const diagrams = bpmn.getDefinitions().diagrams;
  for (const diagram of diagrams) {
    await bpmn.open(diagram);
    const { svg } = await bpmn.saveSVG();
    const element = diagram.plane.bpmnElement;
    pictures.push({ suffix: diagram === diagrams[0] ? '' : '.' + element.id, svg });
  }
  bpmn.destroy();
  return { pictures, missing, warnings: warnings.map((w) => w.message) };
}`;

async function main(): Promise<void> {
  await mkdir(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><div id="canvas" style="width:1600px;height:1000px"></div></body></html>');
    for (const file of css) await page.addStyleTag({ path: file });
    await page.addScriptTag({ path: viewer });
    for (const name of (await readdir(folder)).filter((f) => f.endsWith('.bpmn')).sort()) {
      const xml = await readFile(new URL(name, folder), 'utf8');
      const result = (await page.evaluate(`(${IN_PAGE})(${JSON.stringify(xml)})`)) as { pictures: { suffix: string; svg: string }[]; missing: string[]; warnings: string[] };
      if (result.missing.length || result.warnings.length) throw new Error(`${name}: no diagram shape for ${result.missing.join(', ') || '-'}; warnings: ${result.warnings.join('; ') || '-'}`);
      for (const picture of result.pictures) {
        const file = name.replace(/\.bpmn$/, `${picture.suffix}.svg`);
        await writeFile(new URL(file, out), picture.svg);
        console.log(`processes/diagrams/${file}`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
