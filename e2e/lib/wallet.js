// What a wallet does once it has submitted a transaction: it watches it until a finalised block
// includes it, and when the pool drops it after accepting it, it signs it anew and submits it
// again (docs/WALLETS.md, "When a transaction is not included").

import { moduleError } from './node.js';

/** How many times a wallet signs a dropped transaction anew before it gives up. */
export const MAX_RESIGNS = 3;

/**
 * Submits the signed `transaction` and follows it: resolves to `{ dropped: true }` when the pool
 * drops it, or to its block's hash and events once a finalised block includes it; rejects when
 * the pool refuses or replaces it, or the block says the call failed. `onStatus` sees every
 * status.
 */
function follow(transaction, onStatus) {
  return new Promise((resolve, reject) => {
    let settled = false;
    let unsubscribe;
    const settle = (settleWith, value) => {
      settled = true;
      unsubscribe?.();
      settleWith(value);
    };
    transaction.send(({ status, events, dispatchError }) => {
      if (settled) return;
      onStatus(status, transaction);
      if (status.isDropped) settle(resolve, { dropped: true });
      else if (status.isInvalid) settle(reject, new Error('the pool found the transaction invalid'));
      else if (status.isUsurped) settle(reject, new Error('another transaction with the same nonce replaced it'));
      else if (status.isFinalized) {
        if (dispatchError) settle(reject, new Error(moduleError(transaction.registry, dispatchError)));
        else settle(resolve, { blockHash: status.asFinalized, events: events.map(({ event }) => event) });
      }
    }).then((unsub) => {
      if (settled) unsub();
      else unsubscribe = unsub;
    }, (error) => settle(reject, error));
  });
}

/**
 * Signs `call` as `signer` with `nonce` (by default its next one), submits it and resolves once a
 * finalised block includes it, with the block's hash, the transaction's events and how many times
 * it was signed anew. When the pool drops it, the same call is signed again with the same nonce,
 * after a finalised block newer than the one its mortality counted from: the pool bans a dropped
 * transaction's hash for 30 minutes, so the new one must differ in its bytes, and with the same
 * nonce the two can never both be included (had the dropped one reached a block after all, the
 * new one is refused as stale, never paid twice). Rejects when the pool refuses it, a block says
 * the call failed, or it was dropped more than {@link MAX_RESIGNS} times. `onStatus(status,
 * signed)` sees every status of every signed version.
 */
export async function sendUntilIncluded(api, call, signer, { nonce, onStatus = () => {} } = {}) {
  nonce ??= (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
  const dropped = new Set();
  for (let resigns = 0; resigns <= MAX_RESIGNS; resigns += 1) {
    let transaction;
    for (;;) {
      transaction = await api.tx(call.method).signAsync(signer, { nonce });
      if (!dropped.has(transaction.hash.toHex())) break;
      await newFinalisedBlock(api);
    }
    const outcome = await follow(transaction, onStatus);
    if (!outcome.dropped) return { ...outcome, resigns };
    dropped.add(transaction.hash.toHex());
  }
  throw new Error(`the pool dropped the transaction ${MAX_RESIGNS + 1} times`);
}

/** Resolves once the node finalises a block past the one it has finalised now. */
async function newFinalisedBlock(api) {
  let first;
  let reached;
  const passed = new Promise((resolve) => { reached = resolve; });
  const unsubscribe = await api.rpc.chain.subscribeFinalizedHeads(({ number }) => {
    first ??= number.toNumber();
    if (number.toNumber() > first) reached();
  });
  await passed;
  unsubscribe();
}
