/**
 * Runs `work` once the outermost transaction `knex` belongs to has committed (at once when `knex` is
 * no transaction); after a rollback it never runs. Never awaited by the caller: for what must not hold
 * or undo the writer's transaction (a mail, a cache purge).
 */
export function afterCommit(knex: unknown, work: () => unknown): void {
  const run = () => {
    Promise.resolve()
      .then(work)
      .catch(() => undefined);
  };
  const transaction = outermostTransaction(knex);
  if (transaction) transaction.executionPromise.then(run, () => undefined);
  else run();
}

function outermostTransaction(knex: unknown): { executionPromise: Promise<unknown> } | null {
  let transaction = knex as { isTransaction?: boolean; parentTransaction?: unknown; executionPromise?: Promise<unknown> };
  if (!transaction?.isTransaction) return null;
  while (transaction.parentTransaction) transaction = transaction.parentTransaction as typeof transaction;
  return transaction.executionPromise ? (transaction as { executionPromise: Promise<unknown> }) : null;
}
