// `seoul-node --dev` driven by a stock @polkadot/api client: blocks, chain properties,
// metadata, a transfer and a City Council motion, with every event decoded.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { connect, councilMotion, finalizedNumber, rpc, startNode, submit, waitFor } from '../lib/node.js';

const SS58_PREFIX = 8282;
const PALLETS = [
  'System', 'Timestamp', 'Balances', 'TransactionPayment', 'ValidatorSet', 'Session', 'Aura',
  'Grandpa', 'NodeAuthorization', 'Council', 'CouncilMembership', 'Utility', 'Sudo', 'Citizens',
  'SCoin', 'Credentials', 'Labor', 'Preimage', 'Scheduler', 'Enactment', 'TxPause', 'SafeMode',
  'Authorship', 'Historical', 'Offences', 'Consents', 'Donations',
];
/** The pallets of this repository, which document themselves in the metadata. */
const OUR_PALLETS = ['NodeAuthorization', 'ValidatorSet', 'Citizens', 'SCoin', 'Credentials', 'Labor', 'Enactment', 'Consents', 'Donations'];

describe('development chain', () => {
  let node;
  let api;
  let keyring;
  const touchedBlocks = [];

  before(async () => {
    node = await startNode(['--dev'], { name: 'dev' });
    api = await connect(node);
    keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  test('produces and finalises blocks', async () => {
    await waitFor(async () => (await finalizedNumber(api)) >= 2, { timeoutMs: 90_000, what: 'block #2 finalised' });
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    assert.ok(best >= 2, `best block ${best}`);
  });

  test('system_properties has the symbol, decimals and address prefix', async () => {
    const properties = await rpc(node.rpcPort, 'system_properties');
    assert.deepEqual(properties, { ss58Format: SS58_PREFIX, tokenDecimals: 6, tokenSymbol: 'SCN' });
    assert.equal(api.consts.system.ss58Prefix.toNumber(), SS58_PREFIX);
    assert.equal(api.registry.chainSS58, SS58_PREFIX);
  });

  test('the metadata lists the pallets and documents every item', async () => {
    const metadata = api.runtimeMetadata.asLatest;
    assert.deepEqual(metadata.pallets.map((pallet) => pallet.name.toString()), PALLETS);
    const undocumented = [];
    const variants = (pallet, kind, type) => {
      if (type.isNone) return;
      for (const variant of api.registry.lookup.getSiType(type.unwrap().type).def.asVariant.variants) {
        if (!variant.docs.length) undocumented.push(`${pallet.name} ${kind} ${variant.name}`);
      }
    };
    for (const pallet of metadata.pallets) {
      if (!pallet.docs.length) undocumented.push(`${pallet.name} pallet`);
      variants(pallet, 'call', pallet.calls);
      variants(pallet, 'event', pallet.events);
      variants(pallet, 'error', pallet.errors);
      for (const item of pallet.storage.isSome ? pallet.storage.unwrap().items : []) {
        if (!item.docs.length) undocumented.push(`${pallet.name} storage ${item.name}`);
      }
      for (const constant of pallet.constants) {
        if (!constant.docs.length) undocumented.push(`${pallet.name} constant ${constant.name}`);
      }
    }
    // polkadot-sdk's own pallets carry no pallet-level docs in the metadata (the runtime cannot
    // add them), and four of their items have none; everything else, and all of our pallets, is
    // documented.
    const upstreamGaps = [
      ...PALLETS.filter((name) => !OUR_PALLETS.includes(name)).map((name) => `${name} pallet`),
      'TransactionPayment storage NextFeeMultiplier',
      'TransactionPayment storage StorageVersion',
      'Preimage storage PreimageFor',
      'TxPause error NotFound',
    ];
    assert.deepEqual(undocumented.sort(), upstreamGaps.sort());
  });

  test('a stock signer transfers S-coins', async () => {
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    const before = (await api.query.system.account(bob.address)).data.free.toBigInt();
    const amount = 12_345_000n; // 12.345 SCN
    const { blockHash, events } = await submit(api.tx.balances.transferKeepAlive(bob.address, amount), alice);
    touchedBlocks.push(blockHash);
    const transfer = events.find((event) => api.events.balances.Transfer.is(event));
    assert.ok(transfer, 'Balances.Transfer event');
    assert.equal(transfer.data.from.toString(), alice.address);
    assert.equal(transfer.data.to.toString(), bob.address);
    assert.equal(transfer.data.amount.toBigInt(), amount);
    const fee = events.find((event) => api.events.transactionPayment.TransactionFeePaid.is(event));
    assert.equal(fee.data.actualFee.toBigInt(), 0n, 'members transact without fees');
    const after = (await api.query.system.account(bob.address)).data.free.toBigInt();
    assert.equal(after - before, amount);
  });

  test('an operator registers session keys it proves it owns', async () => {
    const eve = keyring.addFromUri('//Eve');
    const generated = await rpc(node.rpcPort, 'author_rotateKeysWithOwner', [u8aToHex(eve.publicKey)]);
    const { blockHash } = await submit(api.tx.session.setKeys(generated.keys, generated.proof), eve);
    touchedBlocks.push(blockHash);
    const stored = await api.query.session.nextKeys(eve.address);
    assert.ok(stored.isSome);
    assert.equal(stored.unwrap().toHex(), generated.keys);
    await assert.rejects(
      submit(api.tx.session.setKeys(generated.keys, '0x00'), keyring.addFromUri('//Ferdie')),
      /session\.InvalidProof/,
    );
  });

  test('a City Council motion carried by two of three members executes', async () => {
    const [alice, bob] = ['//Alice', '//Bob'].map((uri) => keyring.addFromUri(uri));
    const owner = keyring.addFromUri('//Ferdie');
    const peerId = `0x${'07'.repeat(38)}`;
    const proposal = api.tx.nodeAuthorization.addWellKnownNode(peerId, owner.address);
    const motion = await councilMotion(api, proposal, [alice, bob]);
    touchedBlocks.push(...motion.blockHashes);
    assert.ok(motion.result.isOk, `motion result ${motion.result.toString()}`);
    assert.ok(motion.events.some((event) => api.events.nodeAuthorization.NodeAdded.is(event)));
    const wellKnown = await api.query.nodeAuthorization.wellKnownNodes();
    assert.ok([...wellKnown].map((node) => node.toHex()).includes(peerId));
  });

  test('a signed account that is not the council gets BadOrigin', async () => {
    const ferdie = keyring.addFromUri('//Ferdie');
    await assert.rejects(submit(api.tx.validatorSet.removeValidator(ferdie.address), ferdie), /BadOrigin/);
  });

  test('every event of those blocks decodes with the stock types', async () => {
    assert.ok(touchedBlocks.length >= 5);
    for (const hash of touchedBlocks) {
      const events = await (await api.at(hash)).query.system.events();
      assert.ok(events.length > 0);
      const sections = PALLETS.map((name) => name[0].toLowerCase() + name.slice(1));
      for (const { event } of events) {
        assert.ok(sections.includes(event.section), `${event.section}.${event.method} is one of our pallets' events`);
        assert.ok(event.meta.docs.length > 0, `${event.section}.${event.method} is documented`);
      }
      assert.ok(events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)));
    }
  });
});
