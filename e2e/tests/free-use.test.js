// Free use, attacked on a real `seoul-node --dev` with a stock @polkadot/api client: a citizen's
// batch of 3,000 remarks is charged its work (more than a day's quota, so refused); a batch that
// would fill a block is refused whatever the quota; a tip is refused; a citizen cannot touch the
// node list, and nobody stores a huge connection entry; and while three agencies flood the pool
// with the heaviest transactions they may sign, another member's transfer is included within two
// blocks.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { REFUSAL, SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import { connect, moduleError, refusal as refusalOf, rpc, startNode } from '../lib/node.js';

/** A quarter of the normal class's 3.75 MiB: the longest member transaction (`MaxTransactionLength`). */
const MAX_TRANSACTION_LENGTH = 983_040;

describe('free use, attacked', () => {
  let node;
  let api;
  let keyring;

  before(async () => {
    // The pool is raised so that the flood below is held whole, as an attacker would want.
    node = await startNode(['--dev', '--pool-kbytes', '100000'], { name: 'free-use' });
    api = await connect(node);
    keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  const bestNumber = async () => (await api.rpc.chain.getHeader()).number.toNumber();

  /** The pool's refusal of `tx` signed by `pair`. */
  const refusal = (tx, pair, options) => refusalOf(api, tx, pair, options);

  /** Remarks of `size` bytes each. */
  const remarks = (count, size) => Array.from({ length: count }, () => api.tx.system.remark(`0x${'07'.repeat(size)}`));

  test("a citizen's batch of 3,000 remarks costs more than its day's quota and is refused with code 4", async () => {
    const dave = keyring.addFromUri('//Dave');
    const message = await refusal(api.tx.utility.batch(remarks(3_000, 0)), dave);
    assert.match(message, new RegExp(`Custom error: ${REFUSAL.QUOTA_EXHAUSTED}$`));
    // A plain transfer still goes through, for one unit.
    const before = await rpc(node.rpcPort, 'citizens_member', [dave.address]);
    await new Promise((resolve, reject) => {
      api.tx.balances.transferKeepAlive(keyring.addFromUri('//Eve').address, 1_000_000n)
        .signAndSend(dave, ({ status }) => { if (status.isInBlock) resolve(); })
        .catch(reject);
    });
    const after = await rpc(node.rpcPort, 'citizens_member', [dave.address]);
    const used = after.quota.resetsAt === before.quota.resetsAt ? after.quota.used - before.quota.used : after.quota.used;
    assert.equal(used, 1, 'a transfer costs one unit');
  });

  test('a batch longer than a quarter of a block is refused with code 5, and a tip with code 6', async () => {
    const alice = keyring.addFromUri('//Alice');
    const long = api.tx.utility.batch(remarks(3, 400 * 1024));
    assert.ok(long.encodedLength > MAX_TRANSACTION_LENGTH);
    assert.match(await refusal(long, alice), new RegExp(`Custom error: ${REFUSAL.TOO_LARGE}$`));
    const tipped = api.tx.balances.transferKeepAlive(keyring.addFromUri('//Bob').address, 1_000_000n);
    assert.match(await refusal(tipped, alice, { tip: 10_000n }), new RegExp(`Custom error: ${REFUSAL.TIP_REFUSED}$`));
  });

  /** Signs and submits `tx`, resolving with its block number and dispatch error, if any. */
  function included(tx, signer) {
    return new Promise((resolve, reject) => {
      tx.signAndSend(signer, async ({ status, dispatchError }) => {
        if (!status.isInBlock) return;
        const number = (await api.rpc.chain.getHeader(status.asInBlock)).number.toNumber();
        resolve({ number, error: dispatchError ? moduleError(api.registry, dispatchError) : null });
      }).catch(reject);
    });
  }

  test('a citizen cannot claim a node, a 64 KiB connection is refused, and a transfer goes through meanwhile', async () => {
    const dave = keyring.addFromUri('//Dave');
    const alice = keyring.addFromUri('//Alice');
    const eve = keyring.addFromUri('//Eve');
    const submittedAt = await bestNumber();
    const [claim, huge, transfer] = await Promise.all([
      included(api.tx.nodeAuthorization.claimNode(`0x${'07'.repeat(38)}`), dave),
      // Alice owns the dev chain's node, and still cannot store a huge entry.
      included(api.tx.nodeAuthorization.addConnections(
        [...(await api.query.nodeAuthorization.wellKnownNodes())][0].toHex(),
        [`0x${'07'.repeat(64 * 1024)}`],
      ), alice),
      included(api.tx.balances.transferKeepAlive(dave.address, 1_000_000n), eve),
    ]);
    assert.equal(claim.error, 'nodeAuthorization.NotOperator');
    assert.equal(huge.error, 'nodeAuthorization.BadPeerId');
    assert.equal(transfer.error, null);
    assert.ok(transfer.number <= submittedAt + 2, `submitted at #${submittedAt}, included in #${transfer.number}`);
    const owners = await api.query.nodeAuthorization.owners.entries();
    assert.ok(owners.every(([, owner]) => owner.toString() !== dave.address), 'Dave owns no node');
  });

  test("another member's transfer is included within two blocks while three agencies flood the pool", async () => {
    // Each agency queues eight transactions of 900 KiB of remarks, the longest it may sign:
    // 24 in all, six blocks' worth of length.
    const flooders = ['//Alice', '//Bob', '//Charlie'].map((uri) => keyring.addFromUri(uri));
    const heavy = () => api.tx.utility.batch(remarks(9, 100 * 1024));
    const onChainNonce = async (pair) => (await api.query.system.account(pair.address)).nonce.toNumber();
    const flood = [];
    const floodEnds = [];
    for (const flooder of flooders) {
      const nonce = (await api.rpc.system.accountNextIndex(flooder.address)).toNumber();
      floodEnds.push(nonce + 8);
      for (let index = 0; index < 8; index += 1) {
        const signed = await heavy().signAsync(flooder, { nonce: nonce + index });
        flood.push(api.rpc.author.submitExtrinsic(signed));
      }
    }
    // The pool takes the whole flood (a refusal would reject here).
    await Promise.all(flood);

    const ferdie = keyring.addFromUri('//Ferdie');
    const submittedAt = await bestNumber();
    const includedAt = await new Promise((resolve, reject) => {
      api.tx.balances.transferKeepAlive(keyring.addFromUri('//Eve').address, 1_000_000n)
        .signAndSend(ferdie, async ({ status }) => {
          if (status.isInBlock) resolve((await api.rpc.chain.getHeader(status.asInBlock)).number.toNumber());
        })
        .catch(reject);
    });
    assert.ok(includedAt <= submittedAt + 2, `submitted at #${submittedAt}, included in #${includedAt}`);
    // The flood is still being worked through: it was held, not dropped, and it waited.
    const included = await Promise.all(flooders.map(onChainNonce));
    assert.ok(included.some((nonce, index) => nonce < floodEnds[index]), 'flood transactions still wait');
  });
});
