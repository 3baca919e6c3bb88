import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { parseBpmn, processReferences, relatedProcesses, type ProcessIR } from '../../../engine/index.js';

async function shipped(name: string): Promise<ProcessIR> {
  const { processes } = await parseBpmn(await readFile(new URL(`../../../processes/${name}.bpmn`, import.meta.url), 'utf8'));
  return processes[0];
}

describe('what a model needs besides itself (engine/rehearsal/modelReferences)', () => {
  it('should bring the campaign invitee process along with the campaign that hands each invitee to it by message', async () => {
    const [campaign, invitee, support, renewal] = await Promise.all(['campaign-invitation', 'campaign-invitee', 'support-escalation', 'renewal-reminder'].map(shipped));
    expect(relatedProcesses([campaign], [support, invitee, renewal])).to.deep.equal(['campaign-invitee']);
    expect(relatedProcesses([support], [campaign, invitee, renewal])).to.deep.equal([]);
  });

  it('should list the forms of the user tasks', async () => {
    expect([...processReferences(await shipped('support-escalation')).formIds]).to.deep.equal(['answer-request']);
  });
});
