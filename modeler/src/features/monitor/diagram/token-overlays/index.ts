/** The token overlays as a bpmn-js (didi) module: `viewer.get('tokenOverlays')`. */
import TokenOverlays from './TokenOverlays';

export default {
  __init__: ['tokenOverlays'],
  tokenOverlays: ['type', TokenOverlays],
};

export type { TokenView, PickView, TokenCounts } from './TokenOverlays';
export { TokenOverlays };
