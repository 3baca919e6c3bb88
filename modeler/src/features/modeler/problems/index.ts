/** didi module: engine problems as markers and overlays on the diagram. */
import ProblemMarkers from './ProblemMarkers';

export default {
  __init__: ['problemMarkers'],
  problemMarkers: ['type', ProblemMarkers],
};
