/**
 * The diagram in Rehearse mode: a bpmn-js viewer (navigation, drill-down
 * into subprocesses, no editing) that knows the `zeebe:` and `lifeline:`
 * extensions, with the token overlays.
 */
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import lifelineModdle from '../../../../engine/parser/lifeline-moddle.json';
import TokenOverlaysModule from './token-overlays';

export function createViewer(container: HTMLElement): NavigatedViewer {
  return new NavigatedViewer({
    container,
    additionalModules: [TokenOverlaysModule],
    moddleExtensions: { zeebe: zeebeModdle, lifeline: lifelineModdle },
  });
}
