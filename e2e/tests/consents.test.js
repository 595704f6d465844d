// Patient-controlled consent for smart healthcare against `seoul-node --dev` with a stock
// @polkadot/api client: the city registers a pharmacy (a registrar alone may not); a patient
// lets a hospital read the lab results a clinic holds; the hospital checks the consent without a
// transaction and logs its reads; the pharmacy may not read under it, but logs an emergency read
// with its reason; the patient sees every read, revokes, and the next read is refused; a short
// consent lapses and a read after it is refused too. Only codes and hashes go on chain.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { SS58_PREFIX, didOf } from 'seoul-chain-tools/lib/citizens.js';
import { connect, eventData as palletEventData, rpc, startNode, submit, sudo, waitFor } from '../lib/node.js';

const DAY_MS = 86_400_000;
/** The purpose of the referral, hashed: it never goes on chain as text. */
const PURPOSE_HASH = blake2AsHex('referral to cardiology, 2026-11');
/** What the hospital read: the hash of the clinic's answer to its record request. */
const RECORD_HASH = blake2AsHex('clinic record request 2026-11-28/0001');
const REASON_HASH = blake2AsHex('unconscious patient in the emergency room, allergy check');

describe('health-record consents', () => {
  let node;
  let api;
  let alice;
  let dave;
  let ferdie;
  let hospital;
  let clinic;
  let pharmacy;
  // Carried from step to step: the steps run in order on one chain.
  let consent;
  let grantedAt;
  let expiresAt;

  before(async () => {
    node = await startNode(['--dev'], { name: 'consents' });
    api = await connect(node);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    // The development chain's healthcare providers: EveStash a hospital, FerdieStash a clinic.
    [alice, dave, ferdie, hospital, clinic, pharmacy] = ['//Alice', '//Dave', '//Ferdie', '//Eve//stash', '//Ferdie//stash', '//SeoulPharmacy']
      .map((uri) => keyring.addFromUri(uri));
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  const eventData = (events, name) => palletEventData(api, events, 'consents', name);
  const blockNumberOf = async (hash) => (await api.rpc.chain.getHeader(hash)).number.toNumber();
  const chainTime = async () => (await api.query.timestamp.now()).toNumber();
  const check = (patient, grantee, custodian, category) => rpc(node.rpcPort, 'consents_check', [patient, grantee, custodian, category]);

  test('the city registers a pharmacy as a healthcare provider; a registrar alone may not', async () => {
    const evidence = blake2AsHex(`salt:${pharmacy.address}:pharmacy licence checked by the city`);
    const register = () => api.tx.citizens.register(
      pharmacy.address, 'HealthcareProvider', ['HealthcareProvider'], evidence, { Sr25519: u8aToHex(pharmacy.publicKey) },
    );
    await assert.rejects(submit(register(), alice), /citizens\.CityOnly$/);
    const { events } = await sudo(api, register(), alice);
    const registered = events.find((event) => api.events.citizens.MemberRegistered.is(event));
    assert.equal(registered.data.member.toString(), pharmacy.address);
    assert.equal(registered.data.kind.toString(), 'HealthcareProvider');
    const member = await rpc(node.rpcPort, 'citizens_member', [pharmacy.address]);
    assert.equal(member.kind, 'healthcareProvider');
    assert.deepEqual(member.roles, ['healthcareProvider']);
  });

  test('a patient lets a hospital read the lab results a clinic holds; the hospital checks it without a transaction', async () => {
    expiresAt = (await chainTime()) + 30 * DAY_MS;
    const grant = (signer, category = 'LabResults') => submit(
      api.tx.consents.grantConsent(hospital.address, clinic.address, category, PURPOSE_HASH, expiresAt), signer,
    );
    const granted = await grant(dave);
    const data = eventData(granted.events, 'ConsentGranted');
    consent = data.consent.toNumber();
    assert.equal(consent, 0, 'a patient\'s consents are numbered from 0');
    assert.equal(data.patient.toString(), dave.address);
    assert.equal(data.grantee.toString(), hospital.address);
    assert.equal(data.custodian.toString(), clinic.address);
    assert.equal(data.category.toString(), 'LabResults');
    assert.equal(data.purposeHash.toHex(), PURPOSE_HASH);
    assert.equal(data.expiresAt.toNumber(), expiresAt);
    grantedAt = await blockNumberOf(granted.blockHash);

    const record = {
      id: consent,
      grantee: hospital.address,
      custodian: clinic.address,
      category: 'labResults',
      purposeHash: PURPOSE_HASH,
      grantedAt,
      expiresAt,
      revokedAt: null,
    };
    assert.deepEqual(await check(dave.address, hospital.address, clinic.address, 'labResults'), { inForce: true, consent: record });
    assert.deepEqual(
      await check(didOf(dave.address), didOf(hospital.address), didOf(clinic.address), 'labResults'),
      { inForce: true, consent: record },
      'DIDs name the same accounts',
    );
    for (const [grantee, custodian, category] of [
      [hospital, clinic, 'mentalHealth'], [pharmacy, clinic, 'labResults'], [clinic, hospital, 'labResults'],
    ]) {
      assert.deepEqual(await check(dave.address, grantee.address, custodian.address, category), { inForce: false, consent: null });
    }
    assert.deepEqual(await rpc(node.rpcPort, 'consents_list', [dave.address]), { consents: [record], next: null });

    // Only the patient consents, once per scope while in force, and never beyond a year.
    await assert.rejects(grant(hospital), /consents\.NotPatient$/);
    await assert.rejects(grant(dave), /consents\.ConsentInForce$/);
    await assert.rejects(
      submit(api.tx.consents.grantConsent(hospital.address, clinic.address, 'Imaging', PURPOSE_HASH, (await chainTime()) + 366 * DAY_MS), dave),
      /consents\.BadExpiry$/,
    );
  });

  test('the hospital logs its read; the pharmacy may not read under the hospital\'s consent', async () => {
    const logged = await submit(api.tx.consents.logAccess(dave.address, consent, RECORD_HASH), hospital);
    const data = eventData(logged.events, 'AccessLogged');
    assert.deepEqual(
      { patient: data.patient.toString(), access: data.access.toNumber(), provider: data.provider.toString(), consent: data.consent.toNumber(), recordHash: data.recordHash.toHex() },
      { patient: dave.address, access: 0, provider: hospital.address, consent, recordHash: RECORD_HASH },
    );
    assert.deepEqual(await rpc(node.rpcPort, 'consents_accesses', [dave.address]), {
      accesses: [{
        id: 0, provider: hospital.address, custodian: clinic.address, category: 'labResults', recordHash: RECORD_HASH,
        at: await blockNumberOf(logged.blockHash), consent,
      }],
      next: null,
    });
    await assert.rejects(submit(api.tx.consents.logAccess(dave.address, consent, RECORD_HASH), pharmacy), /consents\.NotGrantee$/);
    await assert.rejects(submit(api.tx.consents.logAccess(dave.address, consent, RECORD_HASH), ferdie), /consents\.NotProvider$/);
  });

  test('the pharmacy reads in an emergency without consent; the read is logged with its reason and the patient sees it', async () => {
    const emergency = (signer) => submit(
      api.tx.consents.logEmergencyAccess(dave.address, clinic.address, 'Allergies', RECORD_HASH, REASON_HASH), signer,
    );
    await assert.rejects(emergency(ferdie), /consents\.NotProvider$/, 'a citizen claims no emergency');
    const logged = await emergency(pharmacy);
    const data = eventData(logged.events, 'EmergencyAccessLogged');
    assert.equal(data.provider.toString(), pharmacy.address);
    assert.equal(data.reasonHash.toHex(), REASON_HASH);
    const { accesses } = await rpc(node.rpcPort, 'consents_accesses', [dave.address, 0]);
    assert.deepEqual(accesses, [{
      id: 1, provider: pharmacy.address, custodian: clinic.address, category: 'allergies', recordHash: RECORD_HASH,
      at: await blockNumberOf(logged.blockHash), emergencyReasonHash: REASON_HASH,
    }]);
  });

  test('the patient revokes; the next read is refused and the check says not in force', async () => {
    const revoked = await submit(api.tx.consents.revokeConsent(consent), dave);
    const data = eventData(revoked.events, 'ConsentRevoked');
    assert.equal(data.patient.toString(), dave.address);
    assert.equal(data.consent.toNumber(), consent);
    await assert.rejects(submit(api.tx.consents.logAccess(dave.address, consent, RECORD_HASH), hospital), /consents\.ConsentRevoked$/);
    await assert.rejects(submit(api.tx.consents.revokeConsent(consent), dave), /consents\.AlreadyRevoked$/);
    assert.deepEqual(await check(dave.address, hospital.address, clinic.address, 'labResults'), { inForce: false, consent: null });
    const { consents } = await rpc(node.rpcPort, 'consents_list', [dave.address]);
    assert.equal(consents[0].revokedAt, await blockNumberOf(revoked.blockHash), 'the record stays, marked revoked');
  });

  test('a consent lapses at its expiry, and a read after it is refused', async () => {
    const lapsesAt = (await chainTime()) + 12_000;
    const granted = await submit(api.tx.consents.grantConsent(hospital.address, clinic.address, 'Imaging', PURPOSE_HASH, lapsesAt), dave);
    const imaging = eventData(granted.events, 'ConsentGranted').consent.toNumber();
    await waitFor(async () => (await chainTime()) >= lapsesAt, { timeoutMs: 60_000, what: 'the chain\'s clock to pass the expiry' });
    await assert.rejects(submit(api.tx.consents.logAccess(dave.address, imaging, RECORD_HASH), hospital), /consents\.ConsentExpired$/);
    assert.deepEqual(await check(dave.address, hospital.address, clinic.address, 'imaging'), { inForce: false, consent: null });
  });

  test('a malformed check gets a typed error', async () => {
    await assert.rejects(check(dave.address, hospital.address, clinic.address, 'LabResults'), /Invalid params/i);
    await assert.rejects(check('not-an-address', hospital.address, clinic.address, 'labResults'), /neither a did:seoul: DID nor an address/);
  });
});
