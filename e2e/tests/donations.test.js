// A whole donation campaign against `seoul-node --dev` with a stock @polkadot/api client: the
// city registers a charity (a registrar alone may not) and sets a short cooling-off; the charity
// registers its number and opens two campaigns reviewed by an agency; citizens give S-coin, held
// in escrow on the pallet's account with no coin minted, and one withdraws within the
// cooling-off; the charity records a won donation its donor confirms; once closed, the reviewer
// releases a milestone of one campaign and the charity reports its spending; the other,
// all-or-nothing and below its goal, is closed by a stranger and refunded in the blocks' idle
// time; the charity cancels the first; receipts are issued and exported to JSON.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { SS58_PREFIX, didOf } from 'seoul-chain-tools/lib/citizens.js';
import { PLANCK_PER_SCN } from 'seoul-chain-tools/lib/scoin.js';
import {
  connect, eventData as palletEventData, rpc, runTool, startNode, submit, sudo, waitFor,
} from '../lib/node.js';

const EXPORT_TOOL = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../tools/bin/donation-receipts.js');
const scn = (coins) => BigInt(coins) * PLANCK_PER_SCN;
/** Won, in the same unit as S-coin: a millionth (1 SCN = 1 won). */
const won = scn;
/** The charity's registration number, 124-81-00998, check digit included. */
const REGISTRATION = '1248100998';
const BANK_REFERENCE_HASH = blake2AsHex('KB 2026-11-28 transfer 000123');
/** The year in Korea at `unixMs`, as the chain dates receipts. */
const koreanYear = (unixMs) => new Date(unixMs + 9 * 3_600_000).getUTCFullYear();

