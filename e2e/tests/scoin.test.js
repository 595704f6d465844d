// S-coin against `seoul-node --dev` with a stock @polkadot/api client: the city opens a reward
// programme, its agency rewards a citizen once per receipt, the citizen pays a ZeroPay merchant
// by a QR payload that bin/scoin-qr.js makes, the merchant settles in won, the RPC reads and the
// supply ledger agree with the chain, and the city pays every citizen once by a distribution.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import {
  connect, eventData as palletEventData, rpc, startNode, submit, sudo, waitFor,
} from '../lib/node.js';
import { makePaymentRequest, parsePayload, payCall, scnToPlanck, verifyPayload } from 'seoul-chain-tools/lib/scoin.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCN = scnToPlanck('1');
const PROGRAMME = {
  name: 'Property tax e-payment 2026',
  category: 'TaxPayment',
  /** How the RPC shows the category: lower camel case, as `citizens_member` shows kinds. */
  categoryJson: 'taxPayment',
  budget: 1_000n * SCN,
  reward: 5n * SCN,
  capPerPeriod: 10n * SCN,
  period: 100,
  length: 10_000,
};
const ZEROPAY_ID = 'ZP-1100-0001';
/** ISO 18245: eating places and restaurants. */
const MCC_RESTAURANTS = 5812;
/** What the merchant settles: less than it was paid, so that its account stays alive. */
const SETTLED = 10n * SCN;

