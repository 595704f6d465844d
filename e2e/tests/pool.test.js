// The transaction pool as a wallet meets it, on a real `seoul-node --dev` whose pool holds ten
// transactions, and so one that is not yet ready: a transaction the pool accepted and then
// dropped is banned, and the wallet (lib/wallet.js) signs it anew, which is then finalised once.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import {
  connect, eventData, startNode, submit, waitFor,
} from '../lib/node.js';
import { sendUntilIncluded } from '../lib/wallet.js';

describe('the transaction pool, as a wallet meets it', () => {
  let node;
  let api;
  let keyring;

  before(async () => {
    // The pool keeps a tenth of its limit for transactions waiting for an earlier nonce: one.
    // A development node bans for no time at all; a validator bans for 30 minutes.
    node = await startNode(['--dev', '--pool-limit', '10', '--tx-ban-seconds', '1800'], { name: 'pool' });
    api = await connect(node);
    keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  const nextNonce = async (pair) => (await api.rpc.system.accountNextIndex(pair.address)).toNumber();

  test('a dropped transaction is banned; its wallet signs it anew, and only the new one is finalised', async () => {
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    const eve = keyring.addFromUri('//Eve');
    const aliceNonce = await nextNonce(alice);
    const eveBefore = (await api.query.system.account(eve.address)).data.free.toBigInt();

    // Alice's wallet sends a transfer one nonce ahead: it waits in the pool for her next one.
    const seen = [];
    const sent = sendUntilIncluded(api, api.tx.balances.transferKeepAlive(eve.address, 7_000_000n), alice, {
      nonce: aliceNonce + 1,
      onStatus: (status, signed) => seen.push({ status: status.type, hash: signed.hash.toHex(), bytes: signed.toHex() }),
    });
    await waitFor(() => seen.some(({ status }) => status === 'Future'), { what: "Alice's transfer waiting in the pool" });

    // Bob's transaction, also one nonce ahead, arrives later in the same one-place queue: the
    // pool drops the older, Alice's, although it had accepted it.
    const bobWaits = await api.tx.system.remark('0x01').signAsync(bob, { nonce: (await nextNonce(bob)) + 1 });
    await api.rpc.author.submitExtrinsic(bobWaits);
    await waitFor(() => seen.some(({ status }) => status === 'Dropped'), { what: "Alice's transfer dropped" });
    const dropped = seen.find(({ status }) => status === 'Dropped');

    // The dropped bytes are banned: submitted again, by anyone, they are refused.
    await assert.rejects(api.rpc.author.submitExtrinsic(dropped.bytes), /1012: Transaction is temporarily banned/);

    // The wallet has signed the transfer anew, with the same nonce and other bytes; once Alice's
    // earlier nonce is used, it is finalised.
    await waitFor(() => seen.some(({ hash, status }) => hash !== dropped.hash && status === 'Future'), {
      timeoutMs: 30_000, what: 'the transfer signed anew and accepted',
    });
    await submit(api.tx.system.remark('0x02'), alice, { nonce: aliceNonce });
    const { events, resigns } = await sent;
    assert.equal(resigns, 1);
    const { to, amount } = eventData(api, events, 'balances', 'Transfer');
    assert.equal(to.toString(), eve.address);
    assert.equal(amount.toBigInt(), 7_000_000n);
    assert.equal(await nextNonce(alice), aliceNonce + 2, 'Alice signed two transactions, both included');
    const eveAfter = (await api.query.system.account(eve.address)).data.free.toBigInt();
    assert.equal(eveAfter - eveBefore, 7_000_000n, 'Eve was paid once');
  });
});
