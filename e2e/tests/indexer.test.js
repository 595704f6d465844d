// The auditors' indexer (indexer/) against `seoul-node --dev` and a real PostgreSQL: after an
// S-coin campaign its GraphQL totals equal the chain's supply ledger and programme standings;
// it counts finalised blocks only; and after a crash it resumes where it stopped, every event
// once.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import { makePaymentRequest, payCall, parsePayload, scnToPlanck } from 'seoul-chain-tools/lib/scoin.js';
import { historyOf } from '../../wallet/src/history.js';
import { startIndexer, startPostgres } from '../lib/indexer.js';
import { contractTerms, iso, koreanDate } from '../lib/labor.js';
import {
  connect, eventData, finalizedNumber, rpc, startNode, submit, submitAll, sudo, waitFor,
} from '../lib/node.js';

const SCN = scnToPlanck('1');
/** Two programmes, paying fixed rewards of different sizes. */
const PROGRAMMES = [
  { name: 'Property tax e-payment 2026', category: 'TaxPayment', reward: 5n * SCN },
  { name: 'Public bicycle commute 2026', category: 'PublicTransport', reward: 3n * SCN },
];
/** The pallets whose every event the indexer keeps (indexer/project.template.yaml). */
const INDEXED_PALLETS = new Set(['citizens', 'sCoin', 'credentials', 'labor', 'consents', 'donations', 'balances',
  'transactionPayment', 'validatorSet', 'session', 'nodeAuthorization', 'offences', 'grandpa', 'council',
  'councilMembership', 'enactment', 'preimage', 'scheduler', 'txPause', 'safeMode', 'sudo', 'utility']);
const NODE_ARGS = ['--dev', '--state-pruning', 'archive-canonical'];