describe('donations', () => {
  let node;
  let api;
  let alice;
  let bob;
  let charlie;
  let dave;
  let eve;
  let ferdie;
  let charity;
  // Carried from step to step: the steps run in order on one chain.
  let allOrNothing;
  let keep;
  let issuance;

  before(async () => {
    node = await startNode(['--dev'], { name: 'donations' });
    api = await connect(node);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    // Alice is sudo and a registrar; Bob and Charlie agencies; Dave, Eve and Ferdie citizens.
    [alice, bob, charlie, dave, eve, ferdie, charity] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie', '//SeoulCharity']
      .map((uri) => keyring.addFromUri(uri));
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  const eventData = (events, name) => palletEventData(api, events, 'donations', name);
  const chainTime = async () => (await api.query.timestamp.now()).toNumber();
  const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
  const campaign = (id) => rpc(node.rpcPort, 'donations_campaign', [id]);
  const totalIssuance = async () => (await api.query.balances.totalIssuance()).toBigInt();
  /** Waits until `id`'s deadline and the cooling-off of its last donation have passed. */
  const waitUntilClosable = async (id) => {
    const { deadline, withdrawalsEnd } = await campaign(id);
    const closable = Math.max(deadline, withdrawalsEnd);
    await waitFor(async () => (await chainTime()) >= closable, { timeoutMs: 180_000, what: `campaign ${id}'s deadline and cooling-off` });
  };

  test('the city registers a charity, which registers its number and opens two campaigns', async () => {
    const evidence = blake2AsHex(`salt:${charity.address}:charity papers checked`);
    const register = () => api.tx.citizens.register(
      charity.address, 'Charity', ['Charity'], evidence, { Sr25519: u8aToHex(charity.publicKey) },
    );
    await assert.rejects(submit(register(), alice), /citizens\.CityOnly$/, 'organisations are the city\'s to register');
    await sudo(api, register(), alice);
    await assert.rejects(
      submit(api.tx.donations.registerCharity('1248100997', 'General'), charity),
      /donations\.BadRegistrationNumber$/,
    );
    await submit(api.tx.donations.registerCharity(REGISTRATION, 'General'), charity);
    // A minute's cooling-off, so that the campaigns close within the test.
    await sudo(api, api.tx.donations.setCoolingOff(60_000), alice);
    assert.deepEqual(await rpc(node.rpcPort, 'donations_charity', [charity.address]), {
      registration: '124-81-00998', donationType: 'general', donationTypeCode: 40,
    });

    const now = await chainTime();
    const open = (goal, deadline, mode, steps) => submit(api.tx.donations.openCampaign(
      scn(goal), deadline, mode, { Agency: bob.address }, blake2AsHex(`campaign: ${mode}`),
      steps.map((amount, n) => [scn(amount), blake2AsHex(`milestone ${n}`)]),
    ), charity);
    // A charity may not review itself, and the plan adds up to the goal.
    await assert.rejects(submit(api.tx.donations.openCampaign(
      scn(100), now + 60_000, 'KeepWhatIsRaised', { Agency: charity.address }, blake2AsHex('x'), [[scn(100), blake2AsHex('m')]],
    ), charity), /donations\.BadReviewer$/);
    await assert.rejects(open(1_000, now + 60_000, 'AllOrNothing', [600, 300]), /donations\.BadPlan$/);
    // A citizen opens nothing.
    await assert.rejects(submit(api.tx.donations.openCampaign(
      scn(100), now + 60_000, 'KeepWhatIsRaised', { Agency: bob.address }, blake2AsHex('x'), [[scn(100), blake2AsHex('m')]],
    ), dave), /donations\.NotCharity$/);

    const deadline = (await chainTime()) + 100_000;
    const first = await open(1_000, deadline, 'AllOrNothing', [600, 400]);
    allOrNothing = eventData(first.events, 'CampaignOpened').campaign.toNumber();
    const second = await open(500, deadline, 'KeepWhatIsRaised', [500]);
    keep = eventData(second.events, 'CampaignOpened').campaign.toNumber();
    await assert.rejects(submit(api.tx.donations.closeCampaign(allOrNothing), ferdie), /donations\.StillFundraising$/);
    assert.deepEqual([allOrNothing, keep], [0, 1]);
    const shown = await campaign(allOrNothing);
    assert.equal(shown.status, 'fundraising');
    assert.equal(shown.mode, 'allOrNothing');
    assert.equal(shown.reviewer, bob.address);
    assert.equal(shown.goal, scn(1_000).toString());
    assert.deepEqual(shown.milestones.map((step) => [step.amount, step.state]), [[scn(600).toString(), 'pending'], [scn(400).toString(), 'pending']]);
  });

  test('citizens give S-coin into escrow, nothing is minted, and one withdraws within the cooling-off', async () => {
    issuance = await totalIssuance();
    const before = { dave: await free(dave), ferdie: await free(ferdie) };
    const given = await submit(api.tx.donations.donate(allOrNothing, scn(700)), dave);
    const data = eventData(given.events, 'Donated');
    assert.equal(data.amount.toBigInt(), scn(700));
    await submit(api.tx.donations.donate(allOrNothing, scn(200)), eve);
    const ferdies = await submit(api.tx.donations.donate(allOrNothing, scn(100)), ferdie);
    const ferdiesDonation = eventData(ferdies.events, 'Donated').donation.toNumber();
    assert.equal(await free(dave), before.dave - scn(700));
    assert.equal((await campaign(allOrNothing)).held, scn(1_000).toString());

    const withdrawn = await submit(api.tx.donations.withdrawDonation(ferdiesDonation), ferdie);
    assert.equal(eventData(withdrawn.events, 'DonationWithdrawn').amount.toBigInt(), scn(100));
    assert.equal(await free(ferdie), before.ferdie);
    await assert.rejects(submit(api.tx.donations.withdrawDonation(ferdiesDonation), ferdie), /donations\.NotWithdrawable$/);
    await assert.rejects(submit(api.tx.donations.withdrawDonation(0), eve), /donations\.NotDonor$/);
    // Dave also gives to the other campaign, which will release it.
    await submit(api.tx.donations.donate(keep, scn(300)), dave);
    const shown = await campaign(allOrNothing);
    assert.equal(shown.raised, scn(900).toString());
    assert.equal(shown.held, scn(900).toString());
    assert.equal(await totalIssuance(), issuance, 'donations move S-coin; they mint and burn none');
    // The escrow account ("modl" and the pallet's id, padded with zeros) holds what the
    // campaigns hold, on hold.
    const escrow = u8aConcat(stringToU8a('modl'), api.consts.donations.palletId.toU8a(), new Uint8Array(20));
    const holds = await api.query.balances.holds(escrow);
    assert.deepEqual(holds.map((hold) => [hold.id.toJSON(), hold.amount.toBigInt()]), [[{ donations: 'Escrow' }, scn(900) + scn(300)]]);
  });

  test('the charity records a won donation by bank transfer, which counts once its donor confirms it', async () => {
    const now = await chainTime();
    // Recorded for the wrong donor first: the charity retracts it, which frees the reference.
    const wrong = await submit(api.tx.donations.recordWonDonation(keep, eve.address, won(50_000), BANK_REFERENCE_HASH, now), charity);
    const mistaken = eventData(wrong.events, 'WonDonationRecorded').donation.toNumber();
    await assert.rejects(submit(api.tx.donations.retractWonDonation(mistaken), dave), /donations\.NotParty$/);
    const retracted = await submit(api.tx.donations.retractWonDonation(mistaken), charity);
    assert.equal(eventData(retracted.events, 'WonDonationRetracted').by.toString(), charity.address);
    assert.equal((await rpc(node.rpcPort, 'donations_ofDonor', [eve.address])).donations.at(-1).state, 'retracted');
    await assert.rejects(
      submit(api.tx.donations.recordWonDonation(keep, dave.address, won(50_000), BANK_REFERENCE_HASH, now - 400 * 86_400_000), charity),
      /donations\.BadDate$/,
      'a transfer dated before the campaign could have opened',
    );
    const recorded = await submit(api.tx.donations.recordWonDonation(keep, dave.address, won(50_000), BANK_REFERENCE_HASH, now), charity);
    const donation = eventData(recorded.events, 'WonDonationRecorded').donation.toNumber();
    assert.equal((await campaign(keep)).raisedWon, '0');
    await assert.rejects(
      submit(api.tx.donations.recordWonDonation(keep, eve.address, won(50_000), BANK_REFERENCE_HASH, now), charity),
      /donations\.DuplicateBankReference$/,
      'one bank transfer is recorded once',
    );
    await submit(api.tx.donations.confirmWonDonation(donation), dave);
    assert.equal((await campaign(keep)).raisedWon, won(50_000).toString());
    assert.equal((await campaign(keep)).held, scn(300).toString(), 'the chain holds no won');
  });

  test('once closed, the reviewer releases a milestone to the charity, and the charity reports its spending', async () => {
    const claim = () => submit(api.tx.donations.claimMilestone(keep, 0, blake2AsHex('invoice of the shelter repairs')), charity);
    await assert.rejects(claim(), /donations\.ReleaseNotAllowed$/, 'nothing is released while the campaign raises');
    await waitUntilClosable(keep);
    const funded = await submit(api.tx.donations.closeCampaign(keep), ferdie);
    assert.equal(eventData(funded.events, 'CampaignFunded').raised.toBigInt(), scn(300));
    await claim();
    await assert.rejects(submit(api.tx.donations.approveMilestone(keep, 0), charlie), /donations\.NotReviewer$/);
    await assert.rejects(submit(api.tx.donations.approveMilestone(keep, 0), charity), /donations\.NotReviewer$/);
    const before = await free(charity);
    const released = await submit(api.tx.donations.approveMilestone(keep, 0), bob);
    // The milestone costs 500; the campaign held 300, which is what is released.
    assert.equal(eventData(released.events, 'MilestoneReleased').amount.toBigInt(), scn(300));
    assert.equal(await free(charity), before + scn(300));
    await submit(api.tx.donations.reportSpending(keep, scn(250), 'DirectAid', blake2AsHex('transfer statement')), charity);
    await assert.rejects(
      submit(api.tx.donations.reportSpending(keep, scn(51), 'Administration', blake2AsHex('x')), charity),
      /donations\.SpendingExceedsReleased$/,
    );
    const shown = await campaign(keep);
    assert.deepEqual([shown.released, shown.spent, shown.held], [scn(300).toString(), scn(250).toString(), '0']);
    assert.equal(shown.milestones[0].state, 'released');
    const { reports } = await rpc(node.rpcPort, 'donations_spending', [keep]);
    assert.deepEqual(reports.map((report) => [report.amount, report.category]), [[scn(250).toString(), 'directAid']]);
  });

  test('an all-or-nothing campaign below its goal is closed by a stranger and refunded in idle time', async () => {
    await waitUntilClosable(allOrNothing);
    await assert.rejects(submit(api.tx.donations.donate(allOrNothing, scn(100)), ferdie), /donations\.CampaignClosed$/);
    const before = { dave: await free(dave), eve: await free(eve) };
    const closed = await submit(api.tx.donations.closeCampaign(allOrNothing), ferdie);
    assert.equal(eventData(closed.events, 'RefundsStarted').reason.toString(), 'GoalMissed');
    await waitFor(async () => (await campaign(allOrNothing)).status === 'refunded', { timeoutMs: 60_000, what: 'the refunds' });
    assert.equal(await free(dave), before.dave + scn(700));
    assert.equal(await free(eve), before.eve + scn(200));
    const shown = await campaign(allOrNothing);
    assert.deepEqual([shown.refundReason, shown.refunded, shown.held], ['goalMissed', scn(900).toString(), '0']);
    await assert.rejects(submit(api.tx.donations.refund(allOrNothing, 10), ferdie), /donations\.NotRefunding$/, 'a refund twice');
    const { donations } = await rpc(node.rpcPort, 'donations_ofDonor', [didOf(dave.address)]);
    const refunded = donations.find((gift) => gift.campaign === allOrNothing);
    assert.deepEqual([refunded.refunded, refunded.held], [scn(700).toString(), '0']);
    assert.equal(await totalIssuance(), issuance);
  });

  test('the charity cancels its other campaign, and issues receipts a donor exports for the tax settlement', async () => {
    const cancelled = await submit(api.tx.donations.cancelCampaign(keep), charity);
    assert.ok(cancelled.events.some((event) => api.events.donations.RefundsCompleted.is(event)), 'nothing held, nothing to refund');
    const year = koreanYear(await chainTime());
    const issued = await submit(api.tx.donations.issueReceipt(dave.address, year), charity);
    const data = eventData(issued.events, 'ReceiptIssued');
    assert.equal(data.lines.toNumber(), 2, 'the 300 SCN released and the confirmed won; the refunded donation is not listed');
    assert.equal(data.total.toBigInt(), scn(300) + won(50_000));
    await assert.rejects(submit(api.tx.donations.issueReceipt(dave.address, year), charity), /donations\.NothingToReceipt$/);
    await assert.rejects(submit(api.tx.donations.issueReceipt(dave.address, year), bob), /donations\.NotCharity$/);

    const { receipts } = await rpc(node.rpcPort, 'donations_receipts', [didOf(dave.address), year]);
    assert.equal(receipts.length, 1);
    assert.equal(receipts[0].number, `${year}-000001`);
    assert.equal(receipts[0].charityRegistration, '124-81-00998');
    assert.equal(receipts[0].donationTypeCode, 40);
    assert.equal(receipts[0].donor, didOf(dave.address));
    assert.deepEqual(receipts[0].lines.map((line) => line.currency), ['scoin', 'won']);

    const out = path.join(mkdtempSync(path.join(tmpdir(), 'receipts-')), `${year}.json`);
    const run = await runTool(EXPORT_TOOL, ['--ws', `ws://127.0.0.1:${node.rpcPort}`, '--donor', didOf(dave.address), '--year', String(year), '--out', out]);
    assert.equal(run.status, 0, run.stderr);
    const exported = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(exported.donor, didOf(dave.address));
    assert.equal(exported.year, year);
    assert.deepEqual(exported.receipts, receipts);
    assert.equal(exported.totals.deductible, (scn(300) + won(50_000)).toString());
    // A year without receipts exits 1; bad input 2.
    const none = await runTool(EXPORT_TOOL, ['--ws', `ws://127.0.0.1:${node.rpcPort}`, '--donor', dave.address, '--year', String(year - 1)]);
    assert.equal(none.status, 1);
    const bad = await runTool(EXPORT_TOOL, ['--ws', `ws://127.0.0.1:${node.rpcPort}`, '--donor', dave.address, '--year', '26']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /four-digit year/);
  });
});
