import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { decodeXml, parseBpmn } from '../../../engine/parser/index.js';
import { parseFixture } from './parseFixture.js';

const bytesOf = (name: string) => readFile(new URL(`fixtures/${name}`, import.meta.url));

describe('parser: encodings and warnings (issue 12)', () => {
  it('should read a model that declares ISO-8859-1 in that encoding', async () => {
    // given: the bytes of a model exported as ISO-8859-1, with umlauts
    const bytes = await bytesOf('latin1.bpmn');
    // when
    const { processes, problems } = await parseBpmn(bytes);
    // then
    expect(problems).to.deep.equal([]);
    expect(processes[0].name).to.equal('Prüfung der Übergabe');
    expect(processes[0].nodes.check.name).to.equal('Größe prüfen');
  });

  it('should decode by a byte order mark before the declaration, and refuse an encoding it cannot read, naming it', () => {
    // given
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0"?><a>ä</a>', 'utf16le')]);
    const unknown = Buffer.from('<?xml version="1.0" encoding="x-unknown-42"?><a/>', 'latin1');
    // then
    expect(decodeXml(utf16)).to.contain('<a>ä</a>');
    expect(() => decodeXml(unknown)).to.throw(/declares encoding 'x-unknown-42'/);
  });

  it('should accept a text whose declaration names another encoding: the text is already decoded', async () => {
    // given: the ISO-8859-1 model already decoded into a string
    const text = decodeXml(await bytesOf('latin1.bpmn'));
    // when
    const { problems } = await parseBpmn(text);
    // then
    expect(problems).to.deep.equal([]);
  });

  it('should warn, not refuse, for a condition on a flow leaving a parallel gateway and an item definition that does not resolve', async () => {
    // when
    const { problems, warnings } = await parseFixture('tolerated.bpmn');
    // then
    expect(problems).to.deep.equal([]);
    expect(warnings.map((w) => w.elementId)).to.have.members(['conditional', 'order']);
    expect(warnings.find((w) => w.elementId === 'conditional')!.message).to.match(/its condition is ignored, every outgoing flow of a parallel gateway is taken/);
    expect(warnings.find((w) => w.elementId === 'order')!.message).to.match(/itemSubjectRef refers to 'missingItem', which does not exist/);
  });
});
