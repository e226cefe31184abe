import type { Facts } from '../app/decide/facts.js';
import type { Plan } from '../app/decide/plan.js';

/**
 * What the action takes from check runs, which any workflow of the repository can write with its
 * token (the App's runs only the App can write). Its runs offer no buttons (a workflow cannot
 * receive their clicks), so a click recorded in a run's text is not an approval here: only reviews
 * and `/privacy` comments, which GitHub attributes to the person, approve. Fingerprint records
 * (which commit was reviewed as what) are still read, as the App reads them; README ("What the
 * workflow token can forge") says what that leaves open and how to close it.
 */
export function withoutClicks(facts: Facts): Facts {
  const ledgers = new Map([...facts.history.ledgers].map(([id, ledger]) => [id, { ...ledger, clicks: [] }]));
  return { ...facts, history: { ...facts.history, ledgers } };
}

/** The plan without the check run's Approve and Re-run buttons (they would go to nobody). */
export function withoutButtons(plan: Plan): Plan {
  return {
    ...plan,
    check: { ...plan.check, result: { ...plan.check.result, actions: [] } },
    stale: plan.stale.map((s) => ({ ...s, result: { ...s.result, actions: [] } })),
  };
}
