/** Rehearse mode: a model on the real engine with a virtual clock, its scenarios and their replays. */
export { RehearsalView, type RehearsalViewProps } from './RehearsalView';
export type { ModelSource } from './rehearsalApi';
