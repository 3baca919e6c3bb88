/** didi module: the properties panel's Lifeline group. */
import LifelinePropertiesProvider from './LifelinePropertiesProvider';

export default {
  __init__: ['lifelinePropertiesProvider'],
  lifelinePropertiesProvider: ['type', LifelinePropertiesProvider],
};
