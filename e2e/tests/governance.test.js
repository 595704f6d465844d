// Governance on a real `seoul-node --dev` (council: Alice, Bob, Charlie; enactment delay: 10
// blocks) with a stock @polkadot/api client: three quarters of the council reach Root through
// Enactment and the call runs after the delay, shown by `enactment_pending` until then; two
// thirds cannot; the council pauses a call and puts the chain in safe mode, and lifts both; and
// `validatorSet_status` shows the one validator at work and the chain's minimum.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { stringToHex } from '@polkadot/util';
import { SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import { connect, councilMotion, moduleError, rpc, startNode, submit, waitFor } from '../lib/node.js';

describe('governance', () => {
  let node;
  let api;
  let council;
  let twoThirds;
  let eve;
  let ferdie;

  before(async () => {
    node = await startNode(['--dev'], { name: 'governance' });
    api = await connect(node);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    council = ['//Alice', '//Bob', '//Charlie'].map((uri) => keyring.addFromUri(uri));
    twoThirds = council.slice(0, 2);
    [eve, ferdie] = ['//Eve', '//Ferdie'].map((uri) => keyring.addFromUri(uri));
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  const bestNumber = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  const transfer = () => api.tx.balances.transferKeepAlive(ferdie.address, 1_000_000n);

  test('three quarters of the council fix storage as Root, after the delay', async () => {
    const key = stringToHex(':seoul:e2e:fix');
    const value = stringToHex('repaired');
    const fix = api.tx.system.setStorage([[key, value]]);
    const delay = await rpc(node.rpcPort, 'enactment_delay');
    assert.equal(delay, 10);

    const motion = await councilMotion(api, api.tx.enactment.propose(fix), council);
    assert.ok(motion.result.isOk, `motion result ${motion.result.toString()}`);
    const proposed = motion.events.find((event) => api.events.enactment.Proposed.is(event));
    assert.ok(proposed, 'Enactment.Proposed event');
    const enactAt = proposed.data.enactAt.toNumber();

    const [pending] = await rpc(node.rpcPort, 'enactment_pending');
    assert.equal(pending.callHash, fix.method.hash.toHex());
    assert.equal(pending.call.pallet, 'System');
    assert.equal(pending.call.method, 'set_storage');
    assert.equal(pending.enactAt, enactAt);
    assert.equal(pending.enactAt - pending.proposedAt, delay);
    assert.equal((await api.rpc.state.getStorage(key)).toHex(), '0x', 'nothing before the delay');

    await waitFor(async () => (await bestNumber()) >= enactAt, { timeoutMs: 120_000, what: `block ${enactAt}` });
    const atEnactment = await api.at(await api.rpc.chain.getBlockHash(enactAt));
    const enacted = (await atEnactment.query.system.events())
      .map(({ event }) => event)
      .find((event) => api.events.enactment.Enacted.is(event));
    assert.ok(enacted, `Enactment.Enacted in block ${enactAt}`);
    assert.ok(enacted.data.result.isOk);
    assert.equal((await api.rpc.state.getStorage(key)).toHex(), value);
    assert.deepEqual(await rpc(node.rpcPort, 'enactment_pending'), []);
  });

  test("validatorSet_status shows Alice validating, within the development chain's minimum of one", async () => {
    const status = await rpc(node.rpcPort, 'validatorSet_status');
    assert.equal(status.minimum, 1);
    assert.equal(status.validators.length, 1);
    const [alice] = status.validators;
    assert.equal(alice.account, council[0].address);
    assert.equal(alice.inSet, true);
    assert.equal(alice.active, true);
    assert.equal(alice.hasKeys, true);
    assert.ok(alice.blocksThisSession > 0, 'Alice authored blocks this session');
    assert.equal(alice.silentSessions, 0);
    assert.equal(alice.reportedSilent, false);
    assert.deepEqual(alice.offences, { count: 0, lastSession: 0 });
  });

  test('two thirds of the council cannot reach Root', async () => {
    const upgrade = api.tx.system.authorizeUpgrade(`0x${'07'.repeat(32)}`);
    const motion = await councilMotion(api, api.tx.enactment.propose(upgrade), twoThirds);
    assert.ok(motion.result.isErr);
    assert.equal(moduleError(api.registry, motion.result.asErr), 'BadOrigin');
    assert.deepEqual(await rpc(node.rpcPort, 'enactment_pending'), []);
  });

  test('the council pauses a call and lifts the pause', async () => {
    const name = ['Balances', 'transfer_keep_alive'];
    const paused = await councilMotion(api, api.tx.txPause.pause(name), twoThirds);
    assert.ok(paused.result.isOk, `pause result ${paused.result.toString()}`);
    await assert.rejects(submit(transfer(), eve), /system\.CallFiltered/);
    const lifted = await councilMotion(api, api.tx.txPause.unpause(name), twoThirds);
    assert.ok(lifted.result.isOk);
    await submit(transfer(), eve);
  });

  test('safe mode stops members but not the council, which ends it', async () => {
    const entered = await councilMotion(api, api.tx.safeMode.forceEnter(), twoThirds);
    assert.ok(entered.result.isOk, `safe mode result ${entered.result.toString()}`);
    assert.ok((await api.query.safeMode.enteredUntil()).isSome);
    await assert.rejects(submit(transfer(), eve), /system\.CallFiltered/);
    const exited = await councilMotion(api, api.tx.safeMode.forceExit(), twoThirds);
    assert.ok(exited.result.isOk);
    await submit(transfer(), eve);
  });
});