describe('the auditors\' indexer', () => {
  let postgres;
  let node;
  let api;
  let indexer;
  let keys;
  let genesisHash;
  const receipts = { next: 0 };

  before(async () => {
    postgres = await startPostgres();
    node = await startNode(NODE_ARGS, { name: 'indexer-chain' });
    api = await connect(node);
    genesisHash = api.genesisHash.toHex();
    indexer = await startIndexer(node, postgres);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    keys = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'CafeMerchant', 'BakeryMerchant',
      'Grace', 'University', 'Employer', 'Charity']
      .map((name) => [name.toLowerCase(), keyring.addFromUri(`//${name}`)]));
  });

  after(async () => {
    await indexer?.kill();
    await api?.disconnect();
    await node?.stop();
    await postgres?.stop();
  });

  const bestNumber = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  const receipt = () => blake2AsHex(`seoul-indexer-test:receipt:${receipts.next++}`);
  const reward = (programme, citizen) => ({ citizen: citizen.address, receipt: receipt(), amount: PROGRAMMES[programme].reward });

  /** Resolves once the chain has finalised `height` and the indexer has written it. */
  async function indexedThrough(height) {
    await waitFor(async () => (await finalizedNumber(api)) >= height, { timeoutMs: 60_000, what: `block ${height} finalised` });
    await waitFor(async () => (await indexer.lastProcessedHeight()) >= height, { timeoutMs: 90_000, what: `block ${height} indexed` });
  }

  /** The indexer's S-coin totals next to the supply ledger, which they must equal. */
  async function totals() {
    const data = await indexer.query(`{
      rewards { aggregates { sum { amount } } }
      settlements { aggregates { sum { amount } } }
      redemptions { aggregates { sum { price } } }
      burns { aggregates { sum { amount } } }
    }`);
    return {
      minted: data.rewards.aggregates.sum.amount,
      burnedInSettlement: data.settlements.aggregates.sum.amount,
      burnedInRedemption: data.redemptions.aggregates.sum.price,
      burnedOtherwise: data.burns.aggregates.sum.amount,
    };
  }

  async function assertTotalsEqualTheLedger() {
    const supply = await rpc(node.rpcPort, 'scoin_supply', []);
    const indexed = await totals();
    assert.deepEqual(indexed, {
      minted: supply.minted,
      burnedInSettlement: supply.burnedInSettlement,
      burnedInRedemption: supply.burnedInRedemption,
      burnedOtherwise: supply.burnedOtherwise,
    });
    assert.equal(
      BigInt(supply.genesis) + BigInt(indexed.minted) - BigInt(indexed.burnedInSettlement)
        - BigInt(indexed.burnedInRedemption) - BigInt(indexed.burnedOtherwise),
      BigInt(supply.totalIssuance),
    );
    return indexed;
  }

  test('after an S-coin campaign, the GraphQL totals equal the supply ledger and the programmes', async () => {
    const { alice, bob, charlie, dave, eve, ferdie, cafemerchant: cafe, bakerymerchant: bakery } = keys;
    const start = await bestNumber();
    const merchantOf = (pair, what) => api.tx.citizens.register(pair.address, 'Merchant', ['Merchant'],
      blake2AsHex(`salt:${pair.address}:${what}`), { Sr25519: u8aToHex(pair.publicKey) });
    await sudo(api, api.tx.utility.batchAll([
      ...PROGRAMMES.flatMap((programme, id) => [
        api.tx.sCoin.createProgramme(programme.name, bob.address, programme.category, 1_000n * SCN,
          { Fixed: programme.reward }, 20n * SCN, 1_000, start, start + 100_000),
        api.tx.sCoin.addRewardIssuer(id, bob.address),
      ]),
      merchantOf(cafe, 'cafe registration'),
      merchantOf(bakery, 'bakery registration'),
      api.tx.sCoin.listCatalogueItem('Seoul Forest parking, one day', 2n * SCN, 10),
    ]), alice);

    await Promise.all([
      submitAll(api, [
        api.tx.sCoin.rewardBatch(0, [reward(0, dave), reward(0, dave), reward(0, eve)]),
        api.tx.sCoin.rewardBatch(1, [reward(1, dave), reward(1, ferdie)]),
      ], bob),
      submit(api.tx.sCoin.registerMerchant('ZP-1100-0101', 5814), cafe),
      submit(api.tx.sCoin.registerMerchant('ZP-1100-0102', 5462), bakery),
    ]);

    const expiry = (await bestNumber()) + 50;
    const pay = (payer, merchant, amount, order) => payCall(api, parsePayload(makePaymentRequest({
      genesisHash, merchant, amount: scnToPlanck(amount), orderReference: order, expiry,
    }).uri));
    await Promise.all([
      submitAll(api, [pay(dave, cafe, '2', 'CAFE-0001'), pay(dave, bakery, '1', 'BAKERY-0001')], dave),
      submit(pay(eve, bakery, '1.5', 'BAKERY-0002'), eve),
    ]);
    await Promise.all([
      submit(api.tx.sCoin.redeem(0), eve),
      submit(api.tx.sCoin.requestSettlement(scnToPlanck('1.5')), cafe),
    ]);
    const bankReferenceHash = blake2AsHex('KB-2026-11-29-000123');
    await submit(api.tx.sCoin.confirmSettlement(0, bankReferenceHash), charlie);

    const { events: scheduling } = await sudo(api, api.tx.sCoin.scheduleDistribution(1, PROGRAMMES[1].reward), alice);
    const distribution = eventData(api, scheduling, 'sCoin', 'DistributionScheduled').distribution.toNumber();
    await waitFor(async () => (await rpc(node.rpcPort, 'scoin_distribution', [distribution])).status === 'completed',
      { timeoutMs: 60_000, what: 'the distribution to complete' });
    // Ferdie empties its account below the existential deposit: its dust is burned.
    const ferdieFree = (await api.query.system.account(ferdie.address)).data.free.toBigInt();
    const { events: reaped } = await submit(api.tx.balances.transferAllowDeath(eve.address, ferdieFree - 500n), ferdie);
    assert.equal(eventData(api, reaped, 'balances', 'DustLost').amount.toBigInt(), 500n);

    await indexedThrough(await bestNumber());
    const indexed = await assertTotalsEqualTheLedger();
    assert.ok(BigInt(indexed.minted) > 0n && BigInt(indexed.burnedOtherwise) === 500n, JSON.stringify(indexed));

    const data = await indexer.query(`{
      rewards { groupedAggregates(groupBy: PROGRAMME) { keys sum { amount } distinctCount { citizen } } }
      payments { groupedAggregates(groupBy: MERCHANT) { keys sum { amount } } }
      byDay: payments { groupedAggregates(groupBy: DAY) { keys sum { amount } } }
      settlements { nodes { id merchant amount status bankReferenceHash agent } }
      distributions { nodes { id programme status paid total } }
      paid: chainEvents(filter: { pallet: { equalTo: "sCoin" }, name: { equalTo: "Paid" } }) { totalCount nodes { signer args } }
    }`);
    const byProgramme = Object.fromEntries(data.rewards.groupedAggregates.map((group) => [group.keys[0], group.sum.amount]));
    for (const id of [0, 1]) {
      assert.equal(byProgramme[String(id)], (await rpc(node.rpcPort, 'scoin_programme', [id])).issued, `programme ${id}`);
    }
    const byMerchant = Object.fromEntries(data.payments.groupedAggregates.map((group) => [group.keys[0], group.sum.amount]));
    assert.deepEqual(byMerchant, { [cafe.address]: '2000000', [bakery.address]: '2500000' });
    assert.equal(data.byDay.groupedAggregates.reduce((sum, group) => sum + BigInt(group.sum.amount), 0n), 4_500_000n);
    for (const { keys: [day] } of data.byDay.groupedAggregates) assert.match(day, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(data.settlements.nodes, [{
      id: '0', merchant: cafe.address, amount: '1500000', status: 'settled', bankReferenceHash, agent: charlie.address,
    }]);
    const citizens = (await api.query.citizens.activeMembers('Citizen')).toNumber();
    assert.deepEqual(data.distributions.nodes, [{
      id: String(distribution), programme: 1, status: 'completed', paid: citizens,
      total: (PROGRAMMES[1].reward * BigInt(citizens)).toString(),
    }]);
    // The history the citizen wallet shows, from the same indexer.
    const history = await historyOf(indexer.url, dave.address);
    assert.deepEqual(history.rewards, [
      { programme: 0, total: 2n * PROGRAMMES[0].reward, count: 2 },
      { programme: 1, total: 2n * PROGRAMMES[1].reward, count: 2 },
    ], 'two rewards in programme 0; a reward and the distribution in programme 1');
    assert.deepEqual(history.payments.map(({ merchant, amount, orderReference }) => ({ merchant, amount, orderReference }))
      .sort((a, b) => a.orderReference.localeCompare(b.orderReference)), [
      { merchant: bakery.address, amount: SCN, orderReference: 'BAKERY-0001' },
      { merchant: cafe.address, amount: 2n * SCN, orderReference: 'CAFE-0001' },
    ]);
    assert.equal(data.paid.totalCount, 3);
    const eves = data.paid.nodes.find((row) => row.signer === eve.address);
    assert.deepEqual(JSON.parse(eves.args), {
      merchant: bakery.address, payer: eve.address, amount: 1_500_000, orderReference: 'BAKERY-0002',
      nonce: JSON.parse(eves.args).nonce,
    });
  });

  test('the register, credentials and donations are in their tables as the chain holds them', async () => {
    const { alice, bob, dave, eve, grace, university, employer, charity } = keys;
    const registration = (pair, kind, roles) => api.tx.citizens.register(pair.address, kind, roles,
      blake2AsHex(`salt:${pair.address}:papers checked`), { Sr25519: u8aToHex(pair.publicKey) });
    const schema = blake2AsHex('seoul-indexer-test:schema:volunteer-hours');
    await sudo(api, api.tx.utility.batchAll([
      registration(university, 'CredentialIssuer', ['CredentialIssuer']),
      registration(employer, 'Employer', ['Employer']),
      registration(charity, 'Charity', ['Charity']),
      api.tx.credentials.registerSchema(schema, 'Volunteer hours'),
      api.tx.credentials.authoriseIssuer(schema, university.address),
    ]), alice);
    const credentials = [0, 1].map((n) => blake2AsHex(`seoul-indexer-test:credential:${n}`));
    const validFrom = (await api.query.timestamp.now()).toNumber();
    await Promise.all([
      submit(registration(grace, 'Citizen', []), alice),
      submit(api.tx.donations.registerCharity('1248100998', 'General'), charity),
      submitAll(api, credentials.map((hash) => api.tx.credentials.attest(university.address, hash, schema, dave.address,
        validFrom, null)), university),
    ]);
    const deadline = (await api.query.timestamp.now()).toNumber() + 3_600_000;
    const { events: opening } = await submit(api.tx.donations.openCampaign(20n * SCN, deadline, 'KeepWhatIsRaised',
      { Agency: bob.address }, blake2AsHex('campaign: winter shelter'), [[20n * SCN, blake2AsHex('milestone 0')]]), charity);
    const campaign = eventData(api, opening, 'donations', 'CampaignOpened').campaign.toNumber();
    const [, { events: evesGift }] = await Promise.all([
      submit(api.tx.credentials.revoke(credentials[1]), university),
      submit(api.tx.donations.donate(campaign, 4n * SCN), eve),
      submitAll(api, [
        api.tx.credentials.submit(employer.address, [credentials[0]], blake2AsHex('purpose: hiring')),
        api.tx.donations.donate(campaign, 2n * SCN),
      ], dave),
      submit(api.tx.citizens.suspend(grace.address), alice),
    ]);
    await submit(api.tx.donations.withdrawDonation(eventData(api, evesGift, 'donations', 'Donated').donation), eve);

    await indexedThrough(await bestNumber());
    const data = await indexer.query(`{
      members(first: 100) { totalCount nodes { id did kind roles status registeredAt } }
      credentials(orderBy: ID_ASC) { nodes { id schema issuer subject status } }
      credentialSchemata { nodes { id name deprecated } }
      submissions { nodes { holder verifier status } }
      campaigns { nodes { id charity goal status mode } }
      donations(filter: { campaign: { equalTo: ${campaign} } }) {
        groupedAggregates(groupBy: STATE) { keys sum { amount } }
      }
    }`);
    // Every member the register holds, those of the genesis block among them, as it holds them.
    const register = await api.query.citizens.members.keys();
    assert.equal(data.members.totalCount, register.length);
    const rows = new Map(data.members.nodes.map((row) => [row.id, row]));
    const lower = (value) => value.type.charAt(0).toLowerCase() + value.type.slice(1);
    for (const { args: [account] } of register) {
      const member = (await api.call.citizensApi.member(`did:seoul:${account}`)).unwrap();
      assert.deepEqual(rows.get(account.toString()), {
        id: account.toString(),
        did: member.did.toUtf8(),
        kind: lower(member.kind),
        roles: member.roles.map(lower).join(','),
        status: lower(member.status),
        registeredAt: member.registeredAt.toNumber(),
      });
    }
    assert.equal(rows.get(grace.address).status, 'suspended');
    assert.equal(rows.get(alice.address).registeredAt, 0, 'a member of the genesis block');

    assert.deepEqual(data.credentials.nodes, [
      { id: credentials[0], schema, issuer: university.address, subject: dave.address, status: 'active' },
      { id: credentials[1], schema, issuer: university.address, subject: dave.address, status: 'revoked' },
    ].sort((a, b) => a.id.localeCompare(b.id)));
    const verified = await rpc(node.rpcPort, 'credentials_verify', [credentials[1]]);
    assert.equal(verified.status, 'revoked');
    assert.deepEqual(data.credentialSchemata.nodes, [{ id: schema, name: 'Volunteer hours', deprecated: false }]);
    assert.deepEqual(data.submissions.nodes, [{ holder: dave.address, verifier: employer.address, status: 'submitted' }]);
    assert.deepEqual(data.campaigns.nodes, [{
      id: String(campaign), charity: charity.address, goal: (20n * SCN).toString(), status: 'fundraising', mode: 'keepWhatIsRaised',
    }]);
    const byState = Object.fromEntries(data.donations.groupedAggregates.map((group) => [group.keys[0], group.sum.amount]));
    assert.deepEqual(byState, { given: (2n * SCN).toString(), withdrawn: (4n * SCN).toString() });
    assert.equal((await rpc(node.rpcPort, 'donations_campaign', [campaign])).held, byState.given);
  });

  test('labour contracts, pay statements, consents and record reads (under consent and in an emergency) are in their tables', async () => {
    const { dave } = keys;
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    // The dev chain's employer, and its healthcare providers: a hospital and a clinic.
    const [employer, hospital, clinic] = ['//Two', '//Eve//stash', '//Ferdie//stash'].map((uri) => keyring.addFromUri(uri));
    const now = (await api.query.timestamp.now()).toNumber();
    const [start, last] = [7, 1].map((days) => koreanDate(now, days));
    const { events } = await submit(api.tx.labor.proposeContract(dave.address, start, null, contractTerms(10_320)), employer);
    const contract = eventData(api, events, 'labor', 'ContractProposed').contract.toNumber();
    const expiresAt = now + 30 * 86_400_000;
    const [, granted] = await submitAll(api, [
      api.tx.labor.acceptContract(contract),
      api.tx.consents.grantConsent(hospital.address, clinic.address, 'Imaging', blake2AsHex('purpose: a second opinion'), expiresAt),
    ], dave);
    const computed = await rpc(node.rpcPort, 'labor_pay', [contract, iso(start), iso(last)]);
    const consent = eventData(api, granted.events, 'consents', 'ConsentGranted').consent.toNumber();
    await Promise.all([
      submit(api.tx.labor.issuePayStatement(contract, start, last, { gross: 70_000, deductions: 0, net: 70_000 },
        blake2AsHex('pay slip')), employer),
      submit(api.tx.consents.logAccess(dave.address, consent, blake2AsHex('the CT scan of 2026-11-02')), hospital),
    ]);
    // A read without consent, in an emergency: the same table, with no consent and the flag set.
    await submit(api.tx.consents.logEmergencyAccess(dave.address, clinic.address, 'Allergies',
      blake2AsHex('the allergy list'), blake2AsHex('unconscious in the emergency room')), hospital);

    await indexedThrough(await bestNumber());
    const data = await indexer.query(`{
      contracts { nodes { id employer worker status weeklyMinutes } }
      payStatements { nodes { contract from to gross shortfall status } }
      consents { nodes { patient grantee custodian category status expiresAt } }
      recordAccesses(orderBy: BLOCK_HEIGHT_ASC) { nodes { patient provider consent emergency } }
    }`);
    assert.deepEqual(data.contracts.nodes, [{
      id: String(contract), employer: employer.address, worker: dave.address, status: 'signed', weeklyMinutes: 1_200,
    }]);
    assert.deepEqual(data.payStatements.nodes, [{
      contract, from: iso(start), to: iso(last), gross: '70000', shortfall: String(Math.max(0, computed.gross - 70_000)), status: 'issued',
    }]);
    assert.deepEqual(data.consents.nodes, [{
      patient: dave.address, grantee: hospital.address, custodian: clinic.address, category: 'imaging', status: 'granted', expiresAt: String(expiresAt),
    }]);
    assert.deepEqual(data.recordAccesses.nodes, [
      { patient: dave.address, provider: hospital.address, consent, emergency: false },
      { patient: dave.address, provider: hospital.address, consent: null, emergency: true },
    ]);
  });

  test('blocks not yet final are not counted; a crashed indexer resumes, every event once', async () => {
    const { bob, dave } = keys;
    const before = await totals();
    // The node authors blocks but finalises none.
    await indexer.stop();
    await api.disconnect();
    await node.stop({ keepBasePath: true });
    node = await startNode([...NODE_ARGS, '--no-grandpa'], { name: 'indexer-chain', basePath: node.basePath });
    api = await connect(node);
    indexer = await startIndexer(node, postgres);
    const finalised = await finalizedNumber(api);
    const { blockHash } = await submit(api.tx.sCoin.reward(0, reward(0, dave)), bob);
    const rewardedAt = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
    await waitFor(async () => (await bestNumber()) >= rewardedAt + 2, { what: 'two more blocks' });
    assert.equal(await finalizedNumber(api), finalised, 'nothing finalised without GRANDPA');
    assert.ok((await indexer.lastProcessedHeight()) <= finalised);
    assert.deepEqual(await totals(), before, 'the reward in a block not final is not counted');

    // The indexer crashes; the node restarts with GRANDPA and finalises the backlog.
    await indexer.kill();
    await api.disconnect();
    const basePath = node.basePath;
    await node.stop({ keepBasePath: true });
    node = await startNode(NODE_ARGS, { name: 'indexer-chain', basePath });
    api = await connect(node);
    indexer = await startIndexer(node, postgres);
    const best = await bestNumber();
    await indexedThrough(best);
    const after = await assertTotalsEqualTheLedger();
    assert.equal(BigInt(after.minted) - BigInt(before.minted), PROGRAMMES[0].reward);

    // Every event of the indexed pallets in every block, once: the rows per block equal the chain's.
    const { chainEvents } = await indexer.query(`{ chainEvents { totalCount
      groupedAggregates(groupBy: BLOCK_HEIGHT) { keys distinctCount { id } } } }`);
    const indexedPerBlock = new Map(chainEvents.groupedAggregates.map((group) => [Number(group.keys[0]), Number(group.distinctCount.id)]));
    let onChain = 0;
    for (let height = 1; height <= best; height += 1) {
      const at = await api.at(await api.rpc.chain.getBlockHash(height));
      const count = (await at.query.system.events()).filter(({ event }) => INDEXED_PALLETS.has(event.section)).length;
      assert.equal(indexedPerBlock.get(height) ?? 0, count, `block ${height}`);
      onChain += count;
    }
    assert.equal(chainEvents.totalCount, onChain);
  });
});
