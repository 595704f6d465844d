// What a wallet does once it has submitted a transaction: it watches it until a finalised block
// includes it, and when the pool drops it after accepting it, it signs it anew and submits it
// again (docs/WALLETS.md, "When a transaction is not included").

import { moduleError } from './node.js';

/** How many times a wallet signs a dropped transaction anew before it gives up. */
const MAX_RESIGNS = 3;

/** How long a wallet waits for a newer finalised block before it gives up. */
const FINALITY_WAIT_MS = 120_000;

/**
 * Submits the signed `transaction` through `api` and follows it: resolves to `{ dropped: true }`
 * when the pool drops it, or to its block's hash and events once a finalised block includes it;
 * rejects when the pool refuses or replaces it, a block says the call failed, the node gives up
 * waiting for its finality, or the connection is lost (a lost subscription would otherwise never
 * answer). `onStatus` sees every status.
 */
function follow(api, transaction, onStatus) {
  return new Promise((resolve, reject) => {
    let settled = false;
    let unsubscribe;
    const disconnected = () => settle(reject, new Error('the connection to the node was lost'));
    const settle = (settleWith, value) => {
      settled = true;
      unsubscribe?.();
      api.off('disconnected', disconnected);
      settleWith(value);
    };
    api.once('disconnected', disconnected);
    transaction.send(({
      status, events, dispatchError, internalError,
    }) => {
      if (settled) return;
      onStatus(status, transaction);
      if (status.isDropped) settle(resolve, { dropped: true });
      else if (status.isInvalid) settle(reject, new Error('the pool found the transaction invalid'));
      else if (status.isUsurped) settle(reject, new Error('another transaction with the same nonce replaced it'));
      else if (status.isFinalityTimeout) settle(reject, new Error('its block was not finalised in time'));
      else if (status.isFinalized) {
        if (internalError) settle(reject, new Error(`finalised, its events unread: ${internalError.message}`));
        else if (dispatchError) settle(reject, new Error(moduleError(transaction.registry, dispatchError)));
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
 * it was signed anew. When the pool drops it, the same call is signed again with the same nonce:
 * the pool bans a dropped transaction's hash for 30 minutes, so the new one must differ in its
 * bytes (an sr25519 signature differs each time; with another key the wallet waits for a newer
 * finalised block to anchor the mortality), and with the same nonce the two can never both be
 * included. Had the dropped one reached a block after all, the new one is refused as stale and
 * the promise resolves to `{ includedEarlier: true, resigns }`: done, once, with its events in
 * that earlier block. Rejects when the pool refuses the first signature, a block says the call
 * failed, or it was dropped more than {@link MAX_RESIGNS} times. `onStatus(status, signed)` sees
 * every status of every signed version.
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
    let outcome;
    try {
      outcome = await follow(api, transaction, onStatus);
    } catch (error) {
      if (resigns > 0 && (await api.query.system.account(signer.address)).nonce.toNumber() > nonce) {
        return { includedEarlier: true, resigns };
      }
      throw error;
    }
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
  let timer;
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no block finalised in ${FINALITY_WAIT_MS / 1000} s`)), FINALITY_WAIT_MS);
  });
  try {
    await Promise.race([passed, timedOut]);
  } finally {
    clearTimeout(timer);
    unsubscribe();
  }
}
