/** The heat map overlays as a bpmn-js (didi) module: `viewer.get('heatOverlays')`. */
import HeatOverlays from './HeatOverlays';

export default {
  __init__: ['heatOverlays'],
  heatOverlays: ['type', HeatOverlays],
};

export type { HeatView } from './HeatOverlays';
export { heatLevel } from './HeatOverlays';
export { HeatOverlays };
