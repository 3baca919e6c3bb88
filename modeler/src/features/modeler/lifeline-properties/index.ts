/** didi module: the properties panel's Lifeline groups, and the calendars they offer. */
import LifelinePropertiesProvider from './LifelinePropertiesProvider';
import LifelineCalendars from './LifelineCalendars';

export default {
  __init__: ['lifelinePropertiesProvider'],
  lifelinePropertiesProvider: ['type', LifelinePropertiesProvider],
  lifelineCalendars: ['type', LifelineCalendars],
};
