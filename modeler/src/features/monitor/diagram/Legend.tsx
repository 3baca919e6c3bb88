/** What the badges on the diagram mean, and whether to show the tokens that passed. */
export function Legend({ showPassed, onShowPassed }: { showPassed: boolean; onShowPassed(show: boolean): void }) {
  return (
    <div class="mon-legend">
      <span><span class="mon-token mon-token-waiting" aria-hidden="true">n</span> waiting</span>
      <span><span class="mon-token mon-token-failed" aria-hidden="true">n</span> incident</span>
      <span><span class="mon-token mon-token-passed" aria-hidden="true">n</span> passed</span>
      <label class="mon-check">
        <input type="checkbox" checked={showPassed} onChange={(e) => onShowPassed(e.currentTarget.checked)} />
        Show tokens that passed
      </label>
    </div>
  );
}
