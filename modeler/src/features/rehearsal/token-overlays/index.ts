/** Tokens and counts of a rehearsal on the diagram, and a replay's verdict (a didi module for the viewer). */
import TokenOverlays from './TokenOverlays';

export default {
  __init__: ['tokenOverlays'],
  tokenOverlays: ['type', TokenOverlays],
};
