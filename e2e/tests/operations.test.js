// Operating a live four-validator network (the local preset: sessions of 10 blocks, Root calls
// enacted 10 blocks after the council's motion, council Alice, Bob and Charlie, a minimum of two
// validators), as docs/OPERATORS.md §10 and §12 tell the city to:
// - the council upgrades the runtime through Enactment to the upgrade rehearsal's WASM
//   (`runtime/upgrade-rehearsal`: spec_version + 1 and a migration that records itself); blocks
//   and finality go on, a stock @polkadot/api client sees the new version and metadata and signs
//   for it, and the migration's record is read back;
// - then two of the four validators are lost: blocks go on but finality stops; the council
//   removes the two and enacts `Grandpa.note_stalled`, the next session forces the change to the
//   two left, and finality resumes without any finalised block changing.
// The times are printed (`operations measurements`) and recorded in docs/PERFORMANCE.md.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex, xxhashAsHex } from '@polkadot/util-crypto';
import { SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import {
  REHEARSAL_WASM, connect, councilMotion, eventData, startLocalNetwork, submit, waitFor,
} from '../lib/node.js';

/** Where the rehearsal's migration writes its record (`seoul_runtime::rehearsal::Record`). */
const REHEARSAL_RECORD_KEY = xxhashAsHex('UpgradeRehearsal', 128) + xxhashAsHex('Record', 128).slice(2);

describe('operating the four-validator network', () => {
  const nodes = {};
  const measurements = {};
  let api;
  let council;
  let eve;
  let ferdie;

  before(async () => {
    assert.ok(existsSync(REHEARSAL_WASM),
      `no rehearsal runtime at ${REHEARSAL_WASM}: cargo build --release -p seoul-runtime-upgrade-rehearsal`);
    Object.assign(nodes, (await startLocalNetwork({ name: 'operations' })).nodes);
    api = await connect(nodes.alice);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    council = ['//Alice', '//Bob', '//Charlie'].map((uri) => keyring.addFromUri(uri));
    [eve, ferdie] = ['//Eve', '//Ferdie'].map((uri) => keyring.addFromUri(uri));
  });

  after(async () => {
    await api?.disconnect();
    await Promise.all(Object.values(nodes).map((node) => node.stop()));
    console.log(`operations measurements ${JSON.stringify(measurements)}`);
  });

  const number = (header) => parseInt(header.number, 16);
  const best = async (node) => number(await node.call('chain_getHeader'));
  const finalized = async (node) => number(await node.call('chain_getHeader', [await node.call('chain_getFinalizedHead')]));
  const hashAt = (node, height) => node.call('chain_getBlockHash', [height]);
  const seconds = (since) => Math.round((Date.now() - since) / 100) / 10;
  const running = () => Object.values(nodes).filter((node) => node.child.exitCode === null && node.child.signalCode === null);

  /** Waits until the best block is `height`, then returns the events of that block. */
  async function eventsAt(height) {
    await waitFor(async () => (await best(nodes.alice)) >= height, { timeoutMs: 300_000, intervalMs: 2_000, what: `block ${height}` });
    const at = await api.at(await hashAt(nodes.alice, height));
    return (await at.query.system.events()).map(({ event }) => event);
  }

  /** Proposes `call` for Root through Enactment and waits until it is enacted; its block's events. */
  async function enact(call) {
    const motion = await councilMotion(api, api.tx.enactment.propose(call), council);
    assert.ok(motion.result.isOk, `motion result ${motion.result.toString()}`);
    const enactAt = eventData(api, motion.events, 'enactment', 'Proposed').enactAt.toNumber();
    const events = await eventsAt(enactAt);
    const enacted = events.find((event) => api.events.enactment.Enacted.is(event));
    assert.ok(enacted, `Enactment.Enacted in block ${enactAt}`);
    assert.ok(enacted.data.result.isOk, `enacted call ${enacted.data.result.toString()}`);
    return { enactAt, events };
  }

  test('the four validators author and finalise', async () => {
    await waitFor(async () => (await Promise.all(running().map(finalized))).every((height) => height >= 3), {
      timeoutMs: 180_000, intervalMs: 2_000, what: 'finality on every node',
    });
  });

  test('the council upgrades the runtime; blocks and finality go on and a stock client follows', async () => {
    const code = readFileSync(REHEARSAL_WASM);
    const from = api.runtimeVersion.specVersion.toNumber();
    assert.equal((await api.rpc.state.getStorage(REHEARSAL_RECORD_KEY)).toHex(), '0x', 'no record before');

    const started = Date.now();
    const { events } = await enact(api.tx.system.authorizeUpgrade(blake2AsHex(code, 256)));
    assert.ok(events.some((event) => api.events.system.UpgradeAuthorized.is(event)), 'System.UpgradeAuthorized');

    // Anyone submits the authorised code, unsigned: the motion carried only its hash.
    const appliedIn = await new Promise((resolve, reject) => {
      api.rpc.author.submitAndWatchExtrinsic(api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), (status) => {
        if (status.isInBlock) resolve(status.asInBlock);
        else if (status.isInvalid || status.isDropped || status.isUsurped) reject(new Error(`upgrade ${status.type}`));
      }).catch(reject);
    });
    const upgradedAt = (await api.rpc.chain.getHeader(appliedIn)).number.toNumber();

    await waitFor(() => api.runtimeVersion.specVersion.toNumber() === from + 1, {
      timeoutMs: 120_000, what: `the client to see spec_version ${from + 1}`,
    });
    measurements.upgradeSeconds = seconds(started);
    // The block's events, read by a client connected since: @polkadot/api 16.5.6 swaps its
    // metadata in place when the version changes, and a read of the upgrade block's events in
    // flight at that moment fails to decode (seen in CI). A client that starts afresh decodes
    // them with the runtime of the block's parent, which ran it.
    const reader = await connect(nodes.bob);
    try {
      const applied = (await (await reader.at(appliedIn)).query.system.events()).map(({ event }) => event);
      assert.ok(applied.some((event) => reader.events.system.CodeUpdated.is(event)), 'System.CodeUpdated');
    } finally {
      await reader.disconnect();
    }
    // The version comes from the new runtime, the constant from its metadata, fetched anew.
    assert.equal(api.consts.system.version.specVersion.toNumber(), from + 1);
    // The block that set the code already reports the new version; the new runtime first runs,
    // its migrations first, in the block after it.
    await eventsAt(upgradedAt + 1);
    const firstBlock = await hashAt(nodes.alice, upgradedAt + 1);
    const lastUpgrade = (await (await api.at(firstBlock)).query.system.lastRuntimeUpgrade()).unwrap();
    assert.equal(lastUpgrade.specVersion.toNumber(), from + 1);

    // The migration ran as that block started, and recorded the block that set the code.
    const record = hexToU8a((await api.rpc.state.getStorage(REHEARSAL_RECORD_KEY, firstBlock)).toHex());
    assert.equal(record.length, 12, 'spec_version, block and validators, SCALE-encoded');
    const view = new DataView(record.buffer, record.byteOffset);
    assert.deepEqual(
      { specVersion: view.getUint32(0, true), codeSetIn: view.getUint32(4, true), validators: view.getUint32(8, true) },
      { specVersion: from + 1, codeSetIn: upgradedAt, validators: 4 },
    );

    // Every validator runs it, finalises past it, and a signed transaction of the new version lands.
    for (const node of running()) {
      assert.equal((await node.call('state_getRuntimeVersion')).specVersion, from + 1, `${node.name}'s runtime`);
    }
    await submit(api.tx.balances.transferKeepAlive(ferdie.address, 1_000_000n), eve);
    await waitFor(async () => (await Promise.all(running().map(finalized))).every((height) => height >= upgradedAt + 3), {
      timeoutMs: 120_000, intervalMs: 2_000, what: 'finality past the upgrade on every node',
    });
    const upgradeHash = await hashAt(nodes.alice, upgradedAt);
    for (const node of running()) assert.equal(await hashAt(node, upgradedAt), upgradeHash);
  });

  test('two of four validators lost: the council recovers finality through note_stalled', async () => {
    await Promise.all([nodes.charlie.stop(), nodes.dave.stop()]);
    const lost = Date.now();
    // Let the votes in flight settle, then watch finality stand still while blocks go on.
    const settled = (await best(nodes.alice)) + 3;
    await waitFor(async () => (await best(nodes.alice)) >= settled, { timeoutMs: 120_000, intervalMs: 2_000, what: `block ${settled}` });
    const stalled = await finalized(nodes.alice);
    const stalledHash = await hashAt(nodes.alice, stalled);
    const watchUntil = (await best(nodes.alice)) + 3;
    await waitFor(async () => (await best(nodes.alice)) >= watchUntil, { timeoutMs: 120_000, intervalMs: 2_000, what: `block ${watchUntil}` });
    assert.equal(await finalized(nodes.alice), stalled, 'two of four cannot finalise');
    assert.equal(await finalized(nodes.bob), stalled);

    // The council removes the two lost validators (the local minimum is two).
    const [, , charlie] = council;
    const dave = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX }).addFromUri('//Dave');
    const removal = await councilMotion(api, api.tx.utility.batchAll([
      api.tx.validatorSet.removeValidator(charlie.address),
      api.tx.validatorSet.removeValidator(dave.address),
    ]), council);
    assert.ok(removal.result.isOk, `removal ${removal.result.toString()}`);
    assert.equal(removal.events.filter((event) => api.events.validatorSet.ValidatorRemoved.is(event)).length, 2);
    const removedIn = (await api.query.session.currentIndex()).toNumber();

    // The smaller set is queued at the next session and active from the one after: GRANDPA's
    // change to it is a standard one, which needs the finality it is to repair. The council
    // enacts `note_stalled` once the set is queued, so that the session making it active forces
    // the change instead, from the last block finalised.
    await waitFor(async () => (await api.query.session.currentIndex()).toNumber() > removedIn, {
      timeoutMs: 300_000, intervalMs: 2_000, what: 'the next session',
    });
    const forcedDelay = 5;
    const { enactAt } = await enact(api.tx.grandpa.noteStalled(forcedDelay, stalled));
    const enacted = Date.now();
    const atEnactment = await api.at(await hashAt(nodes.alice, enactAt));
    assert.ok((await atEnactment.query.grandpa.stalled()).isSome, 'Grandpa.Stalled noted');

    await waitFor(async () => (await finalized(nodes.alice)) > enactAt, {
      timeoutMs: 480_000, intervalMs: 2_000, what: 'finality to resume',
    });
    measurements.stallRecoveredSecondsAfterEnactment = seconds(enacted);
    measurements.stallRecoveredSecondsAfterLoss = seconds(lost);
    await waitFor(async () => (await finalized(nodes.bob)) > enactAt, {
      timeoutMs: 120_000, intervalMs: 2_000, what: 'finality on Bob',
    });

    const validators = (await api.query.session.validators()).map((v) => v.toString()).sort();
    assert.deepEqual(validators, [council[0].address, council[1].address].sort());
    assert.equal((await api.query.grandpa.authorities()).length, 2);
    // No finalised block was lost or replaced: what was final before the loss still is, on both.
    assert.equal(await hashAt(nodes.alice, stalled), stalledHash);
    assert.equal(await hashAt(nodes.bob, stalled), stalledHash);
    const now = await finalized(nodes.bob);
    assert.equal(await hashAt(nodes.alice, now), await hashAt(nodes.bob, now));
  });
});