describe('S-coin', () => {
  let node;
  let api;
  let genesisHash;
  let alice;
  let bob;
  let charlie;
  let dave;
  let ferdie;
  let merchant;
  // Carried from step to step: the steps run in order on one chain.
  let programme;

  before(async () => {
    node = await startNode(['--dev'], { name: 'scoin' });
    api = await connect(node);
    genesisHash = api.genesisHash.toHex();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    [alice, bob, charlie, dave, ferdie, merchant] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Ferdie', '//SeoulMerchant']
      .map((uri) => keyring.addFromUri(uri));
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  const bestNumber = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  const blockNumberOf = async (hash) => (await api.rpc.chain.getHeader(hash)).number.toNumber();
  const freeOf = async (address) => (await api.query.system.account(address)).data.free.toBigInt();
  const totalIssuance = async () => (await api.query.balances.totalIssuance()).toBigInt();

  /** The fields of the `sCoin.<name>` event among `events`, which must be there. */
  const eventData = (events, name) => palletEventData(api, events, 'sCoin', name);

  /** The `scoin_programme` view of the test's programme once it issued `issued`. */
  const programmeView = (issued) => ({
    id: programme.id,
    name: PROGRAMME.name,
    agency: bob.address,
    category: PROGRAMME.categoryJson,
    budget: PROGRAMME.budget.toString(),
    issued: issued.toString(),
    budgetLeft: (PROGRAMME.budget - issued).toString(),
    reward: { fixed: PROGRAMME.reward.toString() },
    capPerPeriod: PROGRAMME.capPerPeriod.toString(),
    period: PROGRAMME.period,
    start: programme.start,
    end: programme.end,
    status: 'active',
  });

  test('the city opens a reward programme and appoints its agency as issuer', async () => {
    const start = await bestNumber();
    const end = start + PROGRAMME.length;
    const { events } = await sudo(api, api.tx.sCoin.createProgramme(
      PROGRAMME.name, bob.address, PROGRAMME.category, PROGRAMME.budget, { Fixed: PROGRAMME.reward },
      PROGRAMME.capPerPeriod, PROGRAMME.period, start, end,
    ), alice);
    const created = eventData(events, 'ProgrammeCreated');
    assert.equal(created.programme.toNumber(), 0, 'programme ids start at 0');
    assert.equal(created.agency.toString(), bob.address);
    assert.equal(created.category.toString(), PROGRAMME.category);
    assert.equal(created.budget.toBigInt(), PROGRAMME.budget);
    programme = { id: 0, start, end };
    assert.deepEqual(await rpc(node.rpcPort, 'scoin_programme', [programme.id]), programmeView(0n));

    const added = eventData((await sudo(api, api.tx.sCoin.addRewardIssuer(programme.id, bob.address), alice)).events, 'RewardIssuerAdded');
    assert.equal(added.programme.toNumber(), programme.id);
    assert.equal(added.issuer.toString(), bob.address);
  });

  test('the issuer rewards a citizen, and the same receipt never twice', async () => {
    const receipt = blake2AsHex('seoul-tax:e-payment:2026:property:0001234');
    const entry = { citizen: dave.address, receipt, amount: PROGRAMME.reward };
    const daveBefore = await freeOf(dave.address);
    const issuanceBefore = await totalIssuance();
    const { events } = await submit(api.tx.sCoin.reward(programme.id, entry), bob);
    const rewarded = eventData(events, 'Rewarded');
    assert.equal(rewarded.programme.toNumber(), programme.id);
    assert.equal(rewarded.citizen.toString(), dave.address);
    assert.equal(rewarded.receipt.toHex(), receipt);
    assert.equal(rewarded.amount.toBigInt(), PROGRAMME.reward);
    assert.equal((await freeOf(dave.address)) - daveBefore, PROGRAMME.reward);
    assert.equal((await totalIssuance()) - issuanceBefore, PROGRAMME.reward, 'rewards are minted');

    await assert.rejects(submit(api.tx.sCoin.reward(programme.id, entry), bob), /sCoin\.DuplicateReceipt$/);
    assert.equal((await freeOf(dave.address)) - daveBefore, PROGRAMME.reward, 'no second reward');
    assert.equal((await totalIssuance()) - issuanceBefore, PROGRAMME.reward);
  });

  test('the RPC shows the programme and the citizen\'s standing within the cap', async () => {
    assert.deepEqual(await rpc(node.rpcPort, 'scoin_programme', [programme.id]), programmeView(PROGRAMME.reward));
    assert.ok((await bestNumber()) < programme.start + PROGRAMME.period, 'still in the first period');
    const nextPeriodStarts = programme.start + PROGRAMME.period;
    assert.deepEqual(await rpc(node.rpcPort, 'scoin_standing', [programme.id, dave.address]), {
      period: 0,
      nextPeriodStarts,
      earned: PROGRAMME.reward.toString(),
      capLeft: (PROGRAMME.capPerPeriod - PROGRAMME.reward).toString(),
    });
    assert.deepEqual(await rpc(node.rpcPort, 'scoin_standing', [programme.id, ferdie.address]), {
      period: 0,
      nextPeriodStarts,
      earned: '0',
      capLeft: PROGRAMME.capPerPeriod.toString(),
    });
  });

  test('the city registers a merchant, which registers its ZeroPay id', async () => {
    const evidence = blake2AsHex(`salt:${merchant.address}:business registration checked by the city`);
    // Organisations are the city's alone (a council motion; sudo on the dev chain).
    const { events: registration } = await sudo(
      api,
      api.tx.citizens.register(merchant.address, 'Merchant', ['Merchant'], evidence, { Sr25519: u8aToHex(merchant.publicKey) }),
      alice,
    );
    assert.ok(registration.some((event) => api.events.citizens.MemberRegistered.is(event)));
    const { blockHash, events } = await submit(api.tx.sCoin.registerMerchant(ZEROPAY_ID, MCC_RESTAURANTS), merchant);
    const registered = eventData(events, 'MerchantRegistered');
    assert.equal(registered.merchant.toString(), merchant.address);
    assert.equal(registered.zeropayId.toUtf8(), ZEROPAY_ID);
    assert.equal(registered.category.toNumber(), MCC_RESTAURANTS);
    // What a wallet shows the payer before it pays.
    const profile = (await api.query.sCoin.merchants(merchant.address)).unwrap();
    assert.equal(profile.zeropayId.toUtf8(), ZEROPAY_ID);
    assert.equal(profile.category.toNumber(), MCC_RESTAURANTS);
    assert.equal(profile.registeredAt.toNumber(), await blockNumberOf(blockHash));
  });

  test('a citizen pays the merchant\'s QR payload once; a tampered one is refused', async () => {
    const bestBefore = await bestNumber();
    const { stdout } = await promisify(execFile)(process.execPath, [
      path.join(repoRoot, 'tools/bin/scoin-qr.js'), 'make', '--merchant', '//SeoulMerchant', '--amount', '12.5',
      '--order', 'TABLE-7-0001', '--ws', node.url,
    ]);
    const parsed = parsePayload(stdout.split('\n')[0]);
    const { request } = parsed;
    assert.equal(request.merchant, merchant.address);
    assert.equal(request.amount, scnToPlanck('12.5'));
    assert.ok(request.expiry >= bestBefore + 100 && request.expiry <= (await bestNumber()) + 100, `expiry ${request.expiry}`);
    assert.equal(verifyPayload(genesisHash, parsed), true, 'the wallet checks the signature before showing the payment');

    const merchantBefore = await freeOf(merchant.address);
    const daveBefore = await freeOf(dave.address);
    const tampered = { ...parsed, request: { ...request, amount: request.amount + 1n } };
    await assert.rejects(submit(payCall(api, tampered), dave), /sCoin\.BadSignature$/);
    assert.equal(await freeOf(merchant.address), merchantBefore);

    const { events } = await submit(payCall(api, parsed), dave);
    const paid = eventData(events, 'Paid');
    assert.equal(paid.merchant.toString(), merchant.address);
    assert.equal(paid.payer.toString(), dave.address);
    assert.equal(paid.amount.toBigInt(), request.amount);
    assert.equal(paid.orderReference.toUtf8(), 'TABLE-7-0001');
    assert.equal(paid.nonce.toBigInt(), request.nonce);
    assert.equal((await freeOf(merchant.address)) - merchantBefore, request.amount);
    assert.equal(daveBefore - (await freeOf(dave.address)), request.amount, 'no fee on top');

    await assert.rejects(submit(payCall(api, parsed), dave), /sCoin\.AlreadyPaid$/);
    assert.equal((await freeOf(merchant.address)) - merchantBefore, request.amount, 'paid once');
    assert.equal(daveBefore - (await freeOf(dave.address)), request.amount);
  });

  test('an order reference that reads as hex is paid as the text the merchant signed', async () => {
    const { uri } = makePaymentRequest({
      genesisHash, merchant, amount: scnToPlanck('0.75'), orderReference: '0x2026', expiry: (await bestNumber()) + 20,
    });
    const { events } = await submit(payCall(api, parsePayload(uri)), dave);
    assert.equal(eventData(events, 'Paid').orderReference.toUtf8(), '0x2026');
  });

  test('the merchant settles: the S-coins are burned and a settlement agent confirms the bank transfer', async () => {
    const merchantBefore = await freeOf(merchant.address);
    const requested = await submit(api.tx.sCoin.requestSettlement(SETTLED), merchant);
    const request = eventData(requested.events, 'SettlementRequested');
    assert.equal(request.settlement.toNumber(), 0, 'settlement ids start at 0');
    assert.equal(request.merchant.toString(), merchant.address);
    assert.equal(request.amount.toBigInt(), SETTLED);
    assert.equal(merchantBefore - (await freeOf(merchant.address)), SETTLED, 'burned when requested');
    const requestedAt = await blockNumberOf(requested.blockHash);

    assert.deepEqual(await rpc(node.rpcPort, 'scoin_settlements', [merchant.address]), {
      settlements: [{ id: 0, merchant: merchant.address, amount: SETTLED.toString(), requestedAt, status: 'pending' }],
      next: null,
    });

    const bankReferenceHash = blake2AsHex('city-bank:transfer:2026-11-23:000042');
    const confirmed = await submit(api.tx.sCoin.confirmSettlement(0, bankReferenceHash), charlie);
    const confirmation = eventData(confirmed.events, 'SettlementConfirmed');
    assert.equal(confirmation.settlement.toNumber(), 0);
    assert.equal(confirmation.merchant.toString(), merchant.address);
    assert.equal(confirmation.amount.toBigInt(), SETTLED);
    assert.equal(confirmation.bankReferenceHash.toHex(), bankReferenceHash);
    assert.equal(confirmation.agent.toString(), charlie.address);
    assert.deepEqual(await rpc(node.rpcPort, 'scoin_settlements', [merchant.address, null, 10]), {
      settlements: [{
        id: 0,
        merchant: merchant.address,
        amount: SETTLED.toString(),
        requestedAt,
        status: 'settled',
        bankReferenceHash,
        agent: charlie.address,
        settledAt: await blockNumberOf(confirmed.blockHash),
      }],
      next: null,
    });
  });

  test('the supply ledger accounts for every planck since genesis', async () => {
    const supply = await rpc(node.rpcPort, 'scoin_supply');
    const total = await totalIssuance();
    const atGenesis = (await (await api.at(genesisHash)).query.balances.totalIssuance()).toBigInt();
    assert.deepEqual(supply, {
      genesis: atGenesis.toString(),
      minted: PROGRAMME.reward.toString(),
      burnedInSettlement: SETTLED.toString(),
      burnedInRedemption: '0',
      burnedOtherwise: '0',
      expectedIssuance: total.toString(),
      totalIssuance: total.toString(),
    });
    assert.equal(atGenesis + PROGRAMME.reward - SETTLED, total);
  });

  test('the city pays every citizen once by a distribution, which the RPC shows completed', async () => {
    const citizens = (await api.query.citizens.activeMembers('Citizen')).toNumber();
    const daveBefore = await freeOf(dave.address);
    const bobBefore = await freeOf(bob.address);
    const { events, blockHash } = await sudo(api, api.tx.sCoin.scheduleDistribution(programme.id, PROGRAMME.reward), alice);
    const scheduled = eventData(events, 'DistributionScheduled');
    const id = scheduled.distribution.toNumber();
    assert.equal(scheduled.amount.toBigInt(), PROGRAMME.reward);
    let view;
    await waitFor(async () => {
      view = await rpc(node.rpcPort, 'scoin_distribution', [id]);
      return view.status === 'completed';
    }, { timeoutMs: 60_000, intervalMs: 1_000, what: 'the distribution to complete' });
    const scheduledAt = await blockNumberOf(blockHash);
    assert.deepEqual(view, {
      id,
      programme: programme.id,
      amount: PROGRAMME.reward.toString(),
      scheduledAt,
      paid: citizens,
      total: (PROGRAMME.reward * BigInt(citizens)).toString(),
      status: 'completed',
      endedAt: view.endedAt,
    });
    assert.ok(view.endedAt >= scheduledAt);
    assert.equal((await freeOf(dave.address)) - daveBefore, PROGRAMME.reward, 'a citizen is paid once');
    assert.equal(await freeOf(bob.address), bobBefore, 'an agency is not a citizen');
    assert.equal(await rpc(node.rpcPort, 'scoin_distribution', [id + 1]), null);
  });
});
