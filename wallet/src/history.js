// A member's S-coin history from the auditors' indexer (indexer/, GraphQL): what the chain
// itself keeps only as events. Optional: the wallet shows it when its config names an indexer.

/** How many of the latest payments are listed. */
const RECENT_PAYMENTS = 10;

async function query(indexerUrl, text, variables) {
  const response = await fetch(indexerUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: text, variables }),
  });
  const { data, errors } = await response.json();
  if (errors) throw new Error(errors.map((error) => error.message).join('; '));
  return data;
}

/**
 * The rewards `address` received, totalled by programme (`[{ programme, total, count }]`, planck
 * as BigInt), and its latest payments (`[{ merchant, amount, orderReference, day, blockHeight }]`),
 * from the indexer at `indexerUrl`: finalised blocks only.
 */
export async function historyOf(indexerUrl, address) {
  const data = await query(indexerUrl, `query History($address: String!, $recent: Int!) {
    rewards(filter: { citizen: { equalTo: $address } }) {
      groupedAggregates(groupBy: PROGRAMME) { keys sum { amount } distinctCount { id } }
    }
    payments(filter: { payer: { equalTo: $address } }, orderBy: BLOCK_HEIGHT_DESC, first: $recent) {
      nodes { merchant amount orderReference day blockHeight }
    }
  }`, { address, recent: RECENT_PAYMENTS });
  return {
    rewards: data.rewards.groupedAggregates
      .map((group) => ({ programme: Number(group.keys[0]), total: BigInt(group.sum.amount), count: Number(group.distinctCount.id) }))
      .sort((a, b) => a.programme - b.programme),
    payments: data.payments.nodes.map((payment) => ({ ...payment, amount: BigInt(payment.amount) })),
  };
}
