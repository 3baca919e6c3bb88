/** "Stuck: no step for more than [4] [hours]": the manager's threshold, remembered per user. */
import type { Threshold, ThresholdUnit } from '../stuckThreshold';

export function ThresholdControl({ threshold, onChange }: { threshold: Threshold; onChange(threshold: Threshold): void }) {
  const amount = (event: Event) => {
    const value = Math.floor(Number((event.currentTarget as HTMLInputElement).value));
    if (Number.isFinite(value) && value >= 1 && value <= 999) onChange({ ...threshold, amount: value });
  };
  return (
    <fieldset class="mon-threshold">
      <legend>Stuck: no step for more than</legend>
      <input class="input" type="number" min={1} max={999} step={1} value={threshold.amount} onChange={amount} aria-label="Stuck threshold, amount" />
      <select class="select" value={threshold.unit} onChange={(e) => onChange({ ...threshold, unit: e.currentTarget.value as ThresholdUnit })} aria-label="Stuck threshold, unit">
        <option value="minutes">minutes</option>
        <option value="hours">hours</option>
        <option value="days">days</option>
      </select>
    </fieldset>
  );
}
